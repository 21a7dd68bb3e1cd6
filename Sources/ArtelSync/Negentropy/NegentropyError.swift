/// Why a Negentropy reconciliation step failed.
public enum NegentropyError: Error, Equatable, Sendable {
    /// What is wrong with a message that could not be decoded.
    public enum Malformation: Equatable, Sendable {
        /// The first byte is not a Negentropy protocol version (`0x60...0x6F`).
        case invalidVersionByte(UInt8)
        /// The message ends inside a varint, a bound, a fingerprint or an id (or is empty).
        case truncated
        /// A varint does not fit in 64 bits.
        case varintOverflow
        /// A range carries a mode other than Skip (0), Fingerprint (1) or IdList (2).
        case unknownMode(UInt64)
        /// A bound's id prefix is longer than 32 bytes.
        case boundIDTooLong(UInt64)
        /// An id list announces more ids than the rest of the message holds.
        case idListBeyondMessage(UInt64)
        /// Bytes follow the range that reaches infinity, the end of every set (other than another
        /// empty range to infinity, which the reference sends when a frame-size limit cuts a reply).
        case trailingBytes
    }

    /// The message could not be decoded.
    case malformedMessage(Malformation)
    /// The peer answered with a Negentropy version this side does not speak (only a client sees this:
    /// a server answers an unsupported version with its own version byte alone).
    case unsupportedVersion(UInt8)
    /// A frame-size limit other than 0 (unlimited) is below the protocol's minimum of 4096 bytes.
    case frameSizeLimitTooSmall(Int)
    /// ``Negentropy/initiate()`` was called a second time.
    case alreadyInitiated
    /// A client called the server's `reconcile(_:)`, or a server (or a client that has not
    /// initiated) called the client's `reconcile(_:have:need:)`.
    case wrongRole
}

extension NegentropyError: CustomStringConvertible {
    /// What went wrong, in words: it is sent to peers in `reconcile error` and `goodbye` reasons,
    /// which never carry type names.
    public var description: String {
        switch self {
        case .malformedMessage(let malformation): "malformed Negentropy message: \(malformation)"
        case .unsupportedVersion(let version): "Negentropy version 0x\(String(version, radix: 16)) is not spoken here"
        case .frameSizeLimitTooSmall(let limit): "a frame-size limit of \(limit) bytes is below 4096"
        case .alreadyInitiated: "the reconciliation was already started"
        case .wrongRole: "a message for the other side of the reconciliation"
        }
    }
}

extension NegentropyError.Malformation: CustomStringConvertible {
    /// What is wrong with the message, in words.
    public var description: String {
        switch self {
        case .invalidVersionByte(let byte): "the first byte 0x\(String(byte, radix: 16)) is not a protocol version"
        case .truncated: "it ends inside a value"
        case .varintOverflow: "a varint does not fit in 64 bits"
        case .unknownMode(let mode): "mode \(mode) is not Skip, Fingerprint or IdList"
        case .boundIDTooLong(let length): "a bound's id prefix of \(length) bytes is longer than 32"
        case .idListBeyondMessage(let count): "an id list of \(count) ids runs past the message's end"
        case .trailingBytes: "bytes follow the range that reaches infinity"
        }
    }
}
