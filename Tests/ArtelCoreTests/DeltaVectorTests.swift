import ArtelCore
import ArtelTestKit
import Foundation
import Testing

@Suite("protocol/vectors/deltas.json")
struct DeltaVectorTests {
    static let path = TestFiles.path("protocol/vectors/deltas.json")

    @Test("Each vector's fields encode to its bytes, its key signs them to its signature, and it hashes to its id")
    func validVectors() throws {
        let file = try JSONDecoder().decode(
            DeltaVectorFile.self,
            from: Data(contentsOf: URL(fileURLWithPath: Self.path))
        )
        let keys = Dictionary(
            uniqueKeysWithValues: try file.keys.map {
                ($0.name, try #require(SigningKey(seed: Hex.decode($0.seed) ?? [])))
            }
        )
        #expect(file.deltas.count >= 2 * RecordKind.allCases.count)
        for vector in file.deltas {
            let key = try #require(keys[vector.key], "\(vector.name)")
            let delta = Delta(
                kind: try #require(RecordKind(name: vector.kind)),
                community: try #require(PublicKey(hex: vector.community)),
                author: try #require(PublicKey(hex: vector.author)),
                record: try #require(RecordID(hex: vector.record)),
                timestamp: HLC(rawValue: try #require(UInt64(vector.timestamp))),
                expiry: try #require(UInt64(vector.expiry)),
                operations: try vector.operations.map { try #require($0.operation, "\(vector.name)") }
            )
            let signed = try SignedDelta.sign(delta, with: key)
            #expect(Hex.encode(signed.unsignedBytes) == vector.unsigned, "\(vector.name)")
            #expect(signed.signature.hex == vector.signature, "\(vector.name)")
            #expect(signed.id.hex == vector.id, "\(vector.name)")
            #expect(Hex.encode(signed.bytes) == vector.bytes, "\(vector.name)")

            let decoded = try SignedDelta.decodeVerified(try #require(Hex.decode(vector.bytes)))
            #expect(decoded.delta.operations.map(DeltaVectorFile.Operation.init) == vector.operations, "\(vector.name)")
            #expect(throws: Never.self, "\(vector.name)") {
                try Admission.check(decoded.delta, now: decoded.delta.timestamp.milliseconds)
            }
        }
    }

    @Test("Each invalid vector is refused with its code")
    func invalidVectors() throws {
        let file = try JSONDecoder().decode(
            DeltaVectorFile.self,
            from: Data(contentsOf: URL(fileURLWithPath: Self.path))
        )
        #expect(!file.invalid.isEmpty)
        for vector in file.invalid {
            let error = try #require(throws: DeltaError.self, "\(vector.name)") {
                let signed = try SignedDelta.decodeVerified(try #require(Hex.decode(vector.bytes)))
                try Admission.check(signed.delta, now: signed.delta.timestamp.milliseconds)
            }
            #expect(error.code.name == vector.refusal, "\(vector.name): \(error)")
        }
    }

    /// Writes the vector file from ``VectorExamples``; run with `ARTEL_WRITE_VECTORS=1` after a
    /// deliberate change of the encoding, then review the diff.
    @Test("Regenerate the vector file", .enabled(if: ProcessInfo.processInfo.environment["ARTEL_WRITE_VECTORS"] == "1"))
    func regenerate() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try (encoder.encode(VectorExamples.file()) + Data("\n".utf8)).write(to: URL(fileURLWithPath: Self.path))
    }
}
