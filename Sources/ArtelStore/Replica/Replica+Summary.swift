public import ArtelCore
import Foundation
import GRDB

/// What a replica holds, for `artel status` and the start-up banner.
public struct ReplicaSummary: Sendable {
    /// Live records per materialized kind.
    public let records: [RecordKind: Int]
    /// Kept deltas.
    public let deltas: Int
    /// Bytes of kept deltas, as encoded.
    public let deltaBytes: Int
    /// Scopes (community and kind) with kept deltas.
    public let scopes: Int
    /// Entries in the refusal log.
    public let refusals: Int
    /// The node's clock.
    public let clock: HLC
}

extension Replica {
    /// Counts what the replica holds.
    public func summary() async throws -> ReplicaSummary {
        try await reading("summarizing the replica") { db in
            var records: [RecordKind: Int] = [:]
            for table in MaterializedTable.all {
                records[table.kind] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.name)") ?? 0
            }
            let totals = try Row.fetchOne(
                db,
                sql: "SELECT count(*), coalesce(sum(length(bytes)), 0), count(DISTINCT scope) FROM deltas"
            )!
            return ReplicaSummary(
                records: records,
                deltas: totals[0],
                deltaBytes: totals[1],
                scopes: totals[2],
                refusals: try Int.fetchOne(db, sql: "SELECT count(*) FROM refusals") ?? 0,
                clock: try NodeState.clock(in: db).latest
            )
        }
    }

    /// The size of the replica on disk: the database file and its write-ahead log, in bytes.
    public func fileSize() throws -> Int64 {
        try [path, path + "-wal"].reduce(Int64(0)) { total, file in
            guard FileManager.default.fileExists(atPath: file) else { return total }
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            return total + ((attributes[.size] as? NSNumber)?.int64Value ?? 0)
        }
    }
}
