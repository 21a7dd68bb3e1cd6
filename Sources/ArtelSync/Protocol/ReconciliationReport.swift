/// What one reconciliation of a plane took and found, as the initiator counts it: for the node's
/// log and the benchmarks that read it.
public struct ReconciliationReport: Sendable, Hashable {
    /// The plane reconciled.
    public let plane: Plane
    /// When it started (Unix milliseconds), before the items were read.
    public let started: UInt64
    /// The items this side reconciled.
    public var items = 0
    /// Replies the responder sent: the round trips over the network.
    public var roundTrips = 0
    /// Negentropy payload bytes sent.
    public var bytesSent = 0
    /// Negentropy payload bytes received.
    public var bytesReceived = 0
    /// Deltas the peer lacked, which this side offers.
    public var offered = 0
    /// Deltas this side lacked, which it wants.
    public var wanted = 0
    /// From the start, reading the items included, to the last reply.
    public var milliseconds: UInt64 = 0

    /// A reconciliation just started.
    public init(plane: Plane, started: UInt64) {
        self.plane = plane
        self.started = started
    }
}
