import ArtelCore
import ArtelSync
import ArtelTestKit
import Foundation

/// A recorded session of `protocol/vectors/`: two nodes with fixed keys run the handshake, reconcile
/// both planes, exchange what the other lacks, do what the ``Setup`` does live, and say goodbye.
/// Every byte each side sends is recorded. ``Setup/short`` is `session.json`, ``Setup/rounds`` is
/// `session-rounds.json`.
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
    /// The Negentropy frame-size limit both nodes used, when it is not the 524 288 bytes of `wire.md` §5.3.
    let frameSizeLimit: Int?
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
        case frameSizeLimit = "frame_size_limit"
        case clientToServer = "client_to_server"
        case serverToClient = "server_to_client"
        case clientGoodbye = "client_goodbye"
        case serverGoodbye = "server_goodbye"
    }

    /// What a transcript is made of: the keys, the hellos, each side's deltas, the limits, and what
    /// the client does once the session is live.
    struct Setup: Sendable {
        /// The file under `protocol/vectors/`.
        let file: String
        let description: String
        let clientKey: SigningKey
        let serverKey: SigningKey
        let clientEphemeralSecret: [UInt8]
        let serverEphemeralSecret: [UInt8]
        let clientHello: Hello
        let serverHello: Hello
        let clientDeltas: [SignedDelta]
        let serverDeltas: [SignedDelta]
        /// Deltas the server keeps when it reconciles and has pruned when they are wanted.
        var lostOnServer: Set<DeltaID> = []
        /// The Negentropy frame-size limit of both sides; `nil` for Artel's (`Limits`).
        var frameSizeLimit: Int?
        /// What happens after both planes are reconciled, before the client says goodbye.
        var live: @Sendable (inout SessionPair) -> Void = { _ in }

        var limits: Limits {
            var limits = Limits()
            if let frameSizeLimit { limits.reconciliationFrameSize = frameSizeLimit }
            return limits
        }
    }

    /// Runs the session of a setup and records it.
    static func record(_ setup: Setup) throws -> SessionTranscript {
        let network = NetworkKey.publicFederation
        var clientHandshake = HandshakeClient(
            networkKey: network,
            identity: setup.clientKey,
            server: setup.serverKey.publicKey,
            ephemeral: EphemeralKey(secret: setup.clientEphemeralSecret)!
        )
        var serverHandshake = HandshakeServer(
            networkKey: network,
            identity: setup.serverKey,
            ephemeral: EphemeralKey(secret: setup.serverEphemeralSecret)!
        )
        let clientHelloBytes = clientHandshake.hello()
        let serverHelloBytes = try serverHandshake.onClientHello(clientHelloBytes)
        let authenticate = try clientHandshake.onServerHello(serverHelloBytes)
        let (accept, serverKeys) = try serverHandshake.onClientAuthenticate(authenticate)
        let clientKeys = try clientHandshake.onServerAccept(accept)

        var pair = SessionPair(
            initiator: setup.clientDeltas,
            responder: setup.serverDeltas,
            hellos: (setup.clientHello, setup.serverHello),
            limits: setup.limits
        )
        pair.responder.lost = setup.lostOnServer
        pair.run()
        setup.live(&pair)
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
            description: setup.description,
            networkKey: network.bytes.hex,
            now: DeltaFactory.epoch,
            frameSizeLimit: setup.frameSizeLimit,
            client: party("client", setup.clientKey, setup.clientEphemeralSecret, pair.initiator, setup.clientDeltas),
            server: party("server", setup.serverKey, setup.serverEphemeralSecret, pair.responder, setup.serverDeltas),
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

extension SessionTranscript.Setup {
    static let moscow = DeltaFactory(key: TestKeys.techLeaders)
    static let association = DeltaFactory(key: TestKeys.association)
    /// The client follows everything.
    static let clientHello = Hello(nodeName: "client-node", software: "artel/0.2.0", follows: .everything)
    /// The server follows only Tech Leaders Moscow, so the association's jobs stay out of the session.
    static let serverHello = Hello(
        nodeName: "server-node",
        software: "artel/0.2.0",
        follows: FollowSet([.init(community: TestKeys.techLeaders.publicKey, kinds: .all)])
    )

    /// `session.json`: a few deltas a side, one id reported missing, a push, a refused forged push,
    /// a ping.
    static let short: Self = {
        let livePush = moscow.job(6, title: "Ведущий нетворкинга", offset: 10_000)
        // A push whose signature was altered: the server refuses it.
        let forgedPush = {
            var bytes = moscow.job(7, title: "Подделка", offset: 10_001).bytes
            bytes[bytes.count - 1] ^= 0x01
            return bytes
        }()
        return Self(
            file: "session.json",
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
            clientKey: TestKeys.key(0x11),
            serverKey: TestKeys.key(0x22),
            clientEphemeralSecret: [UInt8](repeating: 0x33, count: 32),
            serverEphemeralSecret: [UInt8](repeating: 0x44, count: 32),
            clientHello: clientHello,
            serverHello: serverHello,
            clientDeltas: [
                moscow.job(1, title: "Комьюнити-менеджер"), moscow.job(2, title: "Продюсер мероприятий", offset: 1),
                association.job(3, title: "Координатор волонтёров", offset: 2),
            ],
            serverDeltas: [
                moscow.job(1, title: "Комьюнити-менеджер"), moscow.job(4, title: "Редактор дайджеста", offset: 3),
                moscow.job(5, title: "Менеджер партнёрств", offset: 4),
            ],
            // Kept when reconciled, pruned before it is wanted: the server answers `missing`.
            lostOnServer: [moscow.job(5, title: "Менеджер партнёрств", offset: 4).id],
            live: { pair in
                // Accepted by the client during the live session and pushed, then the forgery.
                pair.now += 10_000
                pair.initiator.deltas[livePush.id] = livePush
                pair.perform(
                    \.initiator,
                    pair.initiator.session.onLocalDelta(livePush.bytes, scope: livePush.delta.scope)
                )
                pair.perform(
                    \.initiator,
                    pair.initiator.session.onLocalDelta(forgedPush, scope: livePush.delta.scope)
                )
                pair.settle()
                pair.now += Limits().pingInterval
                pair.perform(\.initiator, pair.initiator.session.onTick(now: pair.now))
                pair.settle()
            }
        )
    }()

    /// `session-rounds.json`: hundreds of jobs a side, dozens only one side holds, and a frame-size
    /// limit of 4096 bytes, so that the data plane takes Fingerprints, several round trips and
    /// messages cut at the limit.
    static let rounds: Self = {
        // Jobs 1 to 300, three to a millisecond (so that some bounds need an id prefix); the server
        // lacks those ending in 3, the client those ending in 7; the client also holds four jobs
        // of the association, which the server does not follow.
        let numbers = 1...UInt64(300)
        func job(_ number: UInt64) -> SignedDelta {
            moscow.job(number, title: "Вакансия \(number)", offset: number / 3 * 1_000)
        }
        return Self(
            file: "session-rounds.json",
            description: """
                An Artel session (protocol/wire.md) whose data plane takes several Negentropy round \
                trips, every byte recorded. Both nodes use the frame-size limit `frame_size_limit` \
                (4096 bytes, the least wire.md §9.5 allows, instead of the 524 288 of §5.3) so that a \
                few hundred items already reach it. The client holds 270 jobs of the one community \
                the server follows, and 4 of another, which stay out of the session; the server \
                holds 270; each lacks 30 of the other's, and some jobs share a timestamp, so some \
                bounds carry an id prefix. The control plane is empty. In the data plane the client \
                sends 16 Fingerprints; the server answers each that differs with its own ids in the \
                range until its answer nears the limit, then ends it with a Fingerprint to infinity \
                of the rest of its items (§9.5), which the client splits into 16 Fingerprints again: \
                three round trips, two answers cut at the limit. As it learns them, the client \
                offers the 30 jobs the server lacks and wants the 30 it lacks; then it says goodbye, \
                which the server answers with its own. Each message's frames continue its sender's \
                box-stream; `now` is both nodes' clock at the start, in Unix milliseconds.
                """,
            clientKey: TestKeys.key(0x55),
            serverKey: TestKeys.key(0x66),
            clientEphemeralSecret: [UInt8](repeating: 0x77, count: 32),
            serverEphemeralSecret: [UInt8](repeating: 0x88, count: 32),
            clientHello: clientHello,
            serverHello: serverHello,
            clientDeltas: numbers.filter { $0 % 10 != 7 }.map(job)
                + (1...UInt64(4)).map { association.job(1_000 + $0, title: "Волонтёр \($0)", offset: $0 * 500) },
            serverDeltas: numbers.filter { $0 % 10 != 3 }.map(job),
            frameSizeLimit: 4_096
        )
    }()
}
