import Testing

@testable import ArtelStore

/// Imports and applies prepare batches on every core (signing or verifying) while the writer stores
/// those before them: what is prepared, when, and what a failure leaves running.
@Suite("Batches prepared ahead of the writer")
struct BatchPipelineTests {
    /// What the pipeline did, in order.
    private actor Events {
        private(set) var all: [String] = []
        func add(_ event: String) { all.append(event) }
    }

    private struct Failure: Error {}

    @Test("Transactions take every item once, in order: doubling from the smallest, then halving to it at the end")
    func ranges() {
        #expect(BatchPipeline.ranges(count: 0, size: 10_000).isEmpty)
        #expect(BatchPipeline.ranges(count: 300, size: 10_000) == [0..<300])
        #expect(
            BatchPipeline.ranges(count: 10_500, size: 10_000).map(\.upperBound)
                == [500, 5_500, 8_000, 9_250, 9_875, 10_188, 10_500]
        )
        #expect(
            BatchPipeline.ranges(count: 25_000, size: 10_000).map(\.count)
                == [500, 1_000, 2_000, 4_000, 7_500, 5_000, 2_500, 1_250, 625, 313, 312]
        )
        #expect(
            BatchPipeline.ranges(count: 50_000, size: 10_000).map(\.count)
                == [500, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 4_500, 5_000, 2_500, 1_250, 625, 313, 312]
        )
        for count in [1, 499, 500, 501, 9_999, 10_000, 10_001, 43_210] {
            let ranges = BatchPipeline.ranges(count: count, size: 10_000)
            #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == count, "\(count)")
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound }, "\(count)")
            #expect(ranges.allSatisfy { !$0.isEmpty && $0.count <= 10_000 }, "\(count)")
            #expect(ranges.last!.count <= BatchPipeline.smallest, "\(count)")
        }
    }

    @Test(
        "The batches after the one stored are prepared meanwhile, one at a time, two at most",
        .timeLimit(.minutes(10))
    )
    func preparesAhead() async throws {
        let events = Events()
        // The first store waits for the third batch to be prepared: with only the next batch
        // prepared during a store, it would wait for ever.
        let third = AsyncStream.makeStream(of: Void.self)
        try await BatchPipeline.run((0..<4).map { $0..<$0 + 1 }) { range in
            await events.add("prepared \(range.lowerBound)")
            if range.lowerBound == 2 { third.continuation.yield() }
            return range.lowerBound
        } store: { batch, range in
            #expect(range == batch..<batch + 1)
            if batch == 0 { for await _ in third.stream { break } }
            await events.add("stored \(batch)")
        }
        let all = await events.all
        #expect(Array(all.prefix(4)) == ["prepared 0", "prepared 1", "prepared 2", "stored 0"])
        #expect(all.filter { $0.hasPrefix("stored") } == ["stored 0", "stored 1", "stored 2", "stored 3"])
        #expect(all.contains("prepared 3"))
    }

    @Test("A store that fails stops the pipeline: nothing stored after it, no preparation left running")
    func storeFails() async throws {
        let events = Events()
        let begun = AsyncStream.makeStream(of: Void.self)
        // Batch 2's preparation lasts until it is cancelled; the failing store waits until it has begun.
        let endless = AsyncStream.makeStream(of: Void.self)
        await #expect(throws: Failure.self) {
            try await BatchPipeline.run((0..<6).map { $0..<$0 + 1 }) { range in
                await events.add("began \(range.lowerBound)")
                if range.lowerBound == 2 {
                    begun.continuation.yield()
                    for await _ in endless.stream {}
                }
                await events.add("ended \(range.lowerBound)")
                return range.lowerBound
            } store: { batch, _ in
                if batch == 1 {
                    for await _ in begun.stream { break }
                    throw Failure()
                }
                await events.add("stored \(batch)")
            }
        }
        let all = await events.all
        #expect(all.filter { $0.hasPrefix("stored") } == ["stored 0"])
        #expect(all.contains("ended 2"), "the preparation under way was cancelled and awaited: \(all)")
        #expect(!all.contains("began 3"), "no preparation begins after the failure: \(all)")
        withExtendedLifetime(endless.continuation) {}
    }

    @Test("A preparation that fails stops the pipeline: the batches before it are stored, none after")
    func preparationFails() async throws {
        let events = Events()
        await #expect(throws: Failure.self) {
            try await BatchPipeline.run((0..<6).map { $0..<$0 + 1 }) { range in
                if range.lowerBound == 1 { throw Failure() }
                return range.lowerBound
            } store: { batch, _ in
                await events.add("stored \(batch)")
            }
        }
        #expect(await events.all == ["stored 0"])
    }
}
