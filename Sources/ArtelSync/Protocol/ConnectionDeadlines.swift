/// The deadlines of one connection around its session (`protocol/wire.md` §7), as a pure state
/// machine: the shell reports what happened and asks, at each tick, whether a deadline passed.
///
/// - The handshake must succeed within ``handshakeLimit`` of the connection opening.
/// - Once this node has told its writer to say goodbye, the peer has ``finishingLimit`` to read it.
/// - A running session's counters are written every ``flushInterval``.
public struct ConnectionDeadlines: Sendable, Hashable {
    /// A deadline that passed.
    public enum Expired: Sendable, Hashable {
        /// The handshake took longer than ``ConnectionDeadlines/handshakeLimit`` milliseconds.
        case handshake
        /// The peer did not read this node's goodbye within ``ConnectionDeadlines/finishingLimit``.
        case goodbyeUnread
    }

    /// The longest the handshake may take, in milliseconds.
    public let handshakeLimit: UInt64
    /// The longest the peer may take to read this node's last messages, in milliseconds.
    public static let finishingLimit: UInt64 = 5_000
    /// How often a session's counters are written, in milliseconds.
    public static let flushInterval: UInt64 = 10_000

    private let opened: UInt64
    private var established = false
    private var finishingSince: UInt64?
    private var lastFlush: UInt64

    /// The deadlines of a connection opened at `now`.
    public init(handshakeLimit: UInt64, now: UInt64) {
        self.handshakeLimit = handshakeLimit
        opened = now
        lastFlush = now
    }

    /// The handshake succeeded.
    public mutating func onEstablished(now: UInt64) {
        established = true
        lastFlush = now
    }

    /// This node is about to tell its writer to say goodbye.
    ///
    /// - Returns: `true` the first time, when the writer must be told; `false` after.
    public mutating func onFinishing(now: UInt64) -> Bool {
        guard finishingSince == nil else { return false }
        finishingSince = now
        return true
    }

    /// Whether this node has told its writer to say goodbye.
    public var isFinishing: Bool { finishingSince != nil }

    /// The deadline that passed by `now`, if one did.
    public func expired(now: UInt64) -> Expired? {
        if !established && now >= opened + handshakeLimit { return .handshake }
        if let since = finishingSince, now >= since + Self.finishingLimit { return .goodbyeUnread }
        return nil
    }

    /// Whether the session's counters are due to be written at `now`; when they are, the next
    /// flush is due ``flushInterval`` later.
    public mutating func takeFlushDue(now: UInt64) -> Bool {
        guard established, now >= lastFlush + Self.flushInterval else { return false }
        lastFlush = now
        return true
    }

    /// The counters were written at `now` for another reason (the session caught up).
    public mutating func onFlushed(now: UInt64) {
        lastFlush = now
    }
}
