public import ArtelCore
public import ArtelSync

/// How a running node behaves: who it is, where it listens, whom it lets in, and its limits.
public struct NodeConfiguration: Sendable {
    /// The node's human name, sent in hellos.
    public var name: String
    /// The node key: its identity in handshakes.
    public var key: SigningKey
    /// The federation's network key; nodes with another key cannot connect.
    public var networkKey: NetworkKey
    /// Where to listen for peers; `nil` to dial only.
    public var listen: PeerAddress?
    /// When set, only these node keys may connect.
    public var allowList: Set<PublicKey>?
    /// The most sessions at once, inbound and outbound together.
    public var maximumConnections = 64
    /// How long a handshake may take, in milliseconds.
    public var handshakeTimeout: UInt64 = 10_000
    /// The session limits.
    public var limits = Limits()
    /// How often a live session reconciles again, in milliseconds.
    public var reconcileInterval: UInt64 = 300_000
    /// The first and the longest wait before redialing a peer, in milliseconds.
    public var redialDelay: ClosedRange<UInt64> = 1_000...300_000
    /// How long a peer that sent too many refused deltas is kept away, in milliseconds.
    public var banDuration: UInt64 = 600_000
    /// How often the node looks for deltas written by other processes (the command line), in milliseconds.
    public var localChangesInterval: UInt64 = 25

    /// The software and version sent in hellos.
    public static let software = "artel/0.2.0"

    /// A configuration with defaults for everything but identity.
    public init(name: String, key: SigningKey, networkKey: NetworkKey = .publicFederation, listen: PeerAddress?) {
        self.name = name
        self.key = key
        self.networkKey = networkKey
        self.listen = listen
    }
}
