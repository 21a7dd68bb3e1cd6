/// Why a session ends or a reconciliation fails, as sent in `goodbye` and `reconcileError`.
public struct WireCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The wire value.
    public let rawValue: UInt16

    /// A code by its wire value; values this version does not name are kept, since a newer peer
    /// may send them.
    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// The node is shutting down or the session is done.
    public static let normal = WireCode(rawValue: 0)
    /// The peer speaks a protocol version this node does not.
    public static let unsupportedVersion = WireCode(rawValue: 1)
    /// A message arrived that the session's state does not allow.
    public static let protocolViolation = WireCode(rawValue: 2)
    /// A message could not be decoded.
    public static let malformedMessage = WireCode(rawValue: 3)
    /// A message is larger than ``Limits/maximumMessageSize``.
    public static let messageTooLarge = WireCode(rawValue: 4)
    /// A `want` names more ids than ``Limits/maximumIDsPerWant``.
    public static let tooManyIDs = WireCode(rawValue: 5)
    /// The peer sent too many deltas this node refused.
    public static let tooManyRefusals = WireCode(rawValue: 6)
    /// The peer said nothing for too long.
    public static let idleTimeout = WireCode(rawValue: 7)
    /// Another session with the same peer is already open.
    public static let duplicateSession = WireCode(rawValue: 8)
    /// The peer's node key is not on this node's allow-list.
    public static let notAllowed = WireCode(rawValue: 9)
    /// The node has no session slot left for the peer: its handshake finished, but the slots are
    /// full, or only those kept for configured and allow-listed peers are left.
    public static let overloaded = WireCode(rawValue: 10)
    /// The peer asked for more than it may have in flight.
    public static let tooMuchInFlight = WireCode(rawValue: 11)

    private static let names: [UInt16: String] = [
        0: "normal", 1: "unsupported_version", 2: "protocol_violation", 3: "malformed_message",
        4: "message_too_large", 5: "too_many_ids", 6: "too_many_refusals", 7: "idle_timeout",
        8: "duplicate_session", 9: "not_allowed", 10: "overloaded", 11: "too_much_in_flight",
    ]

    /// The stable name of the code, for logs and documentation.
    public var description: String { Self.names[rawValue] ?? "code_\(rawValue)" }
}
