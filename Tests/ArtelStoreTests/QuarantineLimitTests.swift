import ArtelCore
import ArtelStore
import ArtelTestKit
import Foundation
import GRDB
import Testing

@Suite("A full quarantine")
struct QuarantineLimitTests {
    @Test("Refuses what would wait with local_limit, a code that never counts against the peer")
    func refusesWithLocalLimit() async throws {
        try await TestFiles.withTemporaryDirectory { directory in
            let path = "\(directory)/artel.sqlite"
            let replica = try Replica.create(at: path)
            // Fill the quarantine with deltas of another community, as a flood of undecidable ones would.
            let database = try DatabaseQueue(path: path)
            try await database.write { db in
                try db.execute(
                    sql: """
                        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
                        INSERT INTO held (id, community, kind, author, expiry, waiting, code, reason, source, arrived, bytes)
                        SELECT randomblob(32), ?, 5, ?, 0, 1, 500, 'no grant', 'test', 0, x'00' FROM n
                        """,
                    arguments: [
                        Data(TestKeys.association.publicKey.bytes.bytes), Data(TestKeys.outsider.publicKey.bytes.bytes),
                    ]
                )
            }
            try database.close()
            let stranger = DeltaFactory(key: TestKeys.outsider)
            let job = stranger.sign(
                stranger.delta(
                    .job,
                    record: DeltaFactory.recordID(1),
                    community: TestKeys.techLeaders.publicKey,
                    [Fields.set(.job, "title", .string("Вакансия без гранта"))]
                )
            )
            let report = try await replica.apply([job.bytes], now: DeltaFactory.epoch, source: "peer")
            let refusal = try #require(report.refusals.first)
            #expect(refusal.error.code == .localLimit, "\(refusal.error)")
            #expect(!refusal.error.code.blamesSender)
            try replica.close()
        }
    }
}
