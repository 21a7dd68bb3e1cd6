import ArtelCore
import ArtelSync
import Testing

@Suite("Negentropy storage")
struct NegentropyStorageTests {
    private static func id(_ byte: UInt8) -> Bytes32 { Bytes32(Array(repeating: byte, count: 32))! }

    @Test("Items order by timestamp, then by id")
    func order() {
        let early = NegentropyItem(timestamp: 1, id: Self.id(0xff))
        let late = NegentropyItem(timestamp: 2, id: Self.id(0x00))
        let lateHigher = NegentropyItem(timestamp: 2, id: Self.id(0x01))
        #expect([lateHigher, late, early].sorted() == [early, late, lateHigher])
    }

    @Test("Duplicates count once and infinity's timestamp is left out")
    func sealing() {
        let item = NegentropyItem(timestamp: 7, id: Self.id(1))
        let storage = NegentropyStorage([item, item, NegentropyItem(timestamp: .max, id: Self.id(2))])
        #expect(storage.count == 1)
    }

    @Test("Duplicates and input order do not change the messages")
    func duplicatesDoNotChangeMessages() throws {
        var random = SplitMix64(seed: 7)
        let items = (0..<500).map { _ in NegentropyItem(timestamp: random.next() % 20, id: random.nextBytes32()) }
        var plain = try Negentropy(storage: NegentropyStorage(items))
        var doubled = try Negentropy(storage: NegentropyStorage(items.reversed() + items))
        #expect(try plain.initiate() == doubled.initiate())
    }
}
