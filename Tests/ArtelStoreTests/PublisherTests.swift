import ArtelCore
import ArtelStore
import ArtelTestKit
import Testing

@Suite("Publisher")
struct PublisherTests {
    let key = TestKeys.techLeaders
    let now = DeltaFactory.epoch
    let day: UInt64 = 86_400_000

    func stored(_ replica: Replica, _ kind: RecordKind, _ record: RecordID) async throws -> StoredRecord {
        try #require(try await replica.record(kind, Reference(community: key.publicKey, record: record)))
    }

    @Test("An edit of a record a peer stamped minutes ahead still wins, though the node's clock stays near the wall")
    func editAfterFutureDelta() async throws {
        try await TestReplicas.withReplica { replica in
            let ahead = DeltaFactory(key: key, now: now).job(5, title: "Старое название", offset: 9 * 60_000)
            _ = try await replica.apply([ahead.bytes], now: now, source: "peer")
            #expect(try await replica.clock().latest.milliseconds <= now + HybridLogicalClock.maximumDrag)
            let edited = try await Publisher(replica: replica, key: key).edit(
                try await stored(replica, .job, DeltaFactory.recordID(5)),
                operations: [Fields.set(.job, "title", .string("Новое название"))],
                now: now + 1_000
            )
            #expect(edited.delta.timestamp > ahead.delta.timestamp)
            let record = try await stored(replica, .job, DeltaFactory.recordID(5))
            #expect(record.state.value(of: RecordKind.job.schema["title"].id) == .string("Новое название"))
            // Other records are stamped on the wall clock, not dragged nine minutes ahead.
            let other = try await Publisher(replica: replica, key: key).create(
                .job,
                community: key.publicKey,
                record: Publisher.newRecordID(now: now + 2_000),
                operations: [Fields.set(.job, "title", .string("Другая вакансия"))],
                now: now + 2_000
            )
            #expect(other.delta.timestamp.milliseconds <= now + 2_000 + HybridLogicalClock.maximumDrag)
        }
    }

    @Test("A new job lives 120 days; an edit expires with it; a renewal republishes every field with a new expiry")
    func jobLifecycle() async throws {
        try await TestReplicas.withReplica { replica in
            let publisher = Publisher(replica: replica, key: key)
            let id = Publisher.newRecordID(now: now)
            let created = try await publisher.create(
                .job,
                community: key.publicKey,
                record: id,
                operations: [
                    Fields.set(.job, "title", "Комьюнити-менеджер"), Fields.add(.job, "tags", "remote"),
                ],
                now: now
            )
            #expect(created.delta.expiry == now + 120 * day)
            let edited = try await publisher.edit(
                try await stored(replica, .job, id),
                operations: [Fields.set(.job, "status", "open")],
                now: now + 10 * day
            )
            #expect(edited.delta.expiry == created.delta.expiry)
            let renewed = try await publisher.renew(try await stored(replica, .job, id), now: now + 100 * day)
            #expect(renewed.delta.expiry == now + 220 * day)
            let record = try await stored(replica, .job, id)
            #expect(Set(record.state.kept.keys) == [renewed.id])
            #expect(record.view?.string("title") == "Комьюнити-менеджер" && record.view?.string("status") == "open")
        }
    }

    @Test(
        "An event edit carries the schedule, so it expires 30 days after the end, and bumps the sequence on schedule changes"
    )
    func eventEdit() async throws {
        try await TestReplicas.withReplica { replica in
            let publisher = Publisher(replica: replica, key: key)
            let id = Publisher.newRecordID(now: now)
            let end = Int64(now + 200 * day)
            _ = try await publisher.create(
                .event,
                community: key.publicKey,
                record: id,
                operations: [
                    Fields.set(.event, "title", "Конференция"),
                    Fields.set(.event, "start", .timestamp(end - 3_600_000)),
                    Fields.set(.event, "end", .timestamp(end)),
                ],
                now: now
            )
            let renamed = try await publisher.edit(
                try await stored(replica, .event, id),
                operations: [Fields.set(.event, "title", "Конференция 2027")],
                now: now + 1
            )
            #expect(renamed.delta.expiry == UInt64(end) + 30 * day)
            #expect(renamed.delta.value(setting: RecordKind.event.schema["sequence"].id) == nil)
            let cancelled = try await publisher.edit(
                try await stored(replica, .event, id),
                operations: [Fields.set(.event, "status", "cancelled")],
                now: now + 2
            )
            #expect(cancelled.delta.value(setting: RecordKind.event.schema["sequence"].id) == .integer(1))
        }
    }

    @Test("A delete lives as long as the deltas it ends; afterwards edits are refused")
    func delete() async throws {
        try await TestReplicas.withReplica { replica in
            let publisher = Publisher(replica: replica, key: key)
            let id = Publisher.newRecordID(now: now)
            let created = try await publisher.create(
                .job,
                community: key.publicKey,
                record: id,
                operations: [Fields.set(.job, "title", "x")],
                now: now
            )
            let deleted = try await publisher.delete(try await stored(replica, .job, id), now: now + day)
            #expect(deleted.delta.expiry == created.delta.expiry)
            await #expect(throws: StoreError.self) {
                try await publisher.edit(
                    try await stored(replica, .job, id),
                    operations: [Fields.set(.job, "title", "y")],
                    now: now + 2 * day
                )
            }
        }
    }

    @Test("An invalid value is refused before anything is written")
    func invalidValue() async throws {
        try await TestReplicas.withReplica { replica in
            let publisher = Publisher(replica: replica, key: key)
            let error = try await #require(throws: DeltaError.self) {
                try await publisher.create(
                    .job,
                    community: key.publicKey,
                    record: Publisher.newRecordID(now: now),
                    operations: [
                        Fields.set(.job, "title", "x"), Fields.set(.job, "apply_url", "ftp://example.org"),
                    ],
                    now: now
                )
            }
            #expect(error.code == .invalidURL && error.message.hasPrefix("apply_url"))
            #expect(try await replica.summary().deltas == 0)
            #expect(try await replica.refusals(limit: 1).isEmpty)
        }
    }
}
