public import ArtelCore

/// The client side of Secret Handshake v1: it dials a server whose public key it already knows, and reveals its
/// own identity only inside the encrypted client authenticate.
///
/// Feed it the server's messages in order:
///
/// ```swift
/// var client = HandshakeClient(networkKey: network, identity: me, server: serverKey)
/// send(client.hello())                                   // 64 bytes
/// send(try client.onServerHello(receive(64)))            // 112 bytes
/// let keys = try client.onServerAccept(receive(80))
/// ```
///
/// Any error ends the handshake; later calls throw ``HandshakeError/outOfOrder(_:)``.
public struct HandshakeClient: Sendable {
    private struct AwaitingAccept: Sendable {
        let serverEphemeral: Bytes32
        let secrets: SharedSecrets
        let acceptKey: Bytes32
        let authenticatePlaintext: [UInt8]
    }

    private enum State: Sendable {
        case start
        case awaitingServerHello
        case awaitingServerAccept(AwaitingAccept)
        /// Finished or failed. Every step moves here first and leaves only when it succeeds, so that any error,
        /// even an out-of-order call, ends the handshake.
        case ended
    }

    private let networkKey: NetworkKey
    private let identity: SigningKey
    private let server: PublicKey
    private let ephemeral: EphemeralKey
    private var state = State.start

    /// Prepares a handshake with one server.
    ///
    /// - Parameters:
    ///   - networkKey: the network both sides belong to.
    ///   - identity: this node's long-term key.
    ///   - server: the long-term public key the server must prove it holds.
    ///   - ephemeral: this handshake's key pair; a fresh one unless a test vector fixes it.
    public init(
        networkKey: NetworkKey,
        identity: SigningKey,
        server: PublicKey,
        ephemeral: EphemeralKey = .generate()
    ) {
        self.networkKey = networkKey
        self.identity = identity
        self.server = server
        self.ephemeral = ephemeral
    }

    /// The client hello: the HMAC of the ephemeral public key under the network key, then that key.
    ///
    /// Call it first. Calling it again returns the same 64 bytes.
    public mutating func hello() -> [UInt8] {
        if case .start = state { state = .awaitingServerHello }
        return networkKey.hello(ephemeral.publicKey)
    }

    /// Checks the server hello and answers with the client authenticate.
    ///
    /// - Parameter bytes: the 64-byte server hello.
    /// - Returns: the 112-byte client authenticate: secretbox under sha256(K ‖ ab ‖ aB) of the client's signature
    ///   of K ‖ B ‖ sha256(ab), followed by its public key.
    public mutating func onServerHello(_ bytes: [UInt8]) throws(HandshakeError) -> [UInt8] {
        let current = state
        state = .ended
        guard case .awaitingServerHello = current else { throw .outOfOrder(.serverHello) }
        let serverEphemeral = try networkKey.openHello(bytes, as: .serverHello)
        guard let ab = LibSodium.scalarmult(ephemeral.secret, serverEphemeral),
            let serverCurve = LibSodium.curve25519(server),
            let aB = LibSodium.scalarmult(ephemeral.secret, serverCurve),
            let Ab = LibSodium.scalarmult(LibSodium.curve25519Secret(of: identity), serverEphemeral)
        else { throw .unusableKey(.serverHello) }

        let secrets = SharedSecrets(networkKey: networkKey, ab: ab, aB: aB)
        let signature = identity.sign(secrets.clientSigned(server: server))
        let plaintext = signature.bytes + identity.publicKey.bytes.bytes
        state = .awaitingServerAccept(
            AwaitingAccept(
                serverEphemeral: serverEphemeral,
                secrets: secrets,
                acceptKey: secrets.acceptKey(Ab: Ab),
                authenticatePlaintext: plaintext
            )
        )
        return LibSodium.secretbox(plaintext, nonce: LibSodium.zeroNonce, key: secrets.authenticateKey)
    }

    /// Checks the server accept, which proves the server holds the expected key, and ends the handshake.
    ///
    /// - Parameter bytes: the 80-byte server accept.
    /// - Returns: the session keys; `remote` is the server's key.
    public mutating func onServerAccept(_ bytes: [UInt8]) throws(HandshakeError) -> SessionKeys {
        let current = state
        state = .ended
        guard case .awaitingServerAccept(let pending) = current else { throw .outOfOrder(.serverAccept) }
        try HandshakeMessage.serverAccept.checkLength(bytes)
        let signed = pending.secrets.serverSigned(authenticatePlaintext: pending.authenticatePlaintext)
        guard let plaintext = LibSodium.secretboxOpen(bytes, nonce: LibSodium.zeroNonce, key: pending.acceptKey.bytes),
            let signature = Signature(plaintext),
            server.isValidSignature(signature, for: signed)
        else { throw .serverNotAuthenticated }

        return SessionKeys(
            acceptKey: pending.acceptKey,
            networkKey: networkKey,
            local: (identity.publicKey, ephemeral.publicKey),
            remote: (server, pending.serverEphemeral)
        )
    }
}
