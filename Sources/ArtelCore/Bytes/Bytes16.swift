/// Sixteen bytes held inline: the size of a record id.
///
/// Ordering is the lexicographic order of the bytes.
public struct Bytes16: Hashable, Comparable, Sendable {
    // The raw memory of `words` is the 16 bytes, in order.
    private var words: (UInt64, UInt64) = (0, 0)

    /// The number of bytes.
    public static let count = 16

    private init() {}

    /// Copies exactly 16 bytes.
    ///
    /// - Parameter bytes: the bytes; any other count gives `nil`.
    public init?(_ bytes: some Collection<UInt8>) {
        guard bytes.count == Self.count else { return nil }
        self.init()
        Swift.withUnsafeMutableBytes(of: &words) { $0.copyBytes(from: bytes) }
    }

    /// Calls `body` with the 16 bytes.
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        var copy = words
        return try Swift.withUnsafeBytes(of: &copy) { (buffer) throws(E) -> R in try body(buffer) }
    }

    /// The bytes as an array.
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// Lowercase hexadecimal, 32 characters.
    public var hex: String { Hex.encode(bytes) }

    public static func == (lhs: Bytes16, rhs: Bytes16) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
    }

    public static func < (lhs: Bytes16, rhs: Bytes16) -> Bool {
        if lhs.words.0 != rhs.words.0 {
            return UInt64(bigEndian: lhs.words.0) < UInt64(bigEndian: rhs.words.0)
        }
        return UInt64(bigEndian: lhs.words.1) < UInt64(bigEndian: rhs.words.1)
    }
}
