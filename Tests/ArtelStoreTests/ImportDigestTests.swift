import ArtelCore
import ArtelTestKit
import Testing

@testable import ArtelStore

/// Importing a file again skips the records nothing touched since their import, by a digest of
/// the item kept with the mark of the record's deltas; a record edited here or by a peer since,
/// deleted, or whose item changed, is compared in full. An edit is kept while the source still says
/// what was imported, and an item that changed takes the record back.
@Suite("Import digests")
struct ImportDigestTests {
    let key = TestKeys.techLeaders
    let now = DeltaFactory.epoch
    static let fields = ["title", "employer", "salary_min"]

    func item(salary: Int64 = 90_000) -> ImportItem {
        ImportItem(
            kind: .job,
            record: DeltaFactory.recordID(42),
            operations: [
                Fields.set(.job, "title", "Комьюнити-менеджер"), Fields.set(.job, "employer", "Яндекс"),
                Fields.set(.job, "salary_min", .integer(salary)),
            ],
            controlled: Set(Self.fields.map { RecordKind.job.schema[$0].id }),
            label: "vacancy 42"
        )
    }

    var reference: Reference { Reference(community: key.publicKey, record: DeltaFactory.recordID(42)) }

    func importAgain(_ publisher: Publisher, _ item: ImportItem, at offset: UInt64) async throws -> [ImportOutcome: Int]
    {
        try await publisher.importRecords([item], community: key.publicKey, now: now + offset, source: "test")
    }

    /// Whether the next import would skip the record without loading it.
    func skips(_ replica: Replica, _ item: ImportItem, _ publisher: Publisher) async throws -> Bool {
        let digest = try #require(publisher.digest(of: item, community: key.publicKey))
        let remembered = try await replica.rememberedDigests([(.job, item.record)], in: key.publicKey)
        return remembered[item.record] == RememberedImport(digest: digest, isCurrent: true)
    }

    func salary(_ replica: Replica) async throws -> Value? {
        try await replica.record(.job, reference)?.state.value(of: RecordKind.job.schema["salary_min"].id)
    }

    @Test("An unchanged record is skipped without loading it, the first import again and every one after")
    func unchangedIsSkipped() async throws {
        try await TestReplicas.withReplica { replica in
            let publisher = Publisher(replica: replica, key: key)
            let first = try await importAgain(publisher, item(), at: 0)
            #expect(first == [.created: 1])
            let skippedAfterFirst = try await skips(replica, item(), publisher)
            #expect(skippedAfterFirst)
            let again = try await importAgain(publisher, item(), at: 1_000)
            #expect(again == [.unchanged: 1])
            let skippedAgain = try await skips(replica, item(), publisher)
            #expect(skippedAgain)
            let edited = try await importAgain(publisher, item(salary: 95_000), at: 2_000)
            #expect(edited == [.updated: 1])
            let editedSalary = try await salary(replica)
            #expect(editedSalary == .integer(95_000))
            let skippedEdited = try await skips(replica, item(salary: 95_000), publisher)
            #expect(skippedEdited)
            let skippedWithOldDigest = try await skips(replica, item(), publisher)
            #expect(!skippedWithOldDigest, "another item's digest")
        }
    }

    @Test("A record edited here since its import keeps the edit until the source changes")
    func localEdit() async throws {
        try await TestReplicas.withReplica { replica in
            let publisher = Publisher(replica: replica, key: key)
            _ = try await importAgain(publisher, item(), at: 0)
            let stored = try #require(try await replica.record(.job, reference))
            _ = try await publisher.edit(
                stored,
                operations: [Fields.set(.job, "salary_min", .integer(1))],
                now: now + 500
            )
            let skippedAfterEdit = try await skips(replica, item(), publisher)
            #expect(!skippedAfterEdit)
            let planned = try await publisher.plannedOutcomes([item()], community: key.publicKey, now: now + 1_000)
            #expect(planned == [item().record: .editedHere])
            let afterEdit = try await importAgain(publisher, item(), at: 1_000)
            #expect(afterEdit == [.editedHere: 1])
            let keptSalary = try await salary(replica)
            #expect(keptSalary == .integer(1))
            // The source changes: its values win over the edit, and are remembered again.
            let changed = try await importAgain(publisher, item(salary: 95_000), at: 2_000)
            #expect(changed == [.updated: 1])
            let sourceSalary = try await salary(replica)
            #expect(sourceSalary == .integer(95_000))
            let againAfterChange = try await importAgain(publisher, item(salary: 95_000), at: 3_000)
            #expect(againAfterChange == [.unchanged: 1])
            let skippedAfterChange = try await skips(replica, item(salary: 95_000), publisher)
            #expect(skippedAfterChange)
        }
    }

    @Test(
        "A record a peer changed since its import is compared in full, whatever the peer's timestamp, and its edit kept"
    )
    func peerEdit() async throws {
        try await TestReplicas.withReplica { replica in
            let publisher = Publisher(replica: replica, key: key)
            _ = try await importAgain(publisher, item(), at: 0)
            // A peer's delta for a field the import does not own, older than the import's own.
            let peer = DeltaFactory(key: key, now: now - 60_000)
            let tagged = peer.sign(peer.delta(.job, record: item().record, [Fields.add(.job, "tags", "remote")]))
            _ = try await replica.apply([tagged.bytes], now: now + 500, source: "peer")
            let skippedAfterTag = try await skips(replica, item(), publisher)
            #expect(!skippedAfterTag)
            let afterTag = try await importAgain(publisher, item(), at: 1_000)
            #expect(afterTag == [.unchanged: 1])
            let skippedAfterTagCompared = try await skips(replica, item(), publisher)
            #expect(skippedAfterTagCompared, "remembered again with the peer's delta")
            // A newer one that overwrites an owned field.
            let later = DeltaFactory(key: key, now: now + 1_500)
            let edited = later.sign(
                later.delta(.job, record: item().record, [Fields.set(.job, "salary_min", .integer(5))])
            )
            _ = try await replica.apply([edited.bytes], now: now + 1_600, source: "peer")
            let afterOverwrite = try await importAgain(publisher, item(), at: 2_000)
            #expect(afterOverwrite == [.editedHere: 1])
            let salaryAfterOverwrite = try await salary(replica)
            #expect(salaryAfterOverwrite == .integer(5), "the peer's edit is kept while the source is the same")
        }
    }

    @Test("A record deleted since its import stays deleted")
    func deletedSince() async throws {
        try await TestReplicas.withReplica { replica in
            let publisher = Publisher(replica: replica, key: key)
            _ = try await importAgain(publisher, item(), at: 0)
            let stored = try #require(try await replica.record(.job, reference))
            _ = try await publisher.delete(stored, now: now + 500)
            let afterDelete = try await importAgain(publisher, item(), at: 1_000)
            #expect(afterDelete == [.deleted: 1])
        }
    }

    @Test("A record purged when it expired takes its digest along; importing it again creates it anew")
    func purgedRecord() async throws {
        try await TestReplicas.withReplica { replica in
            let publisher = Publisher(replica: replica, key: key)
            _ = try await importAgain(publisher, item(), at: 0)
            let stored = try #require(try await replica.record(.job, reference))
            let purged = try await replica.purgeExpired(now: stored.state.expiry + 1)
            #expect(purged.records == 1)
            let skippedAfterPurge = try await skips(replica, item(), publisher)
            #expect(!skippedAfterPurge)
            let reimported = try await importAgain(publisher, item(), at: stored.state.expiry + 2)
            #expect(reimported == [.created: 1])
            let skippedAfterReimport = try await skips(replica, item(), publisher)
            #expect(skippedAfterReimport)
        }
    }
}
