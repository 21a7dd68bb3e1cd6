import ArtelCore
import ArtelStore
import ArtelTestKit
import Foundation
import Testing

@Suite("Private records never leave the node")
struct SharingTests {
    @Test("A private record's deltas are not offered nor sent; made visible, they are; check agrees throughout")
    func privateRecords() async throws {
        try await TestReplicas.withReplica { replica in
            let factory = DeltaFactory(now: DeltaFactory.epoch)
            let person = factory.sign(
                factory.delta(
                    .person,
                    record: DeltaFactory.recordID(1),
                    [Fields.set(.person, "display_name", "Анна"), Fields.set(.person, "visibility", "private")]
                )
            )
            let job = factory.job(2)
            _ = try await replica.apply([person.bytes, job.bytes], now: DeltaFactory.epoch, source: "test")
            let offered = try await replica.reconciliationItems(matching: .everything, kinds: .all).map(\.id)
            #expect(offered == [job.id])
            let sent = try await replica.deltas(ids: [person.id, job.id])
            #expect(sent.found == [job.bytes] && sent.missing == [person.id])
            #expect(try await replica.list(RecordQuery(kind: .person)).count == 1, "the node itself still shows it")
            #expect(try await replica.check().problems == [])

            let shared = factory.sign(
                factory.delta(
                    .person,
                    record: DeltaFactory.recordID(1),
                    offset: 1_000,
                    [Fields.set(.person, "visibility", "federation")]
                )
            )
            _ = try await replica.apply([shared.bytes], now: DeltaFactory.epoch + 1_000, source: "test")
            let now = Set(try await replica.reconciliationItems(matching: .everything, kinds: .all).map(\.id))
            #expect(now == [person.id, job.id, shared.id])
            #expect(try await replica.check().problems == [])
        }
    }
}

@Suite("Public means public")
struct PublicVisibilityTests {
    @Test("A tie marked public is public only once both people confirmed it")
    func tieNeedsBothConfirmations() async throws {
        try await TestReplicas.withReplica { replica in
            let community = TestKeys.techLeaders
            let moscow = community.publicKey
            let anna = Reference(community: moscow, record: DeltaFactory.recordID(1))
            let boris = Reference(community: moscow, record: DeltaFactory.recordID(2))
            let start = DeltaFactory.epoch
            let tie = People.tie(from: boris, to: anna, in: community, at: start)
            let factory = DeltaFactory(key: community, now: start + 1_000)
            func edit(_ operations: [ArtelCore.Operation], at offset: UInt64) -> SignedDelta {
                factory.sign(factory.delta(.tie, record: tie.delta.record, offset: offset, operations))
            }
            var publicTies = RecordQuery(kind: .tie)
            publicTies.visibilities = [.public]
            _ = try await replica.apply(
                [
                    People.edit(
                        1,
                        [Fields.set(.person, "display_name", "Анна"), Fields.set(.person, "visibility", "public")],
                        by: community,
                        in: moscow,
                        at: start
                    ),
                    People.edit(
                        2,
                        [Fields.set(.person, "display_name", "Борис"), Fields.set(.person, "visibility", "public")],
                        by: community,
                        in: moscow,
                        at: start
                    ),
                    tie,
                    edit(
                        [Fields.set(.tie, "visibility", "public"), Fields.set(.tie, "from_confirmed", .boolean(true))],
                        at: 0
                    ),
                ]
                .map(\.bytes),
                now: start + 2_000,
                source: "test"
            )
            #expect(try await replica.list(publicTies).isEmpty)
            var federationTies = RecordQuery(kind: .tie)
            federationTies.visibilities = [.federation]
            #expect(try await replica.list(federationTies).count == 1)
            _ = try await replica.apply(
                [edit([Fields.set(.tie, "to_confirmed", .boolean(true))], at: 1)].map(\.bytes),
                now: start + 2_000,
                source: "test"
            )
            #expect(try await replica.list(publicTies).count == 1)
        }
    }
}
