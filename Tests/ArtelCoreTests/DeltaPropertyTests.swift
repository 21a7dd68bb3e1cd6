import ArtelCore
import ArtelTestKit
import PropertyBased
import Testing

@Suite("Delta encoding laws")
struct DeltaPropertyTests {
    @Test("Encode then decode gives back the same delta, id and bytes")
    func roundTrip() throws {
        try FixedSeeds.check(count: 300) { seed, rng in
            let delta = DeltaGenerators.anyDelta(using: &rng)
            let key = [TestKeys.key(1), TestKeys.key(2), TestKeys.key(3)].first { $0.publicKey == delta.author }!
            let signed = try SignedDelta.sign(delta, with: key)
            let decoded = try SignedDelta.decodeVerified(signed.bytes)
            #expect(decoded.id == signed.id, "seed \(seed)")
            #expect(decoded.bytes == signed.bytes, "seed \(seed)")
            #expect(Set(decoded.delta.operations) == Set(delta.operations), "seed \(seed)")
            #expect(try decoded.delta.encodedUnsignedBytes() == Array(signed.unsignedBytes), "seed \(seed)")
        }
    }

    @Test("A text is read from bytes exactly when they are valid UTF-8, as the standard library judges them")
    func textValidation() {
        // Mostly the bytes that make or break UTF-8: lead bytes, continuations, the replacement
        // character's own bytes, and ASCII.
        let bytes: [UInt8] = [0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc3, 0xd0, 0xe0, 0xed, 0xef, 0xbd, 0xf0, 0xf4, 0xf5, 0xff]
        FixedSeeds.check(count: 5_000) { seed, rng in
            let text = (0..<Int.random(in: 0...6, using: &rng)).map { _ in bytes.randomElement(using: &rng)! }
            let expected = String(validating: text, as: UTF8.self)
            #expect(String(validUTF8: text[...]) == expected, "seed \(seed): \(text)")
        }
        #expect(String(validUTF8: [0xef, 0xbf, 0xbd][...]) == "\u{FFFD}")
        #expect(String(validUTF8: Array("ёлка".utf8)[1...]) == nil)
    }

    @Test("Operations given in canonical order, shuffled or put in order by sortCanonically encode alike")
    func canonicalOrderGiven() throws {
        try FixedSeeds.check(count: 300) { seed, rng in
            let delta = DeltaGenerators.anyDelta(using: &rng)
            let key = [TestKeys.key(1), TestKeys.key(2), TestKeys.key(3)].first { $0.publicKey == delta.author }!
            var shuffled = delta
            shuffled.operations.shuffle(using: &rng)
            var sorted = delta
            sorted.operations.sortCanonically()
            let signed = try SignedDelta.sign(sorted, with: key)
            #expect(try shuffled.encodedUnsignedBytes() == Array(signed.unsignedBytes), "seed \(seed)")
            // The decoder checks the order on its own: sortCanonically gives the order it reads.
            #expect(try SignedDelta.decodeVerified(signed.bytes).delta.operations == sorted.operations, "seed \(seed)")
        }
    }

    @Test("Texts of one set field are ordered as their encodings are: by length's varint bytes, then by UTF-8")
    func textElementOrder() throws {
        // Lengths on both sides of a varint's second byte (128), in one- to four-byte characters.
        let texts = Set(
            [0, 1, 2, 63, 64, 127, 128, 129, 255, 256].flatMap { bytes in
                ["a", "z", "я", "ё", "€", "🙂"].map { String(repeating: $0, count: bytes / $0.utf8.count) }
            }
        )
        let field = RecordKind.job.schema["tags"].id
        let key = TestKeys.key(1)
        for first in texts {
            for second in texts where first != second {
                var operations: [ArtelCore.Operation] = [.add(field, .string(first)), .add(field, .string(second))]
                operations.sortCanonically()
                let encodings = operations.map { operation in
                    guard case .add(_, let element) = operation else { return [UInt8]() }
                    return element.encodedBytes
                }
                #expect(
                    encodings[0].lexicographicallyPrecedes(encodings[1]),
                    "\(first.utf8.count) and \(second.utf8.count) bytes"
                )
                let delta = Delta(
                    kind: .job,
                    community: key.publicKey,
                    author: key.publicKey,
                    record: RecordID(Bytes16([UInt8](repeating: 1, count: 16))!),
                    timestamp: HLC(rawValue: 1),
                    expiry: 0,
                    operations: [.add(field, .string(first)), .add(field, .string(second))]
                )
                #expect(throws: Never.self) { try SignedDelta.decode(SignedDelta.sign(delta, with: key).bytes) }
            }
        }
    }

    @Test("Any change of a single byte of a signed delta is refused")
    func singleByteChanges() throws {
        try FixedSeeds.check(count: 12) { seed, rng in
            let delta = DeltaGenerators.anyDelta(using: &rng)
            let key = [TestKeys.key(1), TestKeys.key(2), TestKeys.key(3)].first { $0.publicKey == delta.author }!
            let bytes = try SignedDelta.sign(delta, with: key).bytes
            for index in bytes.indices {
                var changed = bytes
                changed[index] ^= UInt8.random(in: 1...255, using: &rng)
                #expect(throws: DeltaError.self, "seed \(seed), byte \(index)") {
                    try SignedDelta.decodeVerified(changed)
                }
            }
        }
    }
}
