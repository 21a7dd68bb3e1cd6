import CSodium

/// BLAKE2b through libsodium's `crypto_generichash`.
public enum Blake2b: Sendable {
    /// BLAKE2b with a 32-byte output: the hash that names deltas.
    ///
    /// - Parameter message: the bytes to hash.
    public static func hash256(_ message: some ContiguousBytes) -> Bytes32 {
        precondition(Sodium.ready)
        return Bytes32.filling { output in
            message.withUnsafeBytes { msg in
                _ = crypto_generichash(
                    output.baseAddress!.assumingMemoryBound(to: UInt8.self),
                    32,
                    msg.baseAddress?.assumingMemoryBound(to: UInt8.self),
                    UInt64(msg.count),
                    nil,
                    0
                )
            }
        }
    }

    /// BLAKE2b with any output length and an optional key.
    ///
    /// - Parameters:
    ///   - message: the bytes to hash.
    ///   - key: up to 64 key bytes, or empty for an unkeyed hash.
    ///   - outputCount: 16 to 64 bytes.
    /// - Returns: the digest.
    public static func hash(_ message: [UInt8], key: [UInt8] = [], outputCount: Int) -> [UInt8] {
        precondition(Sodium.ready)
        precondition((16...64).contains(outputCount) && key.count <= 64, "BLAKE2b output 16...64, key ≤ 64")
        var output = [UInt8](repeating: 0, count: outputCount)
        _ = crypto_generichash(&output, outputCount, message, UInt64(message.count), key.isEmpty ? nil : key, key.count)
        return output
    }
}
