import ArtelCore
import Foundation
import GRDB

/// What a purge removed.
public struct PurgeReport: Sendable, Equatable {
    /// Expired deltas deleted.
    public var deltas = 0
    /// Records that no longer have any delta, deleted with their materialized rows.
    public var records = 0

    /// A report of `deltas` expired deltas and `records` records gone.
    public init(deltas: Int = 0, records: Int = 0) {
        self.deltas = deltas
        self.records = records
    }
}

extension Replica {
    /// Drops every delta whose expiry has passed, held ones included, re-materializes the records
    /// they belonged to from their remaining deltas, and deletes records left without any (DESIGN §4,
    /// expiry).
    ///
    /// - Parameter now: the wall clock in Unix milliseconds.
    public func purgeExpired(now: UInt64) async throws -> PurgeReport {
        try await writing("purging expired deltas") { db in
            let records = try Int64.fetchSet(
                db,
                sql: "SELECT DISTINCT record FROM deltas WHERE expiry > 0 AND expiry <= ?",
                arguments: [Int64(now)]
            )
            var report = PurgeReport()
            let statements = RawStatements(db)
            for record in records.sorted() {
                let (expired, gone) = try Self.purge(record: record, now: now, in: db, statements: statements)
                report.deltas += expired
                if gone { report.records += 1 }
            }
            try db.execute(sql: "DELETE FROM held WHERE expiry > 0 AND expiry <= ?", arguments: [Int64(now)])
            report.deltas += db.changesCount
            return report
        }
    }

    /// Drops a record's expired deltas and rewrites its materialized row from the rest.
    ///
    /// - Returns: how many deltas expired, and whether the record had none left and was deleted.
    private static func purge(
        record rowid: Int64,
        now: UInt64,
        in db: Database,
        statements: RawStatements
    ) throws -> (Int, Bool) {
        let identity = try Row.fetchOne(
            db,
            sql: "SELECT r.scope, s.kind FROM records r JOIN scopes s ON s.id = r.scope WHERE r.rowid = ?",
            arguments: [rowid]
        )!
        let deltas = try Row.fetchAll(db, sql: "SELECT rowid, bytes FROM deltas WHERE record = ?", arguments: [rowid])
            .map { try StoredDelta.decode($0["bytes"], rowid: $0["rowid"]) }
        let expired = deltas.filter { $0.delta.expiry != 0 && $0.delta.expiry <= now }
        for delta in expired {
            try db.execute(sql: "DELETE FROM deltas WHERE id = ?", arguments: [Data(delta.id.bytes.bytes)])
        }
        let before = RecordState(merging: deltas)
        let after = RecordState(merging: deltas.filter { $0.delta.expiry == 0 || $0.delta.expiry > now })
        if let kind = RecordKind(rawValue: UInt8(truncatingIfNeeded: identity[1] as Int64)),
            let table = MaterializedTable.of(kind)
        {
            try Materializer(statements: statements, table: table).write(
                after,
                before: before.isDeleted ? nil : before,
                rowid: rowid,
                scope: identity[0]
            )
        }
        guard after.kept.isEmpty else { return (expired.count, false) }
        try db.execute(sql: "DELETE FROM records WHERE rowid = ?", arguments: [rowid])
        return (expired.count, true)
    }
}
