public import ArtelCore

/// A Curve25519 key pair for one handshake (ephemeral).
///
/// Make a new one for every handshake; reusing one gives up forward secrecy. `description` and reflection show
/// only the public key.
public struct EphemeralKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The secret scalar.
    let secret: Bytes32
    /// The public key, `crypto_scalarmult_base` of the secret, sent in the hello.
    public let publicKey: Bytes32

    /// Makes a key pair from libsodium's random source.
    public static func generate() -> EphemeralKey {
        EphemeralKey(secret: LibSodium.random32().bytes)!
    }

    /// Uses a given secret scalar, for test vectors.
    ///
    /// - Parameter secret: 32 bytes; any other count gives `nil`.
    public init?(secret: [UInt8]) {
        guard let scalar = Bytes32(secret) else { return nil }
        self.secret = scalar
        publicKey = LibSodium.scalarmultBase(scalar)
    }

    /// A text form that never shows the secret.
    public var description: String { "EphemeralKey(public: \(publicKey.hex))" }
    /// The same as `description`.
    public var debugDescription: String { description }
    /// Reflection (`dump`, the debugger) that never shows the secret.
    public var customMirror: Mirror { Mirror(self, children: ["publicKey": publicKey]) }
}
