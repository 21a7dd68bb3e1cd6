import CSodium

/// The one place that initializes libsodium. Every wrapper touches ``ready`` before its first call.
enum Sodium {
    /// `sodium_init` is idempotent and thread-safe; a Swift global is initialized exactly once.
    static let ready: Bool = {
        let status = sodium_init()
        precondition(status >= 0, "libsodium failed to initialize (sodium_init returned \(status))")
        return true
    }()
}
