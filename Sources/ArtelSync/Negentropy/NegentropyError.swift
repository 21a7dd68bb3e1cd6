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
