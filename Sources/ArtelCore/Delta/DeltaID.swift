/// The id of a delta: BLAKE2b-256 of its unsigned bytes. Ids are what peers reconcile and request.
public struct DeltaID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 32 bytes of the id.
    public let bytes: Bytes32

    /// Wraps 32 bytes.
    public init(_ bytes: Bytes32) {
        self.bytes = bytes
    }

    /// Parses 64 hex characters.
    public init?(hex: some StringProtocol) {
        guard let raw = Hex.decode(hex), let bytes = Bytes32(raw) else { return nil }
        self.bytes = bytes
    }

    /// Lowercase hexadecimal, 64 characters.
    public var hex: String { bytes.hex }

    public var description: String { hex }

    public static func < (lhs: DeltaID, rhs: DeltaID) -> Bool { lhs.bytes < rhs.bytes }
}
