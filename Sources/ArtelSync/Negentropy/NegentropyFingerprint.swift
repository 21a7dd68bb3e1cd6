import ArtelCore
import CSodium

/// The hash step of a Negentropy fingerprint, through libsodium's SHA-256.
enum NegentropyFingerprint {
    /// `sodium_init` is idempotent and thread-safe; a Swift global is initialized exactly once.
    private static let sodiumReady: Bool = {
        let status = sodium_init()
        precondition(status >= 0, "libsodium failed to initialize (sodium_init returned \(status))")
        return true
    }()

    /// The first 16 bytes of SHA-256 over the 32 little-endian bytes of `sum` (least significant
    /// word first) followed by the varint of `count`.
    static func of(sum: (UInt64, UInt64, UInt64, UInt64), count: UInt64) -> Bytes16 {
        precondition(sodiumReady)
        var input: [UInt8] = []
        input.reserveCapacity(Bytes32.count + 10)
        let littleEndian = (sum.0.littleEndian, sum.1.littleEndian, sum.2.littleEndian, sum.3.littleEndian)
        withUnsafeBytes(of: littleEndian) { input.append(contentsOf: $0) }
        NegentropyWriter.appendVarInt(count, to: &input)
        var digest = [UInt8](repeating: 0, count: Int(crypto_hash_sha256_BYTES))
        _ = crypto_hash_sha256(&digest, input, UInt64(input.count))
        return Bytes16(digest.prefix(Bytes16.count))!
    }
}
