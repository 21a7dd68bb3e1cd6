public import ArtelCore

/// A peer as this node remembers it: configured ones to dial, and any that connected.
public struct PeerRecord: Sendable, Hashable {
    /// The peer's node key.
    public let key: PublicKey
    /// Where to dial it (`host:port`), when known.
    public let address: String?
    /// Whether the operator configured it (`artel peer add`), so the node dials it.
    public let isConfigured: Bool
    /// When it was added or first seen, in Unix milliseconds.
    public let added: UInt64
    /// The last known state.
    public let state: PeerState
    /// When a session last started, in Unix milliseconds.
    public let connected: UInt64?
    /// When a session last caught up with the peer (its first reconciliation, and the transfers it
    /// asked for, done), in Unix milliseconds.
    public let synced: UInt64?
    /// Why the last session ended, when it ended badly.
    public let error: String?
    /// Deltas accepted from the peer.
    public let deltasIn: Int
    /// Deltas sent to the peer.
    public let deltasOut: Int
    /// Deltas from the peer that were refused.
    public let refused: Int
    /// Bytes received from the peer in its sessions, as they came over the wire (encrypted).
    public let bytesIn: Int
    /// Bytes sent to the peer in its sessions, as they went over the wire (encrypted).
    public let bytesOut: Int

    /// Whether `artel peer list` shows it: configured, or in a session now. Others that dialed this
    /// node are remembered for a while, but a stranger's visit is not a peer.
    public var isShown: Bool { isConfigured || state.isInSession }
}
