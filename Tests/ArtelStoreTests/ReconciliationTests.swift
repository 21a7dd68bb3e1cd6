import ArtelCore
import ArtelStore
import ArtelTestKit
import Foundation
import GRDB
import Testing

@Suite("Reconciliation items")
struct ReconciliationTests {
    @Test("The kept deltas of a scope come as (timestamp, id), in order, and only that scope's")
    func ordered() async throws {
        try await TestReplicas.withReplica { replica in
            let moscow = DeltaFactory(key: TestKeys.techLeaders)
            let association = DeltaFactory(key: TestKeys.association)
            var deltas = (0..<50).map { moscow.job(UInt64($0), offset: UInt64(($0 * 7919) % 13)) }
            deltas += (0..<5).map { association.job(UInt64(100 + $0)) }
            _ = try await replica.apply(deltas.shuffled().map(\.bytes), now: DeltaFactory.epoch + 100, source: "test")
            let items = try await replica.reconciliationItems(
                in: Scope(community: TestKeys.techLeaders.publicKey, kind: .job)
            )
            let expected = deltas.filter { $0.delta.community == TestKeys.techLeaders.publicKey }
                .map { ReconciliationItem(timestamp: $0.delta.timestamp.rawValue, id: $0.id) }
                .sorted { ($0.timestamp, $0.id) < ($1.timestamp, $1.id) }
            #expect(items == expected)
            #expect(try await replica.scopes().count == 2)
        }
    }

    @Test("The items come from one scan of the covering index, without sorting")
    func oneIndexScan() async throws {
        try await TestFiles.withTemporaryDirectory { directory in
            let replica = try Replica.create(at: "\(directory)/artel.sqlite")
            try replica.close()
            let queue = try DatabaseQueue(path: "\(directory)/artel.sqlite")
            let plan = try await queue.read { db in
                try Row.fetchAll(
                    db,
                    sql: "EXPLAIN QUERY PLAN " + Replica.reconciliationSQL,
                    arguments: [Data(count: 32), 5]
                )
                .map { $0["detail"] as String }
            }
            #expect(plan.contains { $0.contains("USING COVERING INDEX deltas_by_scope") }, "\(plan)")
            #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
        }
    }
}
