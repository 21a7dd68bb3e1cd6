import ArtelCore
import ArtelStore
import ArtelTestKit
import Foundation
import Testing

/// A person's own key and erasure (DESIGN §6), with real keys and a real replica.
@Suite("Subject keys and erasure")
struct PeopleTests {
    let community = TestKeys.techLeaders
    let anna = TestKeys.key(40)
    let start = DeltaFactory.epoch
    var moscow: PublicKey { community.publicKey }
    var now: UInt64 { start + 10 * Grants.day }
    var annaRef: Reference { Reference(community: moscow, record: DeltaFactory.recordID(1)) }
    var boris: Reference { Reference(community: moscow, record: DeltaFactory.recordID(2)) }

    func apply(_ replica: Replica, _ deltas: [SignedDelta]) async throws -> ApplyReport {
        try await replica.apply(deltas.map(\.bytes), now: now, source: "test")
    }

    @Test("Once bound, only the subject key changes consent and visibility; it writes its record without a grant")
    func subjectKey() async throws {
        try await TestReplicas.withReplica { replica in
            let created = People.person(1, name: "Анна", subject: anna.publicKey, by: community, in: moscow, at: start)
            let byCommunity = People.edit(
                1,
                [Fields.set(.person, "consent.profile", .boolean(true))],
                by: community,
                in: moscow,
                at: start + 1_000
            )
            let bioByCommunity = People.edit(
                1,
                [Fields.set(.person, "bio", "Лидер сообщества")],
                by: community,
                in: moscow,
                at: start + 1_000
            )
            let bySubject = People.edit(
                1,
                [Fields.set(.person, "consent.profile", .boolean(false)), Fields.set(.person, "locality", "Москва")],
                by: anna,
                in: moscow,
                at: start + 2_000
            )
            let report = try await apply(replica, [created, byCommunity, bioByCommunity, bySubject])
            #expect(Set(report.accepted.map(\.id)) == [created.id, bioByCommunity.id, bySubject.id])
            #expect(report.refusals.map(\.id) == [byCommunity.id])
            #expect(report.refusals.first?.error.message.contains("subject key") == true)
            let person = try #require(try await replica.list(RecordQuery(kind: .person)).first)
            #expect(person.string("locality") == "Москва")
            #expect(try await replica.check().problems == [])
        }
    }

    @Test(
        "The earliest binding decides, whatever the order: a later edit of consent is withdrawn when the binding arrives after it"
    )
    func bindingOrder() async throws {
        let created = People.person(1, name: "Анна", by: community, in: moscow, at: start)
        let binding = People.edit(
            1,
            [Fields.set(.person, "subject_key", .bytes(Array(anna.publicKey.bytes.bytes)))],
            by: community,
            in: moscow,
            at: start + 1_000
        )
        let visibility = People.edit(
            1,
            [Fields.set(.person, "visibility", "public")],
            by: community,
            in: moscow,
            at: start + 2_000
        )
        let ownEdit = People.edit(1, [Fields.set(.person, "bio", "Пишу сама")], by: anna, in: moscow, at: start + 3_000)
        var results: [Set<DeltaID>] = []
        for order in [
            [created, binding, visibility, ownEdit], [ownEdit, visibility, created], [visibility, created],
        ] {
            let kept = try await TestReplicas.withReplica { replica in
                for delta in order { _ = try await apply(replica, [delta]) }
                if !order.contains(binding) { _ = try await apply(replica, [binding]) }
                #expect(try await replica.check().problems == [])
                return try await ReplicaSnapshot(replica).keptIDs
            }
            results.append(kept)
        }
        #expect(results[0] == [created.id, binding.id, ownEdit.id])
        #expect(results[1] == results[0])
        #expect(results[2] == [created.id, binding.id])
    }

    @Test(
        "Erasure by the subject takes the person's memberships and ties along, and a stale copy cannot bring them back"
    )
    func erasure() async throws {
        try await TestReplicas.withReplica { replica in
            let created = People.person(1, name: "Анна", subject: anna.publicKey, by: community, in: moscow, at: start)
            let other = People.person(2, name: "Борис", by: community, in: moscow, at: start)
            let membership = People.membership(of: annaRef, in: community, at: start + 1_000)
            let tie = People.tie(from: boris, to: annaRef, in: community, at: start + 1_000)
            let borisMembership = People.membership(of: boris, in: community, at: start + 1_000)
            _ = try await apply(replica, [created, other, membership, tie, borisMembership])
            #expect(try await replica.list(RecordQuery(kind: .membership)).count == 2)

            let erasure = People.delete(1, by: anna, in: moscow, at: start + 5_000)
            let report = try await apply(replica, [erasure])
            #expect(report.accepted.map(\.id) == [erasure.id])
            #expect(Set(report.withdrawn.map(\.id)) == [membership.id, tie.id])
            #expect(try await replica.list(RecordQuery(kind: .membership)).map(\.id) == [borisMembership.delta.record])
            #expect(try await replica.list(RecordQuery(kind: .tie)).isEmpty)
            #expect(try await replica.list(RecordQuery(kind: .person)).count == 1)

            let stale = try await apply(replica, [membership, tie, created])
            #expect(stale.accepted.isEmpty)
            #expect(stale.refusals.filter { $0.error.code == .erased }.count == 2)
            let fresh = People.membership(of: annaRef, in: community, at: start + 6_000)
            #expect(try await apply(replica, [fresh]).refusals.first?.error.code == .erased)
            #expect(try await ReplicaSnapshot(replica).keptIDs == [other.id, borisMembership.id, erasure.id])
            #expect(try await replica.check().problems == [])
        }
    }

    @Test("An erasure and a membership naming the person in one batch leave no membership")
    func erasureInOneBatch() async throws {
        try await TestReplicas.withReplica { replica in
            let created = People.person(1, name: "Анна", subject: anna.publicKey, by: community, in: moscow, at: start)
            _ = try await apply(replica, [created])
            let membership = People.membership(of: annaRef, in: community, at: start + 1_000)
            let erasure = People.delete(1, by: anna, in: moscow, at: start + 5_000)
            _ = try await apply(replica, [membership, erasure])
            #expect(try await replica.list(RecordQuery(kind: .membership)).isEmpty)
            #expect(try await ReplicaSnapshot(replica).keptIDs == [erasure.id])
            #expect(try await replica.check().problems == [])
        }
    }
}
