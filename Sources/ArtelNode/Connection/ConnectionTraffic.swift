import Synchronization

/// The bytes one connection read and wrote since its session last wrote its counters: the reader
/// and the writer add, the session loop takes them when it records the peer (see
/// ``Replica/recordPeer(_:state:now:connected:synced:error:deltasIn:deltasOut:refused:bytesIn:bytesOut:)``).
final class ConnectionTraffic: Sendable {
    private let received = Atomic<Int>(0)
    private let sent = Atomic<Int>(0)

    /// Counts bytes read from the peer.
    func add(received count: Int) { received.add(count, ordering: .relaxed) }

    /// Counts bytes written to the peer.
    func add(sent count: Int) { sent.add(count, ordering: .relaxed) }

    /// The bytes counted since the last call, both counters starting again from zero.
    func take() -> (received: Int, sent: Int) {
        (received.exchange(0, ordering: .relaxed), sent.exchange(0, ordering: .relaxed))
    }
}
