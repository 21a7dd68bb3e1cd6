import ArtelCore
import ArtelStore
import ArtelTestKit
import Foundation
import Testing

@Suite("Blocks, hidden records and the refusal counts")
struct ModerationTests {
    let community = TestKeys.techLeaders
    let editor = TestKeys.key(20)
    let start = DeltaFactory.epoch
    var now: UInt64 { start + 10 * Grants.day }

    func grant() -> SignedDelta {
        Grants.grant(
            by: community,
            in: community.publicKey,
            to: editor.publicKey,
            kinds: [.job],
            from: start,
            until: start + 100 * Grants.day,
            signedAt: start
        )
    }

    @Test(
        "Blocking an author purges its deltas, re-merges what they touched, and refuses the next ones; unblocking lets them in again"
    )
    func blockAuthor() async throws {
        try await TestReplicas.withReplica { replica in
            let own = DeltaFactory(key: community, now: start).job(1, title: "Комьюнити-менеджер")
            let edit = DeltaFactory(key: editor, now: start + 1_000).sign(
                DeltaFactory(key: editor, now: start + 1_000).delta(
                    .job,
                    record: DeltaFactory.recordID(1),
                    community: community.publicKey,
                    [Fields.set(.job, "employer", "Studio-29")]
                )
            )
            let byEditor = Grants.job(2, by: editor, in: community.publicKey, at: start + 2_000)
            let waiting = Grants.job(3, by: editor, in: TestKeys.association.publicKey, at: start + 2_000)
            let applied = try await replica.apply(
                [grant(), own, edit, byEditor, waiting].map(\.bytes),
                now: now,
                source: "test"
            )
            #expect(applied.accepted.count == 4 && applied.quarantined == 1)

            let purged = try await replica.block(editor.publicKey, as: .author, reason: "spam", now: now)
            #expect(purged == 3)
            #expect(try await ReplicaSnapshot(replica).keptIDs == [grant().id, own.id])
            let job = try #require(try await replica.list(RecordQuery(kind: .job)).first)
            #expect(job.string("employer") == nil && job.string("title") == "Комьюнити-менеджер")
            #expect(try await replica.heldDeltas(includingRefused: true).isEmpty)
            #expect(try await replica.check().problems == [])

            let again = try await replica.apply([byEditor.bytes], now: now, source: "peer 0123456789abcdef")
            #expect(again.refusals.first?.error.code == .blocked)
            #expect(try await replica.blocks().map(\.key) == [editor.publicKey])

            #expect(try await replica.unblock(editor.publicKey))
            #expect(try await replica.apply([byEditor.bytes], now: now, source: "test").accepted.count == 1)
        }
    }

    @Test("Blocking a community purges every delta of it, held ones too, and leaves the others")
    func blockCommunity() async throws {
        try await TestReplicas.withReplica { replica in
            let other = DeltaFactory(key: TestKeys.association, now: start).job(9)
            let waiting = Grants.job(3, by: editor, in: community.publicKey, at: start + 2_000)
            let mine = DeltaFactory(key: community, now: start).job(1)
            _ = try await replica.apply([mine, waiting, other].map(\.bytes), now: now, source: "test")
            #expect(try await replica.block(community.publicKey, as: .community, reason: nil, now: now) == 2)
            #expect(try await ReplicaSnapshot(replica).keptIDs == [other.id])
            #expect(try await replica.heldDeltas().isEmpty)
            let report = try await replica.apply([mine.bytes], now: now, source: "test")
            #expect(report.refusals.first?.error.code == .blocked)
            #expect(try await replica.check().problems == [])
        }
    }

    @Test("A hidden record leaves every list but is still kept and offered to peers")
    func hide() async throws {
        try await TestReplicas.withReplica { replica in
            let factory = DeltaFactory(key: community, now: start)
            let jobs = [factory.job(1), factory.job(2)]
            _ = try await replica.apply(jobs.map(\.bytes), now: now, source: "test")
            let reference = Reference(community: community.publicKey, record: DeltaFactory.recordID(1))
            #expect(try await replica.hide(.job, reference, now: now))
            #expect(try await !replica.hide(.job, reference, now: now))
            #expect(try await replica.list(RecordQuery(kind: .job)).map(\.id) == [DeltaFactory.recordID(2)])
            #expect(try await replica.count(RecordQuery(kind: .job)) == 1)
            #expect(try await ReplicaSnapshot(replica).keptIDs == Set(jobs.map(\.id)))
            #expect(try await replica.unhide(.job, reference))
            #expect(try await replica.list(RecordQuery(kind: .job)).count == 2)
        }
    }

    @Test("The refusal log counts per source and per reason, and filters by source")
    func refusalCounts() async throws {
        try await TestReplicas.withReplica { replica in
            let factory = DeltaFactory(key: community, now: start)
            var broken = factory.job(1).bytes
            broken[broken.count - 1] ^= 1
            _ = try await replica.apply([broken, broken], now: now, source: "peer aaaa000000000000")
            _ = try await replica.apply(
                [factory.job(2, offset: 20 * Grants.day).bytes],
                now: now,
                source: "peer bbbb000000000000"
            )
            let counts = try await replica.refusalCounts()
            #expect(counts.bySource.map(\.0) == ["peer aaaa000000000000", "peer bbbb000000000000"])
            #expect(counts.bySource.map(\.1) == [2, 1])
            #expect(Set(counts.byReason.map(\.0)) == ["bad_signature", "future_timestamp"])
            let fromA = try await replica.refusals(limit: 10, source: "peer aaaa")
            #expect(fromA.count == 2 && fromA.allSatisfy { $0.code == .badSignature })
        }
    }
}
