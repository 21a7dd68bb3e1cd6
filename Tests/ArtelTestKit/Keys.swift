public import ArtelCore

/// Deterministic keys for tests: the same seed always gives the same key.
public enum TestKeys: Sendable {
    /// A key from a one-byte seed pattern.
    public static func key(_ seed: UInt8) -> SigningKey {
        SigningKey(seed: [UInt8](repeating: seed, count: 32))!
    }

    /// The key of the test community "Tech Leaders Moscow".
    public static let techLeaders = key(1)
    /// The key of the test association.
    public static let association = key(2)
    /// An author key that is not a community key.
    public static let outsider = key(3)
}
