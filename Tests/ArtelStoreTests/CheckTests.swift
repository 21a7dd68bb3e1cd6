import ArtelCore
import ArtelStore
import ArtelTestKit
import GRDB
import PropertyBased
import Testing

@Suite("Replica.check")
struct CheckTests {
    @Test("A replica written only through apply is consistent")
    func healthy() async throws {
        try await TestReplicas.withReplica { replica in
            var rng = Xoshiro(seed: (1, 2, 3, 4))
            let deltas = DeltaGenerators.jobHistory(records: 5, deltas: 40, using: &rng)
            _ = try await replica.apply(deltas.map(\.bytes), now: DeltaFactory.epoch + 1_000, source: "test")
            let report = try await replica.check()
            #expect(report.problems.isEmpty, "\(report.problems)")
            #expect(report.deltas == (try await replica.summary().deltas))
        }
    }

    @Test("Tampering with a materialized row, a stored delta or retention is found")
    func findsTampering() async throws {
        try await TestFiles.withTemporaryDirectory { directory in
            let path = "\(directory)/artel.sqlite"
            let replica = try Replica.create(at: path)
            let factory = DeltaFactory()
            let old = factory.job(1, title: "old")
            _ = try await replica.apply(
                [old.bytes, factory.job(2).bytes, factory.job(3).bytes],
                now: DeltaFactory.epoch + 1,
                source: "test"
            )
            try replica.close()

            let queue = try DatabaseQueue(path: path)
            try await queue.write { db in
                try db.execute(sql: "UPDATE jobs SET title = 'forged' WHERE rowid = (SELECT min(rowid) FROM jobs)")
                try db.execute(sql: "UPDATE deltas SET hlc = hlc + 1 WHERE rowid = (SELECT max(rowid) FROM deltas)")
            }
            try queue.close()
            let report = try await Replica.open(at: path).check()
            #expect(report.problems.contains { $0.contains("row differs") }, "\(report.problems)")
            #expect(report.problems.contains { $0.contains("wrong record or columns") }, "\(report.problems)")
        }
    }
}
