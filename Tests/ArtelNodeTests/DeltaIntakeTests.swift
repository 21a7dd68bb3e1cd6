import ArtelCore
import ArtelStore
import ArtelTestKit
import Testing

@testable import ArtelNode

/// Pushes that arrive while a batch is being stored wait for it and are then stored together, so
/// that a burst of pushes costs a few transactions, not one each; a sync's deltas gather while they
/// keep coming. The tests pass the ticks themselves (``DeltaIntake/tickPassed()``): the intake's own
/// ticks only send events, which these tests do not read.
@Suite("The intake of a session's deltas")
struct DeltaIntakeTests {
    let factory = DeltaFactory()
    let now = DeltaFactory.epoch + 1_000

    /// Runs `body` with an intake storing into a new replica, and the events the intake sends.
    func withIntake(
        _ body: (Replica, inout DeltaIntake, AsyncStream<ConnectionEvent>) async throws -> Void
    ) async throws {
        try await TestReplicas.withReplica { replica in
            let (events, continuation) = AsyncStream.makeStream(of: ConnectionEvent.self)
            var intake = DeltaIntake(replica: replica, metrics: NodeMetrics(), source: "peer", events: continuation)
            try await body(replica, &intake, events)
        }
    }

    /// `jobs` as the reader admits them.
    func admitted(_ jobs: some Collection<SignedDelta>) async -> AdmittedDeltas {
        await Replica.admit(jobs.map(\.bytes), now: now)
    }

    @Test("a push is stored at once; pushes that arrive meanwhile are stored together once it is")
    func pushesWaitForTheBatchInFlight() async throws {
        try await withIntake { replica, intake, events in
            let jobs = (1...3).map { factory.job($0) }
            func push(_ job: SignedDelta) async -> AdmittedDeltas { await admitted([job]) }

            #expect(try await intake.add(push(jobs[0]), urgent: true) == nil, "nothing was in flight")
            #expect(try await intake.add(push(jobs[1]), urgent: true) == nil, "it waits for the first")
            #expect(try await intake.add(push(jobs[2]), urgent: true) == nil, "it waits for the first")

            var stored: [[DeltaID]] = []
            for await event in events {
                guard case .stored(let id) = event, let report = try await intake.stored(id) else { continue }
                stored.append(report.accepted.map(\.id))
                if stored.count == 2 { break }
            }
            #expect(stored == [[jobs[0].id], [jobs[1].id, jobs[2].id]])
            #expect(try await replica.summary().deltas == 3)
        }
    }

    @Test("a full batch gathered while one is stored does not hold the session; at twice a batch it waits")
    func fullBatchesWaitOnlyAtTwice() async throws {
        try await withIntake { replica, intake, events in
            let size = DeltaIntake.batchSize
            let jobs = (1...UInt64(size * 4)).map { factory.job($0) }
            func batch(_ part: Int) async -> AdmittedDeltas { await admitted(jobs[part * size..<(part + 1) * size]) }

            #expect(try await intake.add(batch(0), urgent: false) == nil, "nothing was in flight: it is stored")
            #expect(try await intake.add(batch(1), urgent: false) == nil, "a full batch gathers on meanwhile")
            let first = try #require(try await intake.add(batch(2), urgent: false), "at twice a batch, it waits")
            #expect(first.accepted.count == size)
            #expect(try await intake.add(batch(3), urgent: false) == nil, "a full batch gathers on meanwhile")

            // The second transaction holds both batches gathered; the one due is stored once it is.
            var second: ApplyReport?
            for await event in events {
                guard case .stored(let id) = event, let report = try await intake.stored(id) else { continue }
                second = report
                break
            }
            #expect(second?.accepted.count == size * 2)
            let third = try #require(try await intake.finishStoring(), "the batch due is stored after the second")
            #expect(third.accepted.count == size)
            #expect(try await replica.summary().deltas == size * 4)
        }
    }

    @Test("a sync's deltas gather while more keep coming, and are stored after a tick without any")
    func syncDeltasWaitForAQuietTick() async throws {
        try await withIntake { replica, intake, _ in
            let jobs = (1...30).map { factory.job($0) }
            func message(_ part: Int) async -> AdmittedDeltas { await admitted(jobs[part * 10..<(part + 1) * 10]) }

            #expect(try await intake.add(message(0), urgent: false) == nil)
            try await intake.tickPassed()
            #expect(try await intake.finishStoring()?.accepted.count == 10, "no more came during the tick")

            #expect(try await intake.add(message(1), urgent: false) == nil)
            #expect(try await intake.add(message(2), urgent: false) == nil)
            try await intake.tickPassed()
            #expect(try await intake.finishStoring() == nil, "more came during the tick: it waits")
            try await intake.tickPassed()
            #expect(try await intake.finishStoring()?.accepted.count == 20, "a tick passed without any")
            #expect(try await replica.summary().deltas == 30)
        }
    }

    @Test("a sync's deltas that keep trickling in are stored after the most ticks they may wait")
    func syncDeltasWaitAtMostMaximumTicks() async throws {
        try await withIntake { replica, intake, _ in
            let jobs = (1...UInt64(DeltaIntake.maximumTicks + 1)).map { factory.job($0) }
            func message(_ index: Int) async -> AdmittedDeltas { await admitted([jobs[index]]) }

            #expect(try await intake.add(message(0), urgent: false) == nil)
            for tick in 1...DeltaIntake.maximumTicks {
                #expect(try await intake.add(message(tick), urgent: false) == nil)
                try await intake.tickPassed()
                let stored = try await intake.finishStoring()
                if tick < DeltaIntake.maximumTicks {
                    #expect(stored == nil, "tick \(tick): deltas keep coming")
                } else {
                    #expect(stored?.accepted.count == DeltaIntake.maximumTicks + 1, "they waited the most ticks")
                }
            }
        }
    }

    @Test("a tick on its way for the batch before does not end the next one early")
    func earlyTickKeepsTheNextBatchOpen() async throws {
        try await withIntake { replica, intake, _ in
            let size = DeltaIntake.batchSize
            let jobs = (1...UInt64(size + 20)).map { factory.job($0) }
            func message(_ range: Range<Int>) async -> AdmittedDeltas { await admitted(jobs[range]) }

            // The first message starts a tick; the batch fills up and is stored before it comes.
            #expect(try await intake.add(message(0..<10), urgent: false) == nil)
            #expect(try await intake.add(message(10..<size), urgent: false) == nil)
            #expect(try await intake.finishStoring()?.accepted.count == size)

            #expect(try await intake.add(message(size..<size + 20), urgent: false) == nil)
            try await intake.tickPassed()
            #expect(try await intake.finishStoring() == nil, "the tick was the full batch's")
            try await intake.tickPassed()
            #expect(try await intake.finishStoring()?.accepted.count == 20, "a whole tick passed without any")
        }
    }
}
