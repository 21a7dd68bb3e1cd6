/// A detached Ed25519 signature, 64 bytes held inline.
public struct Signature: Hashable, Sendable {
    private let first: Bytes32
    private let second: Bytes32

    /// The number of bytes.
    public static let count = 64

    /// Copies exactly 64 bytes.
    ///
    /// - Parameter bytes: the signature; any other count gives `nil`.
    public init?(_ bytes: some Collection<UInt8>) {
        guard bytes.count == Self.count else { return nil }
        let split = bytes.index(bytes.startIndex, offsetBy: Bytes32.count)
        first = Bytes32(bytes[..<split])!
        second = Bytes32(bytes[split...])!
    }

    /// The 64 bytes.
    public var bytes: [UInt8] { first.bytes + second.bytes }

    /// Lowercase hexadecimal, 128 characters.
    public var hex: String { Hex.encode(bytes) }

    /// Calls `body` with the 64 contiguous bytes.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var pair = (first, second)
        return try Swift.withUnsafeBytes(of: &pair) { try body($0) }
    }
}
