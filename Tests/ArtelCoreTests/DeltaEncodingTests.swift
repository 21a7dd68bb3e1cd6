import ArtelCore
import ArtelTestKit
import Testing

@Suite("Delta encoding")
struct DeltaEncodingTests {
    let factory = DeltaFactory()

    /// A small job: title "Test", salary_min 50000, a tag "remote".
    var sample: Delta {
        factory.delta(
            .job,
            record: DeltaFactory.recordID(1),
            expiry: DeltaFactory.epoch + 1_000,
            [
                Fields.add(.job, "tags", "remote"), Fields.set(.job, "salary_min", .integer(50_000)),
                Fields.set(.job, "title", "Test"),
            ]
        )
    }

    @Test("The canonical bytes follow protocol/encoding.md byte by byte")
    func bytesByHand() throws {
        let delta = sample
        var expected: [UInt8] = [0x01, 0x05]
        expected += delta.community.bytes.bytes + delta.author.bytes.bytes + delta.record.bytes.bytes
        expected += bigEndian(delta.timestamp.rawValue) + bigEndian(delta.expiry)
        expected += [0x03]  // three operations, sorted by field id: title (1), salary_min (6), tags (18)
        expected += [0x01, 0x01, 0x01, 0x04] + Array("Test".utf8)  // set, field 1, string, length 4
        expected += [0x01, 0x06, 0x02, 0xa0, 0x8d, 0x06]  // set, field 6, integer, zigzag(50000) = 100000
        expected += [0x03, 0x12, 0x01, 0x06] + Array("remote".utf8)  // add, field 18, string, length 6
        #expect(try delta.encodedUnsignedBytes() == expected)
    }

    @Test("Signing names the delta by BLAKE2b-256 of its unsigned bytes and appends the signature")
    func signing() throws {
        let signed = factory.sign(sample)
        let unsigned = try sample.encodedUnsignedBytes()
        #expect(signed.bytes == unsigned + signed.signature.bytes)
        #expect(signed.id == DeltaID(Blake2b.hash256(unsigned)))
        #expect(signed.delta.author.isValidSignature(signed.signature, for: unsigned))
        #expect(throws: Never.self) { try signed.checkSignature() }
    }

    @Test("Decoding gives back the delta, whatever order its operations were given in")
    func roundTrip() throws {
        let signed = factory.sign(sample)
        let decoded = try SignedDelta.decodeVerified(signed.bytes)
        #expect(decoded.id == signed.id)
        #expect(Set(decoded.delta.operations) == Set(sample.operations))
        #expect(
            decoded.delta.kind == .job && decoded.delta.record == sample.record && decoded.delta.expiry == sample.expiry
        )
    }

    @Test("Only the author's key signs")
    func signingWithAnotherKey() {
        #expect(throws: DeltaError(.unauthorized, "")) { try SignedDelta.sign(sample, with: TestKeys.outsider) }
    }

    @Test(
        "Encoding refuses what has no canonical form",
        arguments: [
            ([], DeltaError.Code.noOperations),
            ([Operation.delete, Fields.set(.job, "title", "x")], .deleteNotAlone),
            ([Fields.set(.job, "title", "a"), Fields.set(.job, "title", "b")], .duplicateOperation),
            ([Fields.set(.job, "title", "a"), Fields.clear(.job, "title")], .duplicateOperation),
            ([Fields.add(.job, "tags", "a"), Fields.remove(.job, "tags", "a")], .duplicateOperation),
            ([Operation.set(.record, .string("x"))], .invalidFieldID),
            ([Fields.set(.job, "description", String(repeating: "я", count: 33_000))], .oversized),
        ]
    )
    func encodingRefusals(operations: [Operation], code: DeltaError.Code) {
        var delta = sample
        delta.operations = operations
        #expect(throws: DeltaError(code, "")) { try delta.encodedUnsignedBytes() }
    }

    @Test("Every truncation of a delta is refused as truncated")
    func truncations() throws {
        let bytes = factory.sign(sample).bytes
        for length in 0..<bytes.count {
            let error = try #require(throws: DeltaError.self) { try SignedDelta.decode(Array(bytes.prefix(length))) }
            #expect(error.code == .truncated, "prefix of \(length) bytes: \(error)")
        }
    }

    /// Ways to spoil the envelope of a delta.
    enum Spoiled: CaseIterable, Sendable {
        case trailingByte, formatVersion2, recordKind42, oversized

        func apply(to bytes: [UInt8]) -> [UInt8] {
            switch self {
            case .trailingByte: bytes + [0]
            case .formatVersion2: [2] + bytes.dropFirst()
            case .recordKind42: [1, 42] + bytes.dropFirst(2)
            case .oversized: [UInt8](repeating: 1, count: SignedDelta.maximumSize + 1)
            }
        }

        var code: DeltaError.Code {
            switch self {
            case .trailingByte: .trailingBytes
            case .formatVersion2: .unsupportedVersion
            case .recordKind42: .unknownKind
            case .oversized: .oversized
            }
        }
    }

    @Test("A malformed envelope is refused with the cause named", arguments: Spoiled.allCases)
    func malformedEnvelope(spoiled: Spoiled) {
        let bytes = factory.sign(sample).bytes
        #expect(throws: DeltaError(spoiled.code, "")) { try SignedDelta.decode(spoiled.apply(to: bytes)) }
    }

    @Test(
        "Malformed operations are refused with the cause named",
        arguments: [
            ("no operation", [0x00], DeltaError.Code.noOperations),
            ("operation tag 9", [0x01, 0x09, 0x01], .unknownOperation),
            ("field 0", [0x01, 0x02, 0x00], .invalidFieldID),
            ("overlong varint field id", [0x01, 0x02, 0x81, 0x00], .malformedVarint),
            ("value type 9", [0x01, 0x01, 0x01, 0x09, 0x00], .unknownValueType),
            ("boolean 2", [0x01, 0x01, 0x0a, 0x03, 0x02], .invalidBoolean),
            ("invalid UTF-8", [0x01, 0x01, 0x01, 0x01, 0x02, 0xc3, 0x28], .invalidUTF8),
            ("UTF-8 of a surrogate", [0x01, 0x01, 0x01, 0x01, 0x03, 0xed, 0xa0, 0x80], .invalidUTF8),
            ("overlong UTF-8", [0x01, 0x01, 0x01, 0x01, 0x02, 0xc0, 0x80], .invalidUTF8),
            ("UTF-8 cut inside a character", [0x01, 0x01, 0x01, 0x01, 0x02, 0x41, 0xd0], .invalidUTF8),
            ("a lone continuation byte", [0x01, 0x01, 0x01, 0x01, 0x01, 0x80], .invalidUTF8),
            ("out of order", [0x02, 0x02, 0x06, 0x02, 0x01], .nonCanonical),
            ("same register twice", [0x02, 0x02, 0x05, 0x02, 0x05], .duplicateOperation),
            ("delete with another", [0x02, 0x05, 0x02, 0x05], .deleteNotAlone),
            ("overlong string length", [0x01, 0x01, 0x01, 0x01, 0x81, 0x00], .malformedVarint),
            ("zigzag integer not minimal", [0x01, 0x01, 0x06, 0x02, 0x80, 0x00], .malformedVarint),
        ] as [(String, [UInt8], DeltaError.Code)]
    )
    func malformedOperations(name: String, operations: [UInt8], code: DeltaError.Code) {
        let header = Array(try! sample.encodedUnsignedBytes().prefix(98))
        let bytes = header + operations + [UInt8](repeating: 0, count: 64)
        #expect(throws: DeltaError(code, "")) { try SignedDelta.decode(bytes) }
    }

    @Test("A changed signature is refused as a bad signature")
    func badSignature() throws {
        var bytes = factory.sign(sample).bytes
        bytes[bytes.count - 1] ^= 0x01
        #expect(throws: Never.self) { try SignedDelta.decode(bytes) }
        #expect(throws: DeltaError(.badSignature, "")) { try SignedDelta.decodeVerified(bytes) }
    }

    @Test("Error messages name the cause and never carry signed bytes")
    func messages() throws {
        let bytes = factory.sign(sample).bytes
        let error = try #require(throws: DeltaError.self) { try SignedDelta.decode(bytes + [7, 7]) }
        #expect(error.description == "trailing_bytes: 2 bytes follow the signature")
        #expect(!error.message.contains(Hex.encode(bytes.suffix(64))))
    }

    private func bigEndian(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * UInt64($0))) }
    }
}
