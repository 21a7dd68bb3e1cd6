import CSodium

/// Unpredictable bytes from libsodium's source (`randombytes_buf`), for secrets such as session tokens.
public enum RandomBytes: Sendable {
    /// Fresh random bytes.
    ///
    /// - Parameter count: how many.
    public static func make(_ count: Int) -> [UInt8] {
        precondition(Sodium.ready)
        var bytes = [UInt8](repeating: 0, count: count)
        randombytes_buf(&bytes, count)
        return bytes
    }
}
