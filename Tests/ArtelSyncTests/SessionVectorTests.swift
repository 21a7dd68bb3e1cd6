import ArtelCore
import ArtelSync
import ArtelTestKit
import Foundation
import Testing

extension SessionTranscript.Setup: CustomTestStringConvertible {
    var testDescription: String { file }
}

@Suite("protocol/vectors/session.json and session-rounds.json")
struct SessionVectorTests {
    static let setups: [SessionTranscript.Setup] = [.short, .rounds]

    static func path(_ setup: SessionTranscript.Setup) -> String {
        TestFiles.path("protocol/vectors/\(setup.file)")
    }

    static func load(_ setup: SessionTranscript.Setup) throws -> SessionTranscript {
        try JSONDecoder().decode(SessionTranscript.self, from: Data(contentsOf: URL(fileURLWithPath: path(setup))))
    }

    /// Writes a setup's file anew.
    static func write(_ setup: SessionTranscript.Setup) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try (encoder.encode(try SessionTranscript.record(setup)) + Data("\n".utf8))
            .write(to: URL(fileURLWithPath: path(setup)))
    }

    @Test("The session recorded today is byte for byte the one in the file", arguments: setups)
    func reproduced(_ setup: SessionTranscript.Setup) throws {
        // `ARTEL_RECORD_VECTORS=1 swift test --filter SessionVectorTests` writes the files anew, when
        // the specification changes; the checkers written from the specification then judge them.
        if ProcessInfo.processInfo.environment["ARTEL_RECORD_VECTORS"] != nil {
            try Self.write(setup)
            Issue.record(
                "wrote \(Self.path(setup)) anew: check it with `make vectors`, then run the tests without ARTEL_RECORD_VECTORS"
            )
            return
        }
        let recorded = try SessionTranscript.record(setup)
        let file = try Self.load(setup)
        #expect(recorded.handshake == file.handshake)
        #expect(recorded.clientToServer == file.clientToServer && recorded.serverToClient == file.serverToClient)
        #expect(recorded.messages.count == file.messages.count)
        for (index, (mine, theirs)) in zip(recorded.messages, file.messages).enumerated() {
            #expect(mine == theirs, "message \(index): \(theirs.decoded.type)")
        }
        #expect(recorded == file)
    }

    @Test("Each side's frames decrypt to its messages, which decode to what the file says they are", arguments: setups)
    func framesDecode(_ setup: SessionTranscript.Setup) throws {
        let file = try Self.load(setup)
        let clientToServer = try #require(Self.decryptor(file.clientToServer))
        let serverToClient = try #require(Self.decryptor(file.serverToClient))
        var decryptors = ["client": clientToServer, "server": serverToClient]
        for (index, sent) in file.messages.enumerated() {
            let bodies = try decryptors[sent.from]!.feed(try #require(Hex.decode(sent.frames)))
            let plaintext = bodies.flatMap { $0 }
            #expect(Hex.encode(plaintext) == sent.plaintext, "message \(index)")
            var reader = MessageReader(maximumSize: Limits().maximumMessageSize)
            let messages = try reader.feed(plaintext)
            #expect(messages.count == 1 && messages.first.map(DecodedMessage.init) == sent.decoded, "message \(index)")
        }
        for (side, goodbye) in [("client", file.clientGoodbye), ("server", file.serverGoodbye)] {
            #expect(try decryptors[side]!.feed(try #require(Hex.decode(goodbye))).isEmpty)
            #expect(decryptors[side]!.didSayGoodbye, "\(side)")
        }
    }

    @Test("session.json shows every step of wire.md §5 and ends with both sides holding what they share")
    func covers() throws {
        let file = try Self.load(.short)
        let types = Set(file.messages.map(\.decoded.type))
        let expected: Set = [
            "hello", "reconcile_open", "reconcile_message", "reconcile_close", "want", "deltas", "missing", "push",
            "refuse", "ping", "pong", "goodbye",
        ]
        #expect(expected.isSubset(of: types), "missing \(expected.subtracting(types))")
        let planes = file.messages.filter { $0.decoded.type == "reconcile_open" }.map(\.decoded.plane)
        #expect(planes == ["control", "data"])
        #expect(file.frameSizeLimit == nil, "Artel's own limit, left out of the file")
        let shared = Set(file.server.finalIDs).intersection(file.client.finalIDs)
        #expect(shared.count == 4, "jobs 1, 2, 4 and the live push")
    }

    @Test("session-rounds.json reconciles the data plane in several round trips within the frame-size limit")
    func coversRounds() throws {
        let file = try Self.load(.rounds)
        let limit = try #require(file.frameSizeLimit)
        let data = file.messages.filter { $0.decoded.plane == "data" }
        let payloads = data.compactMap { sent in sent.decoded.negentropy.map { (sent.from, Hex.decode($0)!) } }
        let answers = payloads.filter { $0.0 == "server" }.map(\.1)
        #expect(answers.count >= 3, "round trips")
        #expect(payloads.dropFirst().allSatisfy { $0.1.count <= limit }, "every message but the client's first")
        // The client's buckets hold fewer than 32 items each, so only the cut of wire.md §9.5 ends a
        // server answer with a Fingerprint to infinity (bound 00 00, mode 01, 16 bytes); the checker
        // replays each message exactly.
        #expect(
            answers.contains { $0.count > 19 && $0.suffix(19).prefix(3) == [0, 0, 1] },
            "a message cut at the limit"
        )
        let wanted = file.messages.filter { $0.from == "client" && $0.decoded.type == "want" }
        let offered = file.messages.filter { $0.from == "client" && $0.decoded.type == "deltas" }
        #expect(wanted.flatMap { $0.decoded.ids ?? [] }.count == 30)
        #expect(offered.flatMap { $0.decoded.deltas ?? [] }.count == 30)
        #expect(
            file.server.finalIDs.count == 300 && file.client.finalIDs.count == 304,
            "all 300 jobs, and the 4 others"
        )
        #expect(Set(file.server.finalIDs).isSubset(of: file.client.finalIDs))
    }

    private static func decryptor(_ stream: SessionTranscript.Stream) -> BoxStreamDecryptor? {
        guard let key = Hex.decode(stream.key).flatMap(Bytes32.init), let nonce = Hex.decode(stream.nonce) else {
            return nil
        }
        return BoxStreamDecryptor(key: key, nonce: nonce)
    }

    /// Writes the vector files; run with `ARTEL_WRITE_VECTORS=1` after a deliberate change of the wire
    /// protocol, then review the diff and run `protocol/vectors/check_session.py`.
    @Test(
        "Regenerate the vector files",
        .enabled(if: ProcessInfo.processInfo.environment["ARTEL_WRITE_VECTORS"] == "1"),
        arguments: setups
    )
    func regenerate(_ setup: SessionTranscript.Setup) throws {
        try Self.write(setup)
    }
}
