import ArtelCore
import ArtelSync
import CSodium
import Testing

@Suite("box-stream")
struct BoxStreamTests {
    @Test("The vector's frames and goodbye are reproduced exactly and decrypt back")
    func vector() throws {
        let vector = try SHS1Vectors.load().boxStream
        let key = try #require(Bytes32(try bytes(vector.key)))
        let nonce = try bytes(vector.nonce)
        let plaintexts = try vector.plaintexts.map(bytes)

        var encryptor = BoxStreamEncryptor(key: key, nonce: nonce)
        #expect(try plaintexts.map { encryptor.seal($0) } == vector.frames.map(bytes))
        #expect(Hex.encode(encryptor.goodbye()) == vector.goodbye)

        var decryptor = BoxStreamDecryptor(key: key, nonce: nonce)
        let stream = try (vector.frames + [vector.goodbye]).flatMap(bytes)
        #expect(try decryptor.feed(stream) == plaintexts)
        #expect(decryptor.didSayGoodbye)
        try decryptor.finish()
    }

    @Test("The vector's stream is keyed by the handshake's client encryption key and nonce")
    func chainedToHandshake() throws {
        let vectors = try SHS1Vectors.load()
        #expect(vectors.boxStream.key == vectors.expected.clientEncKey)
        #expect(vectors.boxStream.nonce == vectors.expected.clientEncNonce)
    }

    @Test("A 10 000-byte plaintext becomes 3 frames and decrypts back when fed one byte at a time")
    func splitting() throws {
        let plaintext = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        var encryptor = makeEncryptor()
        let stream = encryptor.seal(plaintext) + encryptor.goodbye()
        #expect(stream.count == 10_000 + 4 * 34)

        var decryptor = makeDecryptor()
        var bodies: [[UInt8]] = []
        for byte in stream {
            bodies += try decryptor.feed([byte])
        }
        #expect(bodies.map(\.count) == [4096, 4096, 1808])
        #expect(bodies.flatMap { $0 } == plaintext)
        try decryptor.finish()
    }

    @Test("Sealing nothing sends no frame")
    func emptySeal() {
        var encryptor = makeEncryptor()
        #expect(encryptor.seal([UInt8]()).isEmpty)
    }

    @Test("A flipped bit in a header or in a body is detected")
    func tampering() throws {
        var encryptor = makeEncryptor()
        let frame = encryptor.seal([UInt8](repeating: 0xab, count: 100))
        for index in frame.indices {
            var altered = frame
            altered[index] ^= 1 << (index % 8)
            var decryptor = makeDecryptor()
            let expected: BoxStreamError = index < 34 ? .headerNotAuthentic : .bodyNotAuthentic
            #expect(throws: expected) { try decryptor.feed(altered) }
        }
    }

    @Test("Two frames swapped are detected")
    func reordering() throws {
        var encryptor = makeEncryptor()
        let first = encryptor.seal([1, 2, 3])
        let second = encryptor.seal([4, 5, 6])
        var decryptor = makeDecryptor()
        #expect(throws: BoxStreamError.headerNotAuthentic) { try decryptor.feed(second + first) }
    }

    @Test("A dropped frame is detected")
    func dropping() throws {
        var encryptor = makeEncryptor()
        _ = encryptor.seal([1, 2, 3])
        let second = encryptor.seal([4, 5, 6])
        var decryptor = makeDecryptor()
        #expect(throws: BoxStreamError.headerNotAuthentic) { try decryptor.feed(second) }
    }

    @Test("A stream cut inside a frame is truncated; one cut between frames misses its goodbye")
    func truncation() throws {
        var encryptor = makeEncryptor()
        let frames = encryptor.seal([UInt8](repeating: 1, count: 10)) + encryptor.seal([2])
        let goodbye = encryptor.goodbye()

        for cut in [1, 33, 34, 43, frames.count + 33] {
            var decryptor = makeDecryptor()
            _ = try decryptor.feed((frames + goodbye).prefix(cut))
            #expect(throws: BoxStreamError.truncated) { try decryptor.finish() }
        }
        var decryptor = makeDecryptor()
        #expect(try decryptor.feed(frames).count == 2)
        #expect(!decryptor.didSayGoodbye)
        #expect(throws: BoxStreamError.missingGoodbye) { try decryptor.finish() }
        #expect(throws: BoxStreamError.missingGoodbye) { try makeDecryptor().finish() }
    }

    @Test("An authentic header announcing more than 4096 bytes, or none, is refused at once")
    func bodyLength() throws {
        for count in [4097, 65_535, 0] {
            let mac = [UInt8](repeating: 9, count: 16)
            let header = sealHeader([UInt8(count >> 8), UInt8(count & 0xff)] + mac)
            var decryptor = makeDecryptor()
            #expect(throws: BoxStreamError.bodyLengthOutOfRange(count)) { try decryptor.feed(header) }
        }
    }

    @Test("Bytes after the goodbye are refused, in the same feed or a later one")
    func afterGoodbye() throws {
        var encryptor = makeEncryptor()
        let stream = encryptor.seal([1]) + encryptor.goodbye()

        var together = makeDecryptor()
        #expect(throws: BoxStreamError.dataAfterGoodbye) { try together.feed(stream + [0]) }

        var apart = makeDecryptor()
        #expect(try apart.feed(stream) == [[1]])
        #expect(apart.didSayGoodbye)
        #expect(try apart.feed([UInt8]()).isEmpty)
        #expect(throws: BoxStreamError.dataAfterGoodbye) { try apart.feed([0]) }
    }

    @Test("The first error is final: later feeds and finish throw it again")
    func errorsAreFinal() throws {
        var encryptor = makeEncryptor()
        var frame = encryptor.seal([1, 2, 3])
        frame[0] ^= 1
        var decryptor = makeDecryptor()
        #expect(throws: BoxStreamError.headerNotAuthentic) { try decryptor.feed(frame) }
        #expect(throws: BoxStreamError.headerNotAuthentic) { try decryptor.feed([UInt8]()) }
        #expect(throws: BoxStreamError.headerNotAuthentic) { try decryptor.finish() }
    }

    @Test("Every error explains itself in one line")
    func descriptions() {
        let errors: [BoxStreamError] = [
            .headerNotAuthentic, .bodyNotAuthentic, .bodyLengthOutOfRange(5000), .dataAfterGoodbye, .truncated,
            .missingGoodbye,
        ]
        for error in errors {
            #expect(!error.description.isEmpty && !error.description.contains("\n"))
        }
    }

    private static let key = Bytes32([UInt8](repeating: 0x11, count: 32))!
    private static let nonce = [UInt8](repeating: 0xff, count: 23) + [0xfe]

    private func makeEncryptor() -> BoxStreamEncryptor { BoxStreamEncryptor(key: Self.key, nonce: Self.nonce) }
    private func makeDecryptor() -> BoxStreamDecryptor { BoxStreamDecryptor(key: Self.key, nonce: Self.nonce) }

    /// A header boxed under the first nonce, as a sender that breaks the format would make it.
    private func sealHeader(_ plaintext: [UInt8]) -> [UInt8] {
        var boxed = [UInt8](repeating: 0, count: plaintext.count + 16)
        _ = crypto_secretbox_easy(&boxed, plaintext, UInt64(plaintext.count), Self.nonce, Self.key.bytes)
        return boxed
    }
}
