import NIOConcurrencyHelpers
import NIOCore

/// Connections the listening socket accepted that the listener has not taken up yet.
///
/// NIO makes each accepted connection's async channel before it hands the channel over, and drops
/// the ones it can no longer hand over once the listener stops. Their writers were never finished,
/// and NIO traps on that when the channel becomes active (apple/swift-nio#3481), ending the
/// process. Held here until taken up, the ones left when the listener stops are closed instead.
final class AcceptedConnections: Sendable {
    private let held = NIOLockedValueBox<[ObjectIdentifier: NIOAsyncChannel<ByteBuffer, ByteBuffer>]>([:])

    /// Holds a connection NIO just made.
    func hold(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>) {
        held.withLockedValue { $0[ObjectIdentifier(connection.channel)] = connection }
    }

    /// Lets go of a connection the listener took up.
    func release(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>) {
        _ = held.withLockedValue { $0.removeValue(forKey: ObjectIdentifier(connection.channel)) }
    }

    /// Closes every connection never taken up, each in a task of its own that keeps it until it is
    /// closed. The listener does not wait for them: a connection NIO made but never registered
    /// may never report its close.
    func closeLeftovers() {
        let leftovers = held.withLockedValue { held in
            defer { held.removeAll() }
            return Array(held.values)
        }
        for connection in leftovers {
            Task { try? await connection.executeThenClose { _, _ in } }
        }
    }
}
