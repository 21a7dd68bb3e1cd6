/// Where this node stands with a peer, as the replica stores it and `artel peer list` shows it.
public enum PeerState: String, Sendable, Hashable, CaseIterable {
    /// Added, never connected.
    case new
    /// In a session whose first reconciliation is not over.
    case syncing
    /// In a session that has caught up: pushes flow both ways.
    case live
    /// The last session is over.
    case disconnected
    /// A dial failed; the node tries again later.
    case backingOff = "backing off"

    /// Whether a session is open.
    public var isInSession: Bool { self == .syncing || self == .live }
}
