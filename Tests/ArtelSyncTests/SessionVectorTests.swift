import ArtelCore
import ArtelSync
import ArtelTestKit
import Foundation
import Testing

@Suite("protocol/vectors/session.json")
struct SessionVectorTests {
    static let path = TestFiles.path("protocol/vectors/session.json")

    static func load() throws -> SessionTranscript {
        try JSONDecoder().decode(SessionTranscript.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test("The session recorded today is byte for byte the one in the file")
    func reproduced() throws {
        let recorded = try SessionTranscript.record()
        // `ARTEL_RECORD_VECTORS=1 swift test --filter SessionVectorTests` writes the file anew, when
        // the specification changes; the checkers written from the specification then judge it.
        if ProcessInfo.processInfo.environment["ARTEL_RECORD_VECTORS"] != nil {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try (encoder.encode(recorded) + Data("\n".utf8)).write(to: URL(fileURLWithPath: Self.path))
            Issue.record(
                "wrote \(Self.path) anew: check it with `make vectors`, then run the tests without ARTEL_RECORD_VECTORS"
            )
            return
        }
        let file = try Self.load()
        #expect(recorded.handshake == file.handshake)
        #expect(recorded.clientToServer == file.clientToServer && recorded.serverToClient == file.serverToClient)
        #expect(recorded.messages.count == file.messages.count)
        for (index, (mine, theirs)) in zip(recorded.messages, file.messages).enumerated() {
            #expect(mine == theirs, "message \(index): \(theirs.decoded.type)")
        }
        #expect(recorded == file)
    }

    @Test("Each side's frames decrypt to its messages, which decode to what the file says they are")
    func framesDecode() throws {
        let file = try Self.load()
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

    @Test("The session shows every step of wire.md §5 and ends with both sides holding what they share")
    func covers() throws {
        let file = try Self.load()
        let types = Set(file.messages.map(\.decoded.type))
        let expected: Set = [
            "hello", "reconcile_open", "reconcile_message", "reconcile_close", "want", "deltas", "missing", "push",
            "refuse", "ping", "pong", "goodbye",
        ]
        #expect(expected.isSubset(of: types), "missing \(expected.subtracting(types))")
        let planes = file.messages.filter { $0.decoded.type == "reconcile_open" }.map(\.decoded.plane)
        #expect(planes == ["control", "data"])
        let shared = Set(file.server.finalIDs).intersection(file.client.finalIDs)
        #expect(shared.count == 4, "jobs 1, 2, 4 and the live push")
    }

    private static func decryptor(_ stream: SessionTranscript.Stream) -> BoxStreamDecryptor? {
        guard let key = Hex.decode(stream.key).flatMap(Bytes32.init), let nonce = Hex.decode(stream.nonce) else {
            return nil
        }
        return BoxStreamDecryptor(key: key, nonce: nonce)
    }

    /// Writes the vector file; run with `ARTEL_WRITE_VECTORS=1` after a deliberate change of the wire
    /// protocol, then review the diff and run `protocol/vectors/check_session.py`.
    @Test("Regenerate the vector file", .enabled(if: ProcessInfo.processInfo.environment["ARTEL_WRITE_VECTORS"] == "1"))
    func regenerate() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try (encoder.encode(try SessionTranscript.record()) + Data("\n".utf8))
            .write(to: URL(fileURLWithPath: Self.path))
    }
}
