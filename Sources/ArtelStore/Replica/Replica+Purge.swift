import ArtelCore
import Foundation
import GRDB

/// What a purge removed.
public struct PurgeReport: Sendable, Equatable {
    /// Expired deltas deleted.
    public var deltas = 0
    /// Records that no longer have any delta, deleted with their materialized rows.
    public var records = 0
}

extension Replica {
    /// Drops every delta whose expiry has passed, re-materializes the records they belonged to from
    /// their remaining deltas, and deletes records left without any (DESIGN §4, expiry).
    ///
    /// - Parameter now: the wall clock in Unix milliseconds.
    public func purgeExpired(now: UInt64) async throws -> PurgeReport {
        try await writing("purging expired deltas") { db in
            let expired = try Row.fetchAll(
                db,
                sql: "SELECT rowid, record FROM deltas WHERE expiry > 0 AND expiry <= ?",
                arguments: [Int64(now)]
            )
            var report = PurgeReport()
            var records: Set<Int64> = []
            for row in expired {
                try db.execute(sql: "DELETE FROM deltas WHERE rowid = ?", arguments: [row[0] as Int64])
                records.insert(row[1])
                report.deltas += 1
            }
            for record in records.sorted() where try Self.rematerialize(record: record, in: db) {
                report.records += 1
            }
            return report
        }
    }

    /// Rebuilds a record's materialized row from its remaining deltas.
    ///
    /// - Returns: whether the record had no delta left and was deleted.
    private static func rematerialize(record rowid: Int64, in db: Database) throws -> Bool {
        guard
            let identity = try Row.fetchOne(
                db,
                sql: "SELECT s.community, s.kind, r.record_id FROM records r JOIN scopes s ON s.id = r.scope WHERE r.rowid = ?",
                arguments: [rowid]
            ), let kind = RecordKind(rawValue: UInt8(truncatingIfNeeded: identity[1] as Int64))
        else { return false }
        let deltas = try Row.fetchAll(db, sql: "SELECT rowid, bytes FROM deltas WHERE record = ?", arguments: [rowid])
            .map { try StoredDelta.decode($0["bytes"], rowid: $0["rowid"]) }
        let state = RecordState(merging: deltas)
        if let table = MaterializedTable.of(kind) {
            let exists = try Bool.fetchOne(db, sql: "SELECT 1 FROM \(table.name) WHERE rowid = ?", arguments: [rowid]) ?? false
            try Materializer(db: db, table: table).write(
                state,
                rowid: rowid,
                key: (PublicKey(Bytes32(identity[0] as Data)!), RecordID(Bytes16(identity[2] as Data)!)),
                wasMaterialized: exists
            )
        }
        guard deltas.isEmpty else { return false }
        try db.execute(sql: "DELETE FROM records WHERE rowid = ?", arguments: [rowid])
        return true
    }
}
