import ArtelCore
import ArtelTestKit
import Testing

@testable import ArtelStore

/// The dry run of an import (``Publisher/plannedOutcomes(_:community:now:)``): each record's outcome
/// as the import then decides it, and nothing written.
@Suite("Planned imports")
struct PlannedImportTests {
    let key = TestKeys.techLeaders
    let now = DeltaFactory.epoch

    func item(_ number: UInt64, title: String) -> ImportItem {
        ImportItem(
            kind: .job,
            record: DeltaFactory.recordID(number),
            operations: [Fields.set(.job, "title", .string(title))],
            controlled: [RecordKind.job.schema["title"].id],
            label: "vacancy \(number)"
        )
    }

    @Test("The plan names each record's outcome, writes nothing, and the import then does what it named")
    func planThenImport() async throws {
        try await TestReplicas.withReplica { replica in
            let publisher = Publisher(replica: replica, key: key)
            let first = [
                item(1, title: "Комьюнити-менеджер"), item(2, title: "Координатор"), item(3, title: "Модератор"),
            ]
            _ = try await publisher.importRecords(first, community: key.publicKey, now: now, source: "test")
            let stored = try #require(
                try await replica.record(.job, Reference(community: key.publicKey, record: DeltaFactory.recordID(3)))
            )
            _ = try await publisher.delete(stored, now: now + 500)
            let before = try await replica.changes(after: nil).last

            let next = [
                item(1, title: "Комьюнити-менеджер"), item(2, title: "Старший координатор"),
                item(3, title: "Модератор"), item(4, title: "Стажёр"),
            ]
            let planned = try await publisher.plannedOutcomes(next, community: key.publicKey, now: now + 1_000)
            #expect(
                planned == [
                    DeltaFactory.recordID(1): .unchanged, DeltaFactory.recordID(2): .updated,
                    DeltaFactory.recordID(3): .deleted, DeltaFactory.recordID(4): .created,
                ]
            )
            #expect(try await replica.changes(after: nil).last == before, "the plan writes nothing")

            let counts = try await publisher.importRecords(
                next,
                community: key.publicKey,
                now: now + 1_000,
                source: "test"
            )
            var expected: [ImportOutcome: Int] = [:]
            for outcome in planned.values { expected[outcome, default: 0] += 1 }
            #expect(counts == expected)
        }
    }

    @Test("A plan the rules refuse throws as the import would")
    func refusedPlan() async throws {
        try await TestReplicas.withReplica { replica in
            let publisher = Publisher(replica: replica, key: key)
            let untitled = ImportItem(
                kind: .job,
                record: DeltaFactory.recordID(9),
                operations: [],
                controlled: [],
                label: "vacancy 9"
            )
            await #expect(throws: DeltaError.self) {
                try await publisher.plannedOutcomes([untitled], community: key.publicKey, now: now)
            }
            let written = try await replica.changes(after: nil).changes
            #expect(written.isEmpty)
        }
    }
}
