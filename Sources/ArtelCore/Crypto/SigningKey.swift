import CSodium

/// An Ed25519 key pair whose secret half never leaves this value in text form.
///
/// The secret is held in libsodium's 64-byte form (seed ‖ public key). `description`, `debugDescription`
/// and reflection show only the public key, so a key printed by mistake, logged or put in an error
/// message reveals nothing.
public struct SigningKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let secret: [UInt8]
    /// The public half.
    public let publicKey: PublicKey

    /// The size of a seed: the 32 bytes that determine a key pair.
    public static let seedCount = 32

    /// Derives the key pair from a 32-byte seed (`crypto_sign_seed_keypair`).
    ///
    /// - Parameter seed: 32 secret bytes; any other count gives `nil`.
    public init?(seed: some Collection<UInt8>) {
        guard seed.count == Self.seedCount else { return nil }
        precondition(Sodium.ready)
        var publicBytes = [UInt8](repeating: 0, count: 32)
        var secretBytes = [UInt8](repeating: 0, count: 64)
        let seedBytes = Array(seed)
        let status = crypto_sign_seed_keypair(&publicBytes, &secretBytes, seedBytes)
        precondition(status == 0, "crypto_sign_seed_keypair cannot fail for a 32-byte seed")
        secret = secretBytes
        publicKey = PublicKey(Bytes32(publicBytes)!)
    }

    /// Makes a new key pair from libsodium's random source (`crypto_sign_keypair`).
    public static func generate() -> SigningKey {
        precondition(Sodium.ready)
        var seed = [UInt8](repeating: 0, count: seedCount)
        randombytes_buf(&seed, seedCount)
        return SigningKey(seed: seed)!
    }

    /// The 32-byte seed, for writing the key to its 0600 file. Never print or log it.
    public var seed: [UInt8] { Array(secret[0..<Self.seedCount]) }

    /// Signs bytes (`crypto_sign_detached`).
    ///
    /// - Parameter message: the bytes to sign.
    /// - Returns: the detached signature.
    public func sign(_ message: some ContiguousBytes) -> Signature {
        var signature = [UInt8](repeating: 0, count: Signature.count)
        message.withUnsafeBytes { msg in
            _ = crypto_sign_detached(
                &signature,
                nil,
                msg.baseAddress?.assumingMemoryBound(to: UInt8.self),
                UInt64(msg.count),
                secret
            )
        }
        return Signature(signature)!
    }

    public var description: String { "SigningKey(public: \(publicKey.hex))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["publicKey": publicKey]) }
}
