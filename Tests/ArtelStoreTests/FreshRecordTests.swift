import ArtelCore
import ArtelTestKit
import Testing

@testable import ArtelStore

/// What an import's delta makes of a new record is worked out before the store, on every core; the
/// store takes it only for a delta that creates its record, and merges every other delta with what
/// the record holds.
@Suite("Records made ready before the store")
struct FreshRecordTests {
    let factory = DeltaFactory()
    let now = DeltaFactory.epoch + 1_000

    /// Stores deltas made ready as an import makes its own (each checked, with its ``FreshRecord``).
    func store(_ deltas: [SignedDelta], in replica: Replica) async throws -> ApplyReport {
        try await replica.store(
            AdmittedDeltas(results: deltas.map { .checked($0, FreshRecord($0)) }),
            now: now,
            source: "test"
        )
    }

    /// The titles of the jobs a full-text search finds.
    func titles(matching text: String, in replica: Replica) async throws -> [String] {
        var query = RecordQuery(kind: .job)
        query.text = text
        return try await replica.list(query).compactMap { $0.string("title") }
    }

    @Test("a record created and changed in one batch keeps the first delta's fields and is found by its new words only")
    func createdAndChangedInOneBatch() async throws {
        try await TestReplicas.withReplica { replica in
            let created = factory.job(1, title: "Тестировщик", [Fields.set(.job, "employer", "Skyeng")])
            let changed = factory.job(1, title: "Аналитик данных", offset: 10)
            let report = try await store([created, changed], in: replica)
            #expect(report.accepted.count == 2)
            let job = try #require(try await replica.list(RecordQuery(kind: .job)).first)
            #expect(job.string("title") == "Аналитик данных")
            #expect(job.string("employer") == "Skyeng", "the second delta is merged into the first, not taken alone")
            #expect(try await titles(matching: "аналитик", in: replica) == ["Аналитик данных"])
            #expect(try await titles(matching: "тестировщик", in: replica).isEmpty)
        }
    }

    @Test("a delta for a stored record is merged with what is stored, and its old words leave the index")
    func storedRecordIsMerged() async throws {
        try await TestReplicas.withReplica { replica in
            let created = factory.job(1, title: "Тестировщик", [Fields.set(.job, "employer", "Skyeng")])
            _ = try await store([created], in: replica)
            let changed = factory.job(1, title: "Аналитик данных", offset: 10)
            let other = factory.job(2, title: "Дизайнер")
            _ = try await store([changed, other], in: replica)
            let jobs = try await replica.list(RecordQuery(kind: .job))
            let job = try #require(jobs.first { $0.string("title") == "Аналитик данных" })
            #expect(job.string("employer") == "Skyeng", "the stored record's fields stay")
            #expect(try await titles(matching: "тестировщик", in: replica).isEmpty)
            #expect(try await titles(matching: "дизайнер", in: replica) == ["Дизайнер"])
        }
    }

    @Test("an older delta of a record created in the same batch loses to the newer one, whatever their order")
    func olderLosesInOneBatch() async throws {
        try await TestReplicas.withReplica { replica in
            let newer = factory.job(1, title: "Аналитик данных", offset: 10)
            let older = factory.job(1, title: "Тестировщик")
            let report = try await store([newer, older], in: replica)
            #expect(report.accepted.map(\.id) == [newer.id] && report.superseded == 1)
            #expect(try await titles(matching: "тестировщик", in: replica).isEmpty)
            #expect(try await ReplicaSnapshot(replica).keptIDs == [newer.id])
        }
    }
}
