import ArtelCore
import ArtelSync
import Foundation
import Testing

/// The fixed inputs and expected outputs of `Tests/Fixtures/shs1/shs1-boxstream.json`.
struct SHS1Vectors: Decodable {
    struct Inputs: Decodable {
        let app: String
        let clientPub: String
        let clientSec: String
        let clientEphPub: String
        let clientEphSec: String
        let serverPub: String
        let serverSec: String
        let serverEphPub: String
        let serverEphSec: String
    }

    struct Expected: Decodable {
        let msg1: String
        let msg2: String
        let msg3: String
        let msg4: String
        let clientEncKey: String
        let clientEncNonce: String
        let clientDecKey: String
        let clientDecNonce: String
    }

    struct BoxStream: Decodable {
        let key: String
        let nonce: String
        let plaintexts: [String]
        let frames: [String]
        let goodbye: String
    }

    let shs1: Inputs
    let expected: Expected
    let boxStream: BoxStream

    /// Reads the vector file next to the tests.
    static func load() throws -> SHS1Vectors {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/shs1/shs1-boxstream.json")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(SHS1Vectors.self, from: Data(contentsOf: url))
    }
}

/// Hex text to bytes, failing the test on bad hex.
func bytes(_ hex: String) throws -> [UInt8] {
    try #require(Hex.decode(hex))
}

/// The vector's parties, ready to run a handshake.
struct VectorParties {
    let network: NetworkKey
    let clientIdentity: SigningKey
    let serverIdentity: SigningKey
    let clientEphemeral: EphemeralKey
    let serverEphemeral: EphemeralKey

    init(_ inputs: SHS1Vectors.Inputs) throws {
        network = try #require(NetworkKey(hex: inputs.app))
        // libsodium's 64-byte secret key is the seed followed by the public key.
        clientIdentity = try #require(SigningKey(seed: try bytes(inputs.clientSec).prefix(32)))
        serverIdentity = try #require(SigningKey(seed: try bytes(inputs.serverSec).prefix(32)))
        clientEphemeral = try #require(EphemeralKey(secret: try bytes(inputs.clientEphSec)))
        serverEphemeral = try #require(EphemeralKey(secret: try bytes(inputs.serverEphSec)))
    }

    func client() -> HandshakeClient {
        HandshakeClient(
            networkKey: network,
            identity: clientIdentity,
            server: serverIdentity.publicKey,
            ephemeral: clientEphemeral
        )
    }

    func server() -> HandshakeServer {
        HandshakeServer(networkKey: network, identity: serverIdentity, ephemeral: serverEphemeral)
    }
}
