import ArtelCore
import CSodium

/// The libsodium calls of the handshake and of box-stream: one C call each, with the sizes fixed here.
enum LibSodium {
    /// The size of a secretbox nonce (`crypto_secretbox_NONCEBYTES`).
    static let nonceCount = 24
    /// The size of a secretbox MAC (`crypto_secretbox_MACBYTES`).
    static let macCount = 16
    /// The all-zero nonce of the two handshake boxes, each key of which is used exactly once.
    static let zeroNonce = [UInt8](repeating: 0, count: nonceCount)

    /// `sodium_init` is idempotent and thread-safe; a Swift global is initialized exactly once.
    private static let ready: Bool = {
        let status = sodium_init()
        precondition(status >= 0, "libsodium failed to initialize (sodium_init returned \(status))")
        return true
    }()

    /// 32 bytes from libsodium's random source (`randombytes_buf`).
    static func random32() -> Bytes32 {
        precondition(ready)
        var output = [UInt8](repeating: 0, count: 32)
        randombytes_buf(&output, 32)
        return Bytes32(output)!
    }

    /// HMAC-SHA-512-256 of `message` (`crypto_auth`).
    static func auth(_ message: [UInt8], key: Bytes32) -> [UInt8] {
        precondition(ready)
        var tag = [UInt8](repeating: 0, count: Int(crypto_auth_BYTES))
        _ = crypto_auth(&tag, message, UInt64(message.count), key.bytes)
        return tag
    }

    /// Checks a 32-byte HMAC-SHA-512-256 tag in constant time (`crypto_auth_verify`).
    static func authVerify(_ tag: [UInt8], message: [UInt8], key: Bytes32) -> Bool {
        precondition(ready && tag.count == Int(crypto_auth_BYTES))
        return crypto_auth_verify(tag, message, UInt64(message.count), key.bytes) == 0
    }

    /// X25519 (`crypto_scalarmult`).
    ///
    /// - Returns: `nil` when the result is all zeros, that is when `point` has low order.
    static func scalarmult(_ secret: Bytes32, _ point: Bytes32) -> Bytes32? {
        precondition(ready)
        var output = [UInt8](repeating: 0, count: 32)
        guard crypto_scalarmult(&output, secret.bytes, point.bytes) == 0 else { return nil }
        return Bytes32(output)
    }

    /// The X25519 public key of a secret scalar (`crypto_scalarmult_base`).
    static func scalarmultBase(_ secret: Bytes32) -> Bytes32 {
        precondition(ready)
        var output = [UInt8](repeating: 0, count: 32)
        _ = crypto_scalarmult_base(&output, secret.bytes)
        return Bytes32(output)!
    }

    /// SHA-256 (`crypto_hash_sha256`).
    static func sha256(_ message: [UInt8]) -> Bytes32 {
        precondition(ready)
        var output = [UInt8](repeating: 0, count: 32)
        _ = crypto_hash_sha256(&output, message, UInt64(message.count))
        return Bytes32(output)!
    }

    /// The Curve25519 form of an Ed25519 public key (`crypto_sign_ed25519_pk_to_curve25519`).
    ///
    /// - Returns: `nil` for a key that is not a valid point of the main subgroup (small-order keys included).
    static func curve25519(_ key: PublicKey) -> Bytes32? {
        precondition(ready)
        var output = [UInt8](repeating: 0, count: 32)
        guard crypto_sign_ed25519_pk_to_curve25519(&output, key.bytes.bytes) == 0 else { return nil }
        return Bytes32(output)
    }

    /// The Curve25519 secret scalar of an Ed25519 key pair (`crypto_sign_ed25519_sk_to_curve25519`).
    ///
    /// libsodium's 64-byte secret key is the seed followed by the public key, so it is rebuilt from both.
    static func curve25519Secret(of key: SigningKey) -> Bytes32 {
        precondition(ready)
        var output = [UInt8](repeating: 0, count: 32)
        _ = crypto_sign_ed25519_sk_to_curve25519(&output, key.seed + key.publicKey.bytes.bytes)
        return Bytes32(output)!
    }

    /// XSalsa20-Poly1305 (`crypto_secretbox_easy`): the 16-byte MAC followed by the ciphertext.
    static func secretbox(_ message: [UInt8], nonce: [UInt8], key: [UInt8]) -> [UInt8] {
        precondition(ready && nonce.count == nonceCount && key.count == 32)
        var output = [UInt8](repeating: 0, count: message.count + macCount)
        _ = crypto_secretbox_easy(&output, message, UInt64(message.count), nonce, key)
        return output
    }

    /// Opens a secretbox (`crypto_secretbox_open_easy`).
    ///
    /// - Returns: the plaintext, or `nil` when the box is shorter than a MAC or does not authenticate.
    static func secretboxOpen(_ box: [UInt8], nonce: [UInt8], key: [UInt8]) -> [UInt8]? {
        precondition(ready && nonce.count == nonceCount && key.count == 32)
        guard box.count >= macCount else { return nil }
        var output = [UInt8](repeating: 0, count: box.count - macCount)
        guard crypto_secretbox_open_easy(&output, box, UInt64(box.count), nonce, key) == 0 else { return nil }
        return output
    }
}
