import ArtelCore
import ArtelSync
import CSodium
import Testing

@Suite("Secret Handshake v1 refuses what it must")
struct HandshakeFailureTests {
    static let allMessages: [HandshakeMessage] = [.clientHello, .serverHello, .clientAuthenticate, .serverAccept]

    @Test("A server refuses a client hello made with another network key")
    func serverRefusesOtherNetwork() throws {
        let parties = try VectorParties(SHS1Vectors.load().shs1)
        var client = HandshakeClient(
            networkKey: otherNetwork,
            identity: parties.clientIdentity,
            server: parties.serverIdentity.publicKey
        )
        var server = parties.server()
        #expect(throws: HandshakeError.wrongNetworkKey(.clientHello)) { try server.onClientHello(client.hello()) }
    }

    @Test("A client refuses a server hello made with another network key")
    func clientRefusesOtherNetwork() throws {
        let parties = try VectorParties(SHS1Vectors.load().shs1)
        var stranger = HandshakeClient(
            networkKey: otherNetwork,
            identity: parties.clientIdentity,
            server: parties.serverIdentity.publicKey
        )
        var strangeServer = HandshakeServer(networkKey: otherNetwork, identity: parties.serverIdentity)
        let foreignHello = try strangeServer.onClientHello(stranger.hello())
        var client = parties.client()
        _ = client.hello()
        #expect(throws: HandshakeError.wrongNetworkKey(.serverHello)) { try client.onServerHello(foreignHello) }
    }

    @Test("A server refuses the authenticate of a client that expects another server key")
    func clientExpectsAnotherServer() throws {
        let parties = try VectorParties(SHS1Vectors.load().shs1)
        var client = HandshakeClient(
            networkKey: parties.network,
            identity: parties.clientIdentity,
            server: SigningKey.generate().publicKey
        )
        var server = parties.server()
        let authenticate = try client.onServerHello(try server.onClientHello(client.hello()))
        #expect(throws: HandshakeError.clientNotAuthenticated) { try server.onClientAuthenticate(authenticate) }
    }

    @Test("Each message one byte short, one byte long or empty is refused by its length", arguments: allMessages)
    func wrongLengths(message: HandshakeMessage) throws {
        let vectors = try SHS1Vectors.load()
        let parties = try VectorParties(vectors.shs1)
        let valid = try vectorMessage(message, vectors)
        for bytes in [Array(valid.dropLast()), valid + [0], []] {
            let error = HandshakeError.wrongLength(message, expected: message.byteCount, got: bytes.count)
            #expect(throws: error) { try deliver(message, bytes, parties: parties, vectors: vectors) }
        }
    }

    @Test("A flipped bit anywhere in each message is refused", arguments: allMessages)
    func garbled(message: HandshakeMessage) throws {
        let vectors = try SHS1Vectors.load()
        let parties = try VectorParties(vectors.shs1)
        let valid = try vectorMessage(message, vectors)
        let expected: HandshakeError =
            switch message {
            case .clientHello, .serverHello: .wrongNetworkKey(message)
            case .clientAuthenticate: .clientNotAuthenticated
            case .serverAccept: .serverNotAuthenticated
            }
        for index in valid.indices {
            var bytes = valid
            bytes[index] ^= 1 << (index % 8)
            #expect(throws: expected) { try deliver(message, bytes, parties: parties, vectors: vectors) }
        }
        try deliver(message, valid, parties: parties, vectors: vectors)
    }

    @Test("A client hello and authenticate replayed against a fresh server are refused at the authenticate")
    func replayedAuthenticate() throws {
        let vectors = try SHS1Vectors.load()
        let parties = try VectorParties(vectors.shs1)
        var fresh = HandshakeServer(networkKey: parties.network, identity: parties.serverIdentity)
        _ = try fresh.onClientHello(try bytes(vectors.expected.msg1))
        #expect(throws: HandshakeError.clientNotAuthenticated) {
            try fresh.onClientAuthenticate(try bytes(vectors.expected.msg3))
        }
    }

    @Test("A server hello and accept replayed to a fresh client are refused at the accept")
    func replayedAccept() throws {
        let vectors = try SHS1Vectors.load()
        let parties = try VectorParties(vectors.shs1)
        var fresh = HandshakeClient(
            networkKey: parties.network,
            identity: parties.clientIdentity,
            server: parties.serverIdentity.publicKey
        )
        _ = fresh.hello()
        _ = try fresh.onServerHello(try bytes(vectors.expected.msg2))
        #expect(throws: HandshakeError.serverNotAuthenticated) {
            try fresh.onServerAccept(try bytes(vectors.expected.msg4))
        }
    }

    @Test("Messages out of order, repeated, or after a failure are refused")
    func outOfOrder() throws {
        let vectors = try SHS1Vectors.load()
        let parties = try VectorParties(vectors.shs1)
        let msg1 = try bytes(vectors.expected.msg1)

        var client = parties.client()
        #expect(throws: HandshakeError.outOfOrder(.serverHello)) {
            try client.onServerHello(bytes(vectors.expected.msg2))
        }
        client = parties.client()
        _ = client.hello()
        #expect(throws: HandshakeError.outOfOrder(.serverAccept)) {
            try client.onServerAccept(bytes(vectors.expected.msg4))
        }
        #expect(throws: HandshakeError.outOfOrder(.serverHello)) {
            try client.onServerHello(bytes(vectors.expected.msg2))
        }

        var server = parties.server()
        #expect(throws: HandshakeError.outOfOrder(.clientAuthenticate)) {
            try server.onClientAuthenticate(bytes(vectors.expected.msg3))
        }
        server = parties.server()
        _ = try server.onClientHello(msg1)
        #expect(throws: HandshakeError.outOfOrder(.clientHello)) { try server.onClientHello(msg1) }

        server = parties.server()
        #expect(throws: HandshakeError.wrongLength(.clientHello, expected: 64, got: 3)) {
            try server.onClientHello([1, 2, 3])
        }
        #expect(throws: HandshakeError.outOfOrder(.clientHello)) { try server.onClientHello(msg1) }
    }

    @Test("A low-order ephemeral key with a valid HMAC is refused on both sides")
    func lowOrderEphemeral() throws {
        let vectors = try SHS1Vectors.load()
        let parties = try VectorParties(vectors.shs1)
        let zeroPoint = [UInt8](repeating: 0, count: 32)
        var weakHello = [UInt8](repeating: 0, count: 32)
        _ = crypto_auth(&weakHello, zeroPoint, 32, parties.network.bytes.bytes)
        weakHello += zeroPoint

        var server = parties.server()
        #expect(throws: HandshakeError.unusableKey(.clientHello)) { try server.onClientHello(weakHello) }
        var client = parties.client()
        _ = client.hello()
        #expect(throws: HandshakeError.unusableKey(.serverHello)) { try client.onServerHello(weakHello) }
    }

    @Test("A client told to expect a server key that is not a valid point stops at the server hello")
    func invalidServerKey() throws {
        let vectors = try SHS1Vectors.load()
        let parties = try VectorParties(vectors.shs1)
        var client = HandshakeClient(
            networkKey: parties.network,
            identity: parties.clientIdentity,
            server: PublicKey(Bytes32.zero),
            ephemeral: parties.clientEphemeral
        )
        _ = client.hello()
        #expect(throws: HandshakeError.unusableKey(.serverHello)) {
            try client.onServerHello(bytes(vectors.expected.msg2))
        }
    }

    @Test("Every error explains itself in one line without key material")
    func descriptions() {
        let errors: [HandshakeError] =
            [.clientNotAuthenticated, .serverNotAuthenticated]
            + Self.allMessages.flatMap { message in
                [
                    .wrongLength(message, expected: message.byteCount, got: 1), .wrongNetworkKey(message),
                    .unusableKey(message), .outOfOrder(message),
                ]
            }
        for error in errors {
            #expect(!error.description.isEmpty && !error.description.contains("\n"))
        }
    }

    private var otherNetwork: NetworkKey { NetworkKey(Bytes32([UInt8](repeating: 0x42, count: 32))!) }

    private func vectorMessage(_ message: HandshakeMessage, _ vectors: SHS1Vectors) throws -> [UInt8] {
        switch message {
        case .clientHello: try bytes(vectors.expected.msg1)
        case .serverHello: try bytes(vectors.expected.msg2)
        case .clientAuthenticate: try bytes(vectors.expected.msg3)
        case .serverAccept: try bytes(vectors.expected.msg4)
        }
    }

    /// Brings fresh vector parties to the step where `message` is due, then hands them `bytes` as that message.
    private func deliver(
        _ message: HandshakeMessage,
        _ bytes: [UInt8],
        parties: VectorParties,
        vectors: SHS1Vectors
    ) throws {
        var client = parties.client()
        var server = parties.server()
        switch message {
        case .clientHello:
            _ = try server.onClientHello(bytes)
        case .serverHello:
            _ = client.hello()
            _ = try client.onServerHello(bytes)
        case .clientAuthenticate:
            _ = try server.onClientHello(client.hello())
            _ = try server.onClientAuthenticate(bytes)
        case .serverAccept:
            _ = try client.onServerHello(server.onClientHello(client.hello()))
            _ = try client.onServerAccept(bytes)
        }
    }
}
