import ArtelCore
import ArtelSync
import Testing

@Suite("Negentropy reconciliation of random sets")
struct NegentropyPropertyTests {
    /// Two sets built from a seed: shared items plus items only one side holds.
    struct RandomSets {
        var common: [NegentropyItem] = []
        var clientOnly: [NegentropyItem] = []
        var serverOnly: [NegentropyItem] = []

        init(seed: UInt64) {
            var random = SplitMix64(seed: seed)
            // Few distinct timestamps for some seeds, so that bounds need id prefixes.
            let timestampSpread = [3, 50, 1_000_000][Int(random.next() % 3)]
            func item() -> NegentropyItem {
                NegentropyItem(
                    timestamp: 1_700_000_000_000 + random.next() % UInt64(timestampSpread),
                    id: random.nextBytes32()
                )
            }
            for _ in 0..<Int(random.next() % 4_000) { common.append(item()) }
            for _ in 0..<Int(random.next() % 300) { clientOnly.append(item()) }
            for _ in 0..<Int(random.next() % 300) { serverOnly.append(item()) }
        }
    }

    @Test("The client learns exactly what each side alone holds", arguments: 0..<24 as Range<UInt64>)
    func learnsTheDifference(seed: UInt64) throws {
        let sets = RandomSets(seed: seed)
        let frameSizeLimit = seed.isMultiple(of: 2) ? 0 : 4096 + Int(seed) * 100
        let session = try NegentropySession.run(
            client: NegentropyStorage(sets.common + sets.clientOnly),
            server: NegentropyStorage(sets.common + sets.serverOnly),
            frameSizeLimit: frameSizeLimit
        )
        #expect(session.roundTrips < 1_000)
        #expect(session.have.sorted() == sets.clientOnly.map(\.id).sorted())
        #expect(session.need.sorted() == sets.serverOnly.map(\.id).sorted())
        if frameSizeLimit != 0 { #expect(session.largestMessage <= frameSizeLimit) }
    }

    @Test(
        "Identical sets of any size agree in one round trip with a one-byte reply",
        arguments: [0, 1, 31, 32, 33, 5_000]
    )
    func identicalSets(count: Int) throws {
        var random = SplitMix64(seed: UInt64(count))
        let items = (0..<count).map { _ in NegentropyItem(timestamp: random.next() % 1_000, id: random.nextBytes32()) }
        let session = try NegentropySession.run(
            client: NegentropyStorage(items),
            server: NegentropyStorage(items.reversed())
        )
        #expect(session.roundTrips == 1)
        #expect(session.serverBytes == 1 || count < 32)
        #expect(session.have.isEmpty && session.need.isEmpty)
    }

    @Test("A reply cut by the frame-size limit right after its range to infinity still reconciles")
    func cutAfterInfinity() throws {
        // 122 ids fill the id list answer to the 4096-byte limit only once its header is counted, so
        // the server closes its reply with a second, empty range to infinity.
        var random = SplitMix64(seed: 122)
        let items = (0..<122).map { _ in NegentropyItem(timestamp: random.next() % 1_000, id: random.nextBytes32()) }
        let session = try NegentropySession.run(
            client: NegentropyStorage([]),
            server: NegentropyStorage(items),
            frameSizeLimit: 4096
        )
        #expect(session.roundTrips == 1)
        #expect(session.need.sorted() == items.map(\.id).sorted())
    }
}
