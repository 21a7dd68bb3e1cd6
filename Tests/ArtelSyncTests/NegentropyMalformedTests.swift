import ArtelCore
import ArtelSync
import Testing

@Suite("Negentropy refuses malformed messages and misuse")
struct NegentropyMalformedTests {
    private static let id = Bytes32(Array(repeating: 0xab, count: 32))!

    private func server(_ items: [NegentropyItem] = []) throws -> Negentropy {
        try Negentropy(storage: NegentropyStorage(items))
    }

    private func serverReply(to message: [UInt8]) throws -> [UInt8] {
        var side = try server([NegentropyItem(timestamp: 5, id: Self.id)])
        return try side.reconcile(message)
    }

    @Test("An empty message is truncated")
    func emptyMessage() throws {
        #expect(throws: NegentropyError.malformedMessage(.truncated)) { try serverReply(to: []) }
    }

    @Test("A varint cut off before its last byte is truncated")
    func truncatedVarint() throws {
        #expect(throws: NegentropyError.malformedMessage(.truncated)) { try serverReply(to: [0x61, 0x81]) }
        #expect(throws: NegentropyError.malformedMessage(.truncated)) {
            try serverReply(to: [0x61, 0x00, 0x00, 0x01, 0x01])
        }
    }

    @Test("A varint beyond 64 bits is refused")
    func overflowingVarint() throws {
        let message: [UInt8] = [0x61] + Array(repeating: 0xff, count: 10) + [0x7f]
        #expect(throws: NegentropyError.malformedMessage(.varintOverflow)) { try serverReply(to: message) }
    }

    @Test("A mode other than Skip, Fingerprint or IdList is refused")
    func unknownMode() throws {
        #expect(throws: NegentropyError.malformedMessage(.unknownMode(3))) {
            try serverReply(to: [0x61, 0x00, 0x00, 0x03])
        }
    }

    @Test("A bound id prefix longer than 32 bytes is refused")
    func longBoundID() throws {
        let message: [UInt8] = [0x61, 0x01, 0x21] + Array(repeating: 0x11, count: 33) + [0x00]
        #expect(throws: NegentropyError.malformedMessage(.boundIDTooLong(33))) { try serverReply(to: message) }
    }

    @Test("An id list announcing more ids than the message holds is refused")
    func idListBeyondMessage() throws {
        let twoIDs = Array(repeating: UInt8(0x22), count: 64)
        #expect(throws: NegentropyError.malformedMessage(.idListBeyondMessage(3))) {
            try serverReply(to: [0x61, 0x00, 0x00, 0x02, 0x03] + twoIDs)
        }
        let huge: [UInt8] = [0x61, 0x00, 0x00, 0x02] + Array(repeating: 0xff, count: 8) + [0x7f]
        #expect(throws: NegentropyError.malformedMessage(.idListBeyondMessage(UInt64.max >> 1))) {
            try serverReply(to: huge)
        }
    }

    @Test("Bytes after the range that reaches infinity are refused")
    func trailingBytes() throws {
        let valid: [UInt8] = [0x61, 0x00, 0x00, 0x02, 0x00]
        #expect(try serverReply(to: valid).count > 1)
        for garbage: [UInt8] in [[0x00], [0x05], [0x00, 0x01, 0xaa, 0x00]] {
            #expect(throws: NegentropyError.malformedMessage(.trailingBytes)) { try serverReply(to: valid + garbage) }
        }
    }

    @Test("An empty range to infinity may follow the one that reaches it")
    func emptyRangeAfterInfinity() throws {
        #expect(try serverReply(to: [0x61, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00]).count > 1)
    }

    @Test("A first byte outside 0x60...0x6F is not a protocol version")
    func invalidVersionByte() throws {
        #expect(throws: NegentropyError.malformedMessage(.invalidVersionByte(0x10))) {
            try serverReply(to: [0x10, 0x00, 0x00, 0x00])
        }
    }

    @Test("A server answers an unsupported version with its own version byte alone")
    func serverUnsupportedVersion() throws {
        #expect(try serverReply(to: [0x62, 0x00, 0x00, 0x02, 0x00]) == [0x61])
        #expect(try serverReply(to: [0x60]) == [0x61])
    }

    @Test("A client refuses a reply in another version and leaves have and need alone")
    func clientUnsupportedVersion() throws {
        var client = try server([NegentropyItem(timestamp: 5, id: Self.id)])
        _ = try client.initiate()
        var have = [Self.id]
        var need: [Bytes32] = []
        #expect(throws: NegentropyError.unsupportedVersion(0x62)) {
            try client.reconcile([0x62], have: &have, need: &need)
        }
        #expect(throws: NegentropyError.malformedMessage(.truncated)) {
            // The first range (up to timestamp 10, an empty id list) would make the item a "have".
            try client.reconcile([0x61, 0x0b, 0x00, 0x02, 0x00, 0x81], have: &have, need: &need)
        }
        #expect(have == [Self.id] && need.isEmpty)
    }

    @Test("Each role refuses the other's calls")
    func wrongRole() throws {
        var side = try server()
        var have: [Bytes32] = []
        var need: [Bytes32] = []
        #expect(throws: NegentropyError.wrongRole) { try side.reconcile([0x61], have: &have, need: &need) }
        #expect(!side.isInitiator)
        _ = try side.initiate()
        #expect(side.isInitiator)
        #expect(throws: NegentropyError.wrongRole) { try side.reconcile([0x61]) }
        #expect(throws: NegentropyError.alreadyInitiated) { try side.initiate() }
    }

    @Test("A frame-size limit is 0 or at least 4096 bytes")
    func frameSizeLimit() throws {
        let storage = NegentropyStorage([])
        #expect(throws: NegentropyError.frameSizeLimitTooSmall(4095)) {
            try Negentropy(storage: storage, frameSizeLimit: 4095)
        }
        #expect(throws: NegentropyError.frameSizeLimitTooSmall(-1)) {
            try Negentropy(storage: storage, frameSizeLimit: -1)
        }
        _ = try Negentropy(storage: storage, frameSizeLimit: 4096)
    }

    @Test("A finished reconciliation answers with nil")
    func finished() throws {
        var client = try server()
        _ = try client.initiate()
        var have: [Bytes32] = []
        var need: [Bytes32] = []
        #expect(try client.reconcile([0x61], have: &have, need: &need) == nil)
    }
}
