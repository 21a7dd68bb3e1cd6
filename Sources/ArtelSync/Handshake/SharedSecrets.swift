import ArtelCore

/// The Diffie-Hellman results both sides hold after the hellos, and what the protocol derives from them.
///
/// Names follow the protocol guide: lower case for ephemeral keys, upper case for long-term keys, client first.
struct SharedSecrets: Sendable {
    let networkKey: NetworkKey
    /// The client's ephemeral key with the server's ephemeral key.
    let ab: Bytes32
    /// The client's ephemeral key with the server's long-term key.
    let aB: Bytes32

    /// The key of the client authenticate box: sha256(K ‖ ab ‖ aB).
    var authenticateKey: [UInt8] {
        LibSodium.sha256(networkKey.bytes.bytes + ab.bytes + aB.bytes).bytes
    }

    /// The key of the server accept box: sha256(K ‖ ab ‖ aB ‖ Ab).
    ///
    /// - Parameter Ab: the client's long-term key with the server's ephemeral key.
    func acceptKey(Ab: Bytes32) -> Bytes32 {
        LibSodium.sha256(networkKey.bytes.bytes + ab.bytes + aB.bytes + Ab.bytes)
    }

    /// What the client signs: K ‖ B ‖ sha256(ab).
    func clientSigned(server: PublicKey) -> [UInt8] {
        networkKey.bytes.bytes + server.bytes.bytes + LibSodium.sha256(ab.bytes).bytes
    }

    /// What the server signs: K ‖ the client authenticate plaintext (the client's signature ‖ A) ‖ sha256(ab).
    func serverSigned(authenticatePlaintext: [UInt8]) -> [UInt8] {
        networkKey.bytes.bytes + authenticatePlaintext + LibSodium.sha256(ab.bytes).bytes
    }
}
