/// Why bytes from a peer are not a valid message. Each maps to the ``WireCode`` the session ends with.
public enum WireError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A message announces more bytes than ``Limits/maximumMessageSize``.
    case tooLarge(Int)
    /// The type byte is not in the registry.
    case unknownType(UInt8)
    /// The body does not decode; the reason says where.
    case malformed(String)

    /// The code a session ends with for this error.
    public var code: WireCode {
        switch self {
        case .tooLarge: .messageTooLarge
        case .unknownType, .malformed: .malformedMessage
        }
    }

    public var description: String {
        switch self {
        case .tooLarge(let size): "a message of \(size) bytes is over the limit"
        case .unknownType(let type): "message type \(type) is not in the registry"
        case .malformed(let reason): "malformed message: \(reason)"
        }
    }
}
