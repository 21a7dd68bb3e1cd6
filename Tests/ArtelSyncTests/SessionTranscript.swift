import ArtelCore
import ArtelSync
import ArtelTestKit
import Foundation

/// The short session of `protocol/vectors/session.json`: two nodes with fixed keys run the
/// handshake, reconcile both planes, exchange what the other lacks (one id reported missing), push,
/// refuse a forged push, ping, and say goodbye. Every byte each side sends is recorded.
struct SessionTranscript: Codable, Equatable {
    struct Party: Codable, Equatable {
        let name: String
        /// The Ed25519 seed of the node key.
        let seed: String
        let publicKey: String
        let ephemeralSecret: String
        let ephemeralPublic: String
        /// The signed deltas it holds before the session.
        let deltas: [String]
        /// The ids it holds after the session.
        let finalIDs: [String]

        enum CodingKeys: String, CodingKey {
            case name, seed, deltas
            case publicKey = "public_key"
            case ephemeralSecret = "ephemeral_secret"
            case ephemeralPublic = "ephemeral_public"
            case finalIDs = "final_ids"
        }
    }

    struct HandshakeStep: Codable, Equatable {
        let from: String
        let name: String
        let bytes: String
    }

    struct Stream: Codable, Equatable {
        let key: String
        let nonce: String
    }

    struct Sent: Codable, Equatable {
        let from: String
        /// The application message: length, type, body.
        let plaintext: String
        /// The box-stream frames that carry it.
        let frames: String
        /// What it says, field by field, as `wire.md` §4 lays it out.
        let decoded: DecodedMessage
    }

    let description: String
    let networkKey: String
    let now: UInt64
    let client: Party
    let server: Party
    let handshake: [HandshakeStep]
    let clientToServer: Stream
    let serverToClient: Stream
    let messages: [Sent]
    /// The box-stream goodbye each side ends its stream with.
    let clientGoodbye: String
    let serverGoodbye: String

    enum CodingKeys: String, CodingKey {
        case description, now, client, server, handshake, messages
        case networkKey = "network_key"
        case clientToServer = "client_to_server"
        case serverToClient = "server_to_client"
        case clientGoodbye = "client_goodbye"
        case serverGoodbye = "server_goodbye"
    }

    /// The keys and deltas of the session.
    enum Setup {
        static let clientKey = TestKeys.key(0x11)
        static let serverKey = TestKeys.key(0x22)
        static let clientEphemeralSecret = [UInt8](repeating: 0x33, count: 32)
        static let serverEphemeralSecret = [UInt8](repeating: 0x44, count: 32)
        static let moscow = DeltaFactory(key: TestKeys.techLeaders)
        static let association = DeltaFactory(key: TestKeys.association)
        static let clientHello = Hello(nodeName: "client-node", software: "artel/0.2.0", follows: .everything)
        /// The server follows only Tech Leaders Moscow, so the association's job stays out of the session.
        static let serverHello = Hello(
            nodeName: "server-node",
            software: "artel/0.2.0",
            follows: FollowSet([.init(community: TestKeys.techLeaders.publicKey, kinds: .all)])
        )
        static let clientDeltas = [
            moscow.job(1, title: "Комьюнити-менеджер"), moscow.job(2, title: "Продюсер мероприятий", offset: 1),
            association.job(3, title: "Координатор волонтёров", offset: 2),
        ]
        static let serverDeltas = [
            moscow.job(1, title: "Комьюнити-менеджер"), moscow.job(4, title: "Редактор дайджеста", offset: 3),
            moscow.job(5, title: "Менеджер партнёрств", offset: 4),
        ]
        /// Kept when reconciled, pruned before it is wanted: the server answers `missing`.
        static let lostOnServer = moscow.job(5, title: "Менеджер партнёрств", offset: 4).id
        /// Accepted by the client during the live session and pushed.
        static let livePush = moscow.job(6, title: "Ведущий нетворкинга", offset: 10_000)
        /// A push whose signature was altered: the server refuses it.
        static var forgedPush: [UInt8] {
            var bytes = moscow.job(7, title: "Подделка", offset: 10_001).bytes
            bytes[bytes.count - 1] ^= 0x01
            return bytes
        }
    }

    /// Runs the session and records it.
    static func record() throws -> SessionTranscript {
        let network = NetworkKey.publicFederation
        var clientHandshake = HandshakeClient(
            networkKey: network,
            identity: Setup.clientKey,
            server: Setup.serverKey.publicKey,
            ephemeral: EphemeralKey(secret: Setup.clientEphemeralSecret)!
        )
        var serverHandshake = HandshakeServer(
            networkKey: network,
            identity: Setup.serverKey,
            ephemeral: EphemeralKey(secret: Setup.serverEphemeralSecret)!
        )
        let clientHelloBytes = clientHandshake.hello()
        let serverHelloBytes = try serverHandshake.onClientHello(clientHelloBytes)
        let authenticate = try clientHandshake.onServerHello(serverHelloBytes)
        let (accept, serverKeys) = try serverHandshake.onClientAuthenticate(authenticate)
        let clientKeys = try clientHandshake.onServerAccept(accept)

        var pair = SessionPair(
            initiator: Setup.clientDeltas,
            responder: Setup.serverDeltas,
            hellos: (Setup.clientHello, Setup.serverHello)
        )
        pair.responder.lost = [Setup.lostOnServer]
        pair.run()
        pair.now += 10_000
        pair.initiator.deltas[Setup.livePush.id] = Setup.livePush
        pair.perform(
            \.initiator,
            pair.initiator.session.onLocalDelta(Setup.livePush.bytes, scope: Setup.livePush.delta.scope)
        )
        pair.perform(
            \.initiator,
            pair.initiator.session.onLocalDelta(Setup.forgedPush, scope: Setup.livePush.delta.scope)
        )
        pair.settle()
        pair.now += Limits().pingInterval
        pair.perform(\.initiator, pair.initiator.session.onTick(now: pair.now))
        pair.settle()
        pair.perform(\.initiator, pair.initiator.session.onShutdown())
        pair.settle()

        var encryptors = [
            "client": clientKeys.makeEncryptor(), "server": serverKeys.makeEncryptor(),
        ]
        let messages = pair.log.map { from, message in
            let name = from == .initiator ? "client" : "server"
            return Sent(
                from: name,
                plaintext: Hex.encode(message.encoded),
                frames: Hex.encode(encryptors[name]!.seal(message.encoded)),
                decoded: DecodedMessage(message)
            )
        }
        func party(
            _ name: String,
            _ key: SigningKey,
            _ ephemeral: [UInt8],
            _ side: SessionPair.Side,
            _ deltas: [SignedDelta]
        )
            -> Party
        {
            Party(
                name: name,
                seed: Hex.encode(key.seed),
                publicKey: key.publicKey.hex,
                ephemeralSecret: Hex.encode(ephemeral),
                ephemeralPublic: EphemeralKey(secret: ephemeral)!.publicKey.hex,
                deltas: deltas.map { Hex.encode($0.bytes) },
                finalIDs: side.deltas.keys.map(\.hex).sorted()
            )
        }
        return SessionTranscript(
            description: """
                A short Artel session (protocol/wire.md), every byte recorded. The client dials the \
                server with the public federation's network key; both reconcile the control plane \
                (empty), then the data plane of what both follow (the server follows one community, \
                so the client's job of another stays out); the client offers the job the server lacks \
                and wants the two it lacks, one of which the server pruned in between and reports \
                missing. Live, 10 s later, the client pushes a new job of its own, then, on purpose \
                (a node never relays what it has not verified), a forged one, which the server \
                refuses; after 30 s of silence it pings, then says goodbye, which the server answers \
                with its own. Each message's frames continue its sender's box-stream; `now` is both \
                nodes' clock at the start, in Unix milliseconds.
                """,
            networkKey: network.bytes.hex,
            now: DeltaFactory.epoch,
            client: party("client", Setup.clientKey, Setup.clientEphemeralSecret, pair.initiator, Setup.clientDeltas),
            server: party("server", Setup.serverKey, Setup.serverEphemeralSecret, pair.responder, Setup.serverDeltas),
            handshake: [
                HandshakeStep(from: "client", name: "client hello", bytes: Hex.encode(clientHelloBytes)),
                HandshakeStep(from: "server", name: "server hello", bytes: Hex.encode(serverHelloBytes)),
                HandshakeStep(from: "client", name: "client authenticate", bytes: Hex.encode(authenticate)),
                HandshakeStep(from: "server", name: "server accept", bytes: Hex.encode(accept)),
            ],
            clientToServer: Stream(key: clientKeys.encryptKey.hex, nonce: Hex.encode(clientKeys.encryptNonce)),
            serverToClient: Stream(key: serverKeys.encryptKey.hex, nonce: Hex.encode(serverKeys.encryptNonce)),
            messages: messages,
            clientGoodbye: Hex.encode(encryptors["client"]!.goodbye()),
            serverGoodbye: Hex.encode(encryptors["server"]!.goodbye())
        )
    }
}
