/// The limits a session enforces, so that no peer can make a node spend without bound (DESIGN §8.6).
public struct Limits: Hashable, Sendable {
    /// The largest application message, in bytes (type byte and body).
    public var maximumMessageSize = 1 << 20
    /// The most ids one `want` may name.
    public var maximumIDsPerWant = 1_000
    /// The most ids this node asks for and has not received yet, per session.
    public var maximumWantedInFlight = 10_000
    /// The most delta bytes a `deltas` message this node sends may hold: small enough that a
    /// flaky link still completes messages, large enough to carry a hundred deltas.
    public var maximumDeltasMessageSize = 64 << 10
    /// Outgoing bytes beyond which pushes are dropped (a reconciliation repairs them) and offers wait.
    public var maximumQueuedBytes = 2 << 20
    /// Refused deltas from one peer within ``refusalWindow`` that end its session.
    public var maximumRefusals = 100
    /// The window in which refusals are counted, in milliseconds.
    public var refusalWindow: UInt64 = 60_000
    /// Silence after which this node pings, in milliseconds.
    public var pingInterval: UInt64 = 30_000
    /// Silence after which the session ends, in milliseconds.
    public var idleTimeout: UInt64 = 120_000
    /// The Negentropy frame-size limit (0 for none; otherwise at least 4096).
    public var reconciliationFrameSize = 512 << 10

    /// The defaults.
    public init() {}
}
