import ArtelCore
import ArtelStore
import ArtelTestKit
import Testing

@Suite("Replica.purgeExpired")
struct PurgeTests {
    let factory = DeltaFactory()
    let day: UInt64 = 86_400_000

    @Test("Expired deltas go; a record whose deltas all expired disappears from lists and search")
    func wholeRecord() async throws {
        try await TestReplicas.withReplica { replica in
            let job = factory.sign(
                factory.delta(
                    .job,
                    record: DeltaFactory.recordID(1),
                    expiry: DeltaFactory.epoch + day,
                    [
                        Fields.set(.job, "title", "Модератор")
                    ]
                )
            )
            _ = try await replica.apply([job.bytes], now: DeltaFactory.epoch, source: "test")
            #expect(try await replica.purgeExpired(now: DeltaFactory.epoch + day - 1) == PurgeReport())
            let report = try await replica.purgeExpired(now: DeltaFactory.epoch + day)
            #expect(report.deltas == 1 && report.records == 1)
            var search = RecordQuery(kind: .job)
            search.text = "модератор"
            #expect(try await replica.list(search).isEmpty)
            #expect(try await replica.summary().deltas == 0)
            #expect(try await replica.check().problems.isEmpty)
        }
    }

    @Test("When only some deltas expire, the record shows the merge of the rest")
    func partialRecord() async throws {
        try await TestReplicas.withReplica { replica in
            let long = factory.sign(
                factory.delta(
                    .job,
                    record: DeltaFactory.recordID(1),
                    expiry: DeltaFactory.epoch + 10 * day,
                    [
                        Fields.set(.job, "title", "Координатор"), Fields.set(.job, "salary_min", .integer(40_000)),
                    ]
                )
            )
            let short = factory.sign(
                factory.delta(
                    .job,
                    record: DeltaFactory.recordID(1),
                    offset: 1,
                    expiry: DeltaFactory.epoch + day,
                    [
                        Fields.set(.job, "salary_min", .integer(70_000)), Fields.set(.job, "employer", "Ozon"),
                    ]
                )
            )
            _ = try await replica.apply([long.bytes, short.bytes], now: DeltaFactory.epoch, source: "test")
            #expect(
                try await replica.list(RecordQuery(kind: .job)).first?.value(of: "salary_min")
                    == .single(.integer(70_000))
            )
            _ = try await replica.purgeExpired(now: DeltaFactory.epoch + 2 * day)
            let view = try #require(try await replica.list(RecordQuery(kind: .job)).first)
            #expect(view.string("title") == "Координатор")
            #expect(view.value(of: "salary_min") == .single(.integer(40_000)))
            #expect(view.string("employer") == nil)
            #expect(try await replica.check().problems.isEmpty)
        }
    }

    @Test("An expired delta is refused if it comes back")
    func neverAgain() async throws {
        try await TestReplicas.withReplica { replica in
            let job = factory.sign(
                factory.delta(
                    .job,
                    record: DeltaFactory.recordID(1),
                    expiry: DeltaFactory.epoch + day,
                    [Fields.set(.job, "title", "x")]
                )
            )
            _ = try await replica.apply([job.bytes], now: DeltaFactory.epoch, source: "test")
            _ = try await replica.purgeExpired(now: DeltaFactory.epoch + day)
            let again = try await replica.apply([job.bytes], now: DeltaFactory.epoch + day, source: "test")
            #expect(again.refusals.first?.error.code == .expired)
        }
    }
}
