import ArtelCore
import ArtelStore
import ArtelTestKit
import Testing

/// A repeating event's expiry is measured from its first occurrence (protocol/merge.md), so an
/// imported series expires 30 days after it unless something renews it. Re-importing the calendar
/// renews a series that is still running when its expiry is near; it writes nothing otherwise.
@Suite("Importing a calendar again keeps its running series alive")
struct ImportRenewalTests {
    let key = TestKeys.techLeaders
    let start = DeltaFactory.epoch
    static let day: UInt64 = 86_400_000

    /// A weekly event whose first occurrence is at the test epoch.
    func series(keepsAlive: Bool) -> ImportItem {
        ImportItem(
            kind: .event,
            record: DeltaFactory.recordID(7),
            operations: [
                Fields.set(.event, "title", "Завтрак лидеров"),
                Fields.set(.event, "start", .timestamp(Int64(start))),
                Fields.set(.event, "end", .timestamp(Int64(start + 2 * 3_600_000))),
                Fields.set(.event, "recurrence", "RRULE:FREQ=WEEKLY;BYDAY=SA"),
            ],
            controlled: [],
            label: "event weekly@example.org",
            keepsAlive: keepsAlive
        )
    }

    func expiry(_ replica: Replica) async throws -> UInt64 {
        let record = try await replica.record(
            .event,
            Reference(community: key.publicKey, record: DeltaFactory.recordID(7))
        )
        return try #require(record).state.expiry
    }

    @Test("Without renewal a series expires 30 days after its first occurrence, however often it is imported")
    func firstOccurrenceBoundsExpiry() async throws {
        try await TestReplicas.withReplica { replica in
            let publisher = Publisher(replica: replica, key: key)
            let item = series(keepsAlive: false)
            _ = try await publisher.importRecords([item], community: key.publicKey, now: start, source: "test")
            let first = try await expiry(replica)
            #expect(first == start + 2 * 3_600_000 + 30 * Self.day)
            let again = try await publisher.importRecords(
                [item],
                community: key.publicKey,
                now: start + 25 * Self.day,
                source: "test"
            )
            #expect(again == [.unchanged: 1])
            #expect(try await expiry(replica) == first, "the failure this suite guards against")
        }
    }

    @Test("A re-import renews a running series within 14 days of its expiry, and writes nothing before")
    func reimportRenewsNearExpiry() async throws {
        try await TestReplicas.withReplica { replica in
            let publisher = Publisher(replica: replica, key: key)
            let item = series(keepsAlive: true)
            _ = try await publisher.importRecords([item], community: key.publicKey, now: start, source: "test")
            let first = try await expiry(replica)
            let early = try await publisher.importRecords(
                [item],
                community: key.publicKey,
                now: start + 10 * Self.day,
                source: "test"
            )
            #expect(early == [.unchanged: 1])
            #expect(try await expiry(replica) == first)

            let late = start + 20 * Self.day
            #expect(
                try await publisher.importRecords([item], community: key.publicKey, now: late, source: "test")
                    == [.renewed: 1]
            )
            let renewed = try await expiry(replica)
            #expect(renewed > first && renewed >= late + 30 * Self.day, "a renewal lives 30 days from now")
            let record = try #require(
                try await replica.record(.event, Reference(community: key.publicKey, record: DeltaFactory.recordID(7)))
            )
            #expect(record.state.value(of: RecordKind.event.schema["start"].id) == .timestamp(Int64(start)))
            #expect(
                try await publisher.importRecords(
                    [item],
                    community: key.publicKey,
                    now: late + Self.day,
                    source: "test"
                )
                    == [.unchanged: 1],
                "renewed once, the series is left alone until its expiry is near again"
            )
            #expect(try await expiry(replica) == renewed)
        }
    }

    @Test("artel event renew gives a series whose first occurrence is long past 30 days from now")
    func renewExtendsSeries() async throws {
        try await TestReplicas.withReplica { replica in
            let publisher = Publisher(replica: replica, key: key)
            _ = try await publisher.importRecords(
                [series(keepsAlive: false)],
                community: key.publicKey,
                now: start,
                source: "test"
            )
            let now = start + 28 * Self.day
            let record = try #require(
                try await replica.record(.event, Reference(community: key.publicKey, record: DeltaFactory.recordID(7)))
            )
            let renewal = try await publisher.renew(record, now: now)
            #expect(renewal.delta.expiry == now + 30 * Self.day)
            #expect(try await expiry(replica) == now + 30 * Self.day)
        }
    }
}
