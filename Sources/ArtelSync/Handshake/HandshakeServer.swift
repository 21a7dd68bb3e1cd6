public import ArtelCore

/// The server side of Secret Handshake v1: it answers any client of its network, and learns who the client is
/// from the client authenticate.
///
/// Feed it the client's messages in order:
///
/// ```swift
/// var server = HandshakeServer(networkKey: network, identity: me)
/// send(try server.onClientHello(receive(64)))                    // 64 bytes
/// let (accept, keys) = try server.onClientAuthenticate(receive(112))
/// send(accept)                                                   // 80 bytes; keys.remote is the client
/// ```
///
/// To refuse a client by its key, check `keys.remote` and close the connection instead of sending `accept`.
/// Any error ends the handshake; later calls throw ``HandshakeError/outOfOrder(_:)``.
public struct HandshakeServer: Sendable {
    private struct AwaitingAuthenticate: Sendable {
        let clientEphemeral: Bytes32
        let secrets: SharedSecrets
    }

    private enum State: Sendable {
        case start
        case awaitingClientAuthenticate(AwaitingAuthenticate)
        /// Finished or failed. Every step moves here first and leaves only when it succeeds, so that any error,
        /// even an out-of-order call, ends the handshake.
        case ended
    }

    private let networkKey: NetworkKey
    private let identity: SigningKey
    private let ephemeral: EphemeralKey
    private var state = State.start

    /// Prepares to answer one client.
    ///
    /// - Parameters:
    ///   - networkKey: the network both sides belong to.
    ///   - identity: this node's long-term key, which the client expects.
    ///   - ephemeral: this handshake's key pair; a fresh one unless a test vector fixes it.
    public init(networkKey: NetworkKey, identity: SigningKey, ephemeral: EphemeralKey = .generate()) {
        self.networkKey = networkKey
        self.identity = identity
        self.ephemeral = ephemeral
    }

    /// Checks the client hello and answers with the server hello.
    ///
    /// - Parameter bytes: the 64-byte client hello.
    /// - Returns: the 64-byte server hello: the HMAC of the server's ephemeral public key, then that key.
    public mutating func onClientHello(_ bytes: [UInt8]) throws(HandshakeError) -> [UInt8] {
        let current = state
        state = .ended
        guard case .start = current else { throw .outOfOrder(.clientHello) }
        let clientEphemeral = try networkKey.openHello(bytes, as: .clientHello)
        guard let ab = LibSodium.scalarmult(ephemeral.secret, clientEphemeral),
            let aB = LibSodium.scalarmult(LibSodium.curve25519Secret(of: identity), clientEphemeral)
        else { throw .unusableKey(.clientHello) }

        state = .awaitingClientAuthenticate(
            AwaitingAuthenticate(
                clientEphemeral: clientEphemeral,
                secrets: SharedSecrets(networkKey: networkKey, ab: ab, aB: aB)
            )
        )
        return networkKey.hello(ephemeral.publicKey)
    }

    /// Checks the client authenticate, which reveals and proves the client's key, and ends the handshake.
    ///
    /// - Parameter bytes: the 112-byte client authenticate.
    /// - Returns: the 80-byte server accept (secretbox under sha256(K ‖ ab ‖ aB ‖ Ab) of the server's signature of
    ///   K ‖ the client's signature ‖ A ‖ sha256(ab)) and the session keys, whose `remote` is the client's key.
    public mutating func onClientAuthenticate(
        _ bytes: [UInt8]
    ) throws(HandshakeError) -> (accept: [UInt8], keys: SessionKeys) {
        let current = state
        state = .ended
        guard case .awaitingClientAuthenticate(let pending) = current else {
            throw .outOfOrder(.clientAuthenticate)
        }
        try HandshakeMessage.clientAuthenticate.checkLength(bytes)
        let secrets = pending.secrets
        guard let plaintext = LibSodium.secretboxOpen(bytes, nonce: LibSodium.zeroNonce, key: secrets.authenticateKey),
            let signature = Signature(plaintext[0..<Signature.count]),
            let client = Bytes32(plaintext[Signature.count...]).map(PublicKey.init),
            client.isValidSignature(signature, for: secrets.clientSigned(server: identity.publicKey))
        else { throw .clientNotAuthenticated }
        guard let clientCurve = LibSodium.curve25519(client),
            let Ab = LibSodium.scalarmult(ephemeral.secret, clientCurve)
        else { throw .unusableKey(.clientAuthenticate) }

        let acceptKey = secrets.acceptKey(Ab: Ab)
        let signed = identity.sign(secrets.serverSigned(authenticatePlaintext: plaintext))
        let accept = LibSodium.secretbox(signed.bytes, nonce: LibSodium.zeroNonce, key: acceptKey.bytes)
        let keys = SessionKeys(
            acceptKey: acceptKey,
            networkKey: networkKey,
            local: (identity.publicKey, ephemeral.publicKey),
            remote: (client, pending.clientEphemeral)
        )
        return (accept, keys)
    }
}
