public import ArtelCore

/// What both sides hold after a successful handshake: the key and first nonce of each direction's box-stream,
/// and who the peer is.
///
/// One side's encrypt pair is the other side's decrypt pair. `description` and reflection show only ``remote``.
public struct SessionKeys: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The key of the stream this side sends: sha256(sha256(sha256(K ‖ ab ‖ aB ‖ Ab)) ‖ the peer's public key).
    public let encryptKey: Bytes32
    /// The first nonce of the stream this side sends (24 bytes): the start of the HMAC in the peer's hello.
    public let encryptNonce: [UInt8]
    /// The key of the stream this side receives: the same hash with this side's own public key.
    public let decryptKey: Bytes32
    /// The first nonce of the stream this side receives (24 bytes): the start of the HMAC in this side's hello.
    public let decryptNonce: [UInt8]
    /// The peer's long-term public key, proven by the handshake.
    public let remote: PublicKey

    /// Derives both directions.
    ///
    /// - Parameters:
    ///   - acceptKey: sha256(K ‖ ab ‖ aB ‖ Ab), the key of the server accept box.
    ///   - local: this side's long-term public key and ephemeral public key.
    ///   - remote: the peer's long-term public key and ephemeral public key.
    init(
        acceptKey: Bytes32,
        networkKey: NetworkKey,
        local: (key: PublicKey, ephemeral: Bytes32),
        remote: (key: PublicKey, ephemeral: Bytes32)
    ) {
        let base = LibSodium.sha256(acceptKey.bytes).bytes
        encryptKey = LibSodium.sha256(base + remote.key.bytes.bytes)
        encryptNonce = networkKey.streamNonce(remote.ephemeral)
        decryptKey = LibSodium.sha256(base + local.key.bytes.bytes)
        decryptNonce = networkKey.streamNonce(local.ephemeral)
        self.remote = remote.key
    }

    /// A box-stream encryptor for what this side sends.
    public func makeEncryptor() -> BoxStreamEncryptor {
        BoxStreamEncryptor(key: encryptKey, nonce: encryptNonce)
    }

    /// A box-stream decryptor for what this side receives.
    public func makeDecryptor() -> BoxStreamDecryptor {
        BoxStreamDecryptor(key: decryptKey, nonce: decryptNonce)
    }

    /// A text form that never shows the keys and nonces.
    public var description: String { "SessionKeys(remote: \(remote.hex))" }
    /// The same as `description`.
    public var debugDescription: String { description }
    /// Reflection (`dump`, the debugger) that never shows the keys and nonces.
    public var customMirror: Mirror { Mirror(self, children: ["remote": remote]) }
}
