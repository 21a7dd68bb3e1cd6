/// A value that is 32 bytes with a meaning, such as a public key or a delta id: written in hex,
/// ordered by its bytes.
public protocol Bytes32Value: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 32 bytes.
    var bytes: Bytes32 { get }

    /// Wraps 32 bytes.
    init(_ bytes: Bytes32)
}

extension Bytes32Value {
    /// Parses 64 hex characters.
    ///
    /// - Returns: `nil` when the text is not 32 bytes of hex.
    public init?(hex: some StringProtocol) {
        guard let raw = Hex.decode(hex), let bytes = Bytes32(raw) else { return nil }
        self.init(bytes)
    }

    /// Lowercase hexadecimal, 64 characters.
    public var hex: String { bytes.hex }

    public var description: String { hex }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.bytes < rhs.bytes }
}
