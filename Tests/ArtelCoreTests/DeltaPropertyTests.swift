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
