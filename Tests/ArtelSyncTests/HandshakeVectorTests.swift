import ArtelCore
import ArtelSync
import Testing

@Suite("Secret Handshake v1 against the reference vectors")
struct HandshakeVectorTests {
    @Test("The vector's secret keys give its public keys")
    func keys() throws {
        let vectors = try SHS1Vectors.load()
        let parties = try VectorParties(vectors.shs1)
        #expect(parties.clientIdentity.publicKey.hex == vectors.shs1.clientPub)
        #expect(parties.serverIdentity.publicKey.hex == vectors.shs1.serverPub)
        #expect(parties.clientEphemeral.publicKey.hex == vectors.shs1.clientEphPub)
        #expect(parties.serverEphemeral.publicKey.hex == vectors.shs1.serverEphPub)
    }

    @Test("Client and server produce the four messages byte for byte")
    func messages() throws {
        let vectors = try SHS1Vectors.load()
        let parties = try VectorParties(vectors.shs1)
        var client = parties.client()
        var server = parties.server()

        let msg1 = client.hello()
        #expect(Hex.encode(msg1) == vectors.expected.msg1)
        let msg2 = try server.onClientHello(msg1)
        #expect(Hex.encode(msg2) == vectors.expected.msg2)
        let msg3 = try client.onServerHello(msg2)
        #expect(Hex.encode(msg3) == vectors.expected.msg3)
        let (msg4, _) = try server.onClientAuthenticate(msg3)
        #expect(Hex.encode(msg4) == vectors.expected.msg4)
        _ = try client.onServerAccept(msg4)
    }

    @Test("Both sides derive exactly the expected keys and nonces, mirrored")
    func sessionKeys() throws {
        let vectors = try SHS1Vectors.load()
        let parties = try VectorParties(vectors.shs1)
        var client = parties.client()
        var server = parties.server()
        let (accept, serverKeys) = try server.onClientAuthenticate(
            try client.onServerHello(try server.onClientHello(client.hello()))
        )
        let clientKeys = try client.onServerAccept(accept)
        let expected = vectors.expected

        #expect(clientKeys.encryptKey.hex == expected.clientEncKey)
        #expect(Hex.encode(clientKeys.encryptNonce) == expected.clientEncNonce)
        #expect(clientKeys.decryptKey.hex == expected.clientDecKey)
        #expect(Hex.encode(clientKeys.decryptNonce) == expected.clientDecNonce)
        #expect(serverKeys.encryptKey.hex == expected.clientDecKey)
        #expect(Hex.encode(serverKeys.encryptNonce) == expected.clientDecNonce)
        #expect(serverKeys.decryptKey.hex == expected.clientEncKey)
        #expect(Hex.encode(serverKeys.decryptNonce) == expected.clientEncNonce)

        #expect(clientKeys.remote == parties.serverIdentity.publicKey)
        #expect(serverKeys.remote == parties.clientIdentity.publicKey)
    }

    @Test("The client's identity travels only inside the encrypted authenticate")
    func identityHidden() throws {
        let parties = try VectorParties(SHS1Vectors.load().shs1)
        var client = parties.client()
        var server = parties.server()
        let msg1 = client.hello()
        let msg3 = try client.onServerHello(try server.onClientHello(msg1))
        let identity = parties.clientIdentity.publicKey.bytes.bytes
        for message in [msg1, msg3] {
            #expect(!message.indices.contains { message[$0...].starts(with: identity) })
        }
    }

    @Test("Fresh keys on both sides complete a handshake whose streams interoperate")
    func randomRoundTrip() throws {
        let network = NetworkKey(Bytes32([UInt8](repeating: 7, count: 32))!)
        let clientIdentity = SigningKey.generate()
        let serverIdentity = SigningKey.generate()
        var client = HandshakeClient(networkKey: network, identity: clientIdentity, server: serverIdentity.publicKey)
        var server = HandshakeServer(networkKey: network, identity: serverIdentity)
        let (accept, serverKeys) = try server.onClientAuthenticate(
            try client.onServerHello(try server.onClientHello(client.hello()))
        )
        let clientKeys = try client.onServerAccept(accept)
        #expect(clientKeys.remote == serverIdentity.publicKey)
        #expect(serverKeys.remote == clientIdentity.publicKey)

        var toServer = clientKeys.makeEncryptor()
        var atServer = serverKeys.makeDecryptor()
        var toClient = serverKeys.makeEncryptor()
        var atClient = clientKeys.makeDecryptor()
        #expect(try atServer.feed(toServer.seal(Array("ping".utf8)) + toServer.goodbye()) == [Array("ping".utf8)])
        #expect(try atClient.feed(toClient.seal(Array("pong".utf8)) + toClient.goodbye()) == [Array("pong".utf8)])
        try atServer.finish()
        try atClient.finish()
    }

    @Test("Keys and key holders print no secret")
    func descriptionsHideSecrets() throws {
        let vectors = try SHS1Vectors.load()
        let parties = try VectorParties(vectors.shs1)
        var client = parties.client()
        var server = parties.server()
        let (_, keys) = try server.onClientAuthenticate(
            try client.onServerHello(try server.onClientHello(client.hello()))
        )
        let printed = [
            String(describing: keys), String(reflecting: keys), String(describing: parties.network),
            String(reflecting: parties.network), String(describing: parties.clientEphemeral),
            String(reflecting: parties.clientEphemeral),
        ].joined(separator: "\n")
        for secret in [vectors.shs1.app, vectors.shs1.clientEphSec, keys.encryptKey.hex, keys.decryptKey.hex] {
            #expect(!printed.contains(secret))
        }
        #expect(printed.contains(parties.clientIdentity.publicKey.hex))
    }
}
