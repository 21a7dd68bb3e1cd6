/// Thirty-two bytes held inline, without a heap allocation.
///
/// Keys, delta ids and community ids are all 32 bytes long and are hashed, compared and copied on
/// every hot path, so they live in four machine words instead of an array. Ordering is the
/// lexicographic order of the bytes, which is also the order of their hex form.
public struct Bytes32: Hashable, Comparable, Sendable {
    // The words hold the bytes in memory order: the raw memory of `words` is the 32 bytes.
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    /// The number of bytes.
    public static let count = 32

    /// Thirty-two zero bytes.
    public static let zero = Bytes32()

    private init() {}

    /// Copies exactly 32 bytes.
    ///
    /// - Parameter bytes: the bytes; any other count gives `nil`.
    public init?(_ bytes: some Collection<UInt8>) {
        guard bytes.count == Self.count else { return nil }
        self.init()
        Swift.withUnsafeMutableBytes(of: &words) { $0.copyBytes(from: bytes) }
    }

    /// The first eight bytes, in the order they lie in memory: a short key for a value that is itself
    /// a hash, such as a delta id.
    public var firstWord: UInt64 { words.0 }

    /// Calls `body` with the 32 bytes.
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        var copy = words
        return try Swift.withUnsafeBytes(of: &copy) { (buffer) throws(E) -> R in try body(buffer) }
    }

    /// Builds a value by letting `body` fill its 32 bytes (zeroed beforehand).
    public static func filling(_ body: (UnsafeMutableRawBufferPointer) -> Void) -> Bytes32 {
        var value = Bytes32()
        Swift.withUnsafeMutableBytes(of: &value.words) { body($0) }
        return value
    }

    /// The bytes as an array.
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// Lowercase hexadecimal, 64 characters.
    public var hex: String { Hex.encode(bytes) }

    public static func == (lhs: Bytes32, rhs: Bytes32) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1
            && lhs.words.2 == rhs.words.2 && lhs.words.3 == rhs.words.3
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    public static func < (lhs: Bytes32, rhs: Bytes32) -> Bool {
        let left = lhs.words
        let right = rhs.words
        if left.0 != right.0 { return UInt64(bigEndian: left.0) < UInt64(bigEndian: right.0) }
        if left.1 != right.1 { return UInt64(bigEndian: left.1) < UInt64(bigEndian: right.1) }
        if left.2 != right.2 { return UInt64(bigEndian: left.2) < UInt64(bigEndian: right.2) }
        return UInt64(bigEndian: left.3) < UInt64(bigEndian: right.3)
    }
}
