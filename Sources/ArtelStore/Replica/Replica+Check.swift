import ArtelCore
import Foundation
import GRDB

/// What `artel check` found.
public struct CheckReport: Sendable {
    /// Records checked.
    public internal(set) var records = 0
    /// Deltas checked.
    public internal(set) var deltas = 0
    /// Every inconsistency found, in words; empty when the replica is sound.
    public internal(set) var problems: [String] = []
    /// What could not be checked, and why; empty when everything was.
    public internal(set) var unchecked: [String] = []
}

extension Replica {
    /// Checks the replica from the ground up: SQLite's own integrity, the full-text indexes, every
    /// stored delta (canonical, signature, id, columns), retention (every stored delta is kept by the
    /// merge of its record), and every materialized row against the merge of its record's deltas.
    ///
    /// Nothing is changed; a read-only replica is checked too, all but its full-text indexes. After a crash the replica must pass this check.
    public func check() async throws -> CheckReport {
        // FTS5 runs its integrity check as an INSERT, so the check runs on the writer, in a
        // transaction that is always rolled back.
        try await inspecting("checking the replica") { db in
            var report = CheckReport()
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] { report.problems += integrity.map { "SQLite integrity: \($0)" } }
            if try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") != nil {
                report.problems.append("SQLite foreign keys: some rows point at missing rows")
            }
            for index in ["jobs_search", "events_search"] {
                if self.isReadOnly {
                    report.unchecked.append(
                        "full-text index \(index): its check writes, and the replica is read-only here"
                    )
                    continue
                }
                do {
                    try db.execute(sql: "INSERT INTO \(index) (\(index)) VALUES ('integrity-check')")
                } catch {
                    report.problems.append("full-text index \(index) does not match its table: \(error)")
                }
            }
            var checker = RecordChecker(db: db)
            try checker.run(into: &report)
            try checker.checkHeld(into: &report)
            return report
        }
    }
}

/// Re-merges every record from its stored deltas and compares with what is stored, and decides every
/// stored and held delta again against its community's control plane.
private struct RecordChecker {
    let db: Database
    private var trusts: [PublicKey: Trust] = [:]

    init(db: Database) {
        self.db = db
    }

    mutating func run(into report: inout CheckReport) throws {
        let records = try Row.fetchCursor(
            db,
            sql:
                "SELECT r.rowid, s.community, s.kind, r.record_id, r.scope FROM records r JOIN scopes s ON s.id = r.scope"
        )
        var live: [RecordKind: Int] = [:]
        var privateRecords: Set<Int64> = []
        while let row = try records.next() {
            report.records += 1
            let rowid: Int64 = row[0]
            guard let kind = RecordKind(rawValue: UInt8(truncatingIfNeeded: row[2] as Int64)) else {
                report.problems.append("record \(rowid) has an unknown kind")
                continue
            }
            let community = PublicKey(Bytes32(row[1] as Data)!)
            let id = RecordID(Bytes16(row[3] as Data)!)
            let state = try check(record: rowid, scope: row[4], kind: kind, community: community, id: id, into: &report)
            guard let table = MaterializedTable.of(kind) else { continue }
            let stored = try Row.fetchOne(db, sql: "SELECT * FROM \(table.name) WHERE rowid = ?", arguments: [rowid])
            if Materializer.exists(state) && Materializer.isPrivate(state, of: kind) { privateRecords.insert(rowid) }
            guard Materializer.isShown(state, of: kind) else {
                if stored != nil {
                    let why =
                        Materializer.exists(state)
                        ? "lacks \(state.missingRequiredField(of: kind.schema)?.name ?? "a required field")"
                        : "is deleted"
                    report.problems.append("\(kind) \(id) \(why) but still has a \(table.name) row")
                }
                continue
            }
            live[kind, default: 0] += 1
            guard let stored else {
                report.problems.append("\(kind) \(id) has no \(table.name) row")
                continue
            }
            if !Self.row(stored, of: table, shows: state, scope: row[4]) {
                report.problems.append("\(kind) \(id): the \(table.name) row differs from the merge of its deltas")
            }
        }
        let listed = try Int64.fetchSet(db, sql: "SELECT record FROM private_records")
        if listed != privateRecords {
            report.problems.append(
                "private_records lists \(listed.count) records, \(privateRecords.count) are private"
            )
        }
        for table in MaterializedTable.all {
            let rows = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.name)") ?? 0
            if rows != live[table.kind, default: 0] {
                report.problems.append(
                    "\(table.name) has \(rows) rows for \(live[table.kind, default: 0]) live records"
                )
            }
        }
    }

    /// Whether a materialized row holds what the merged state says.
    private static func row(_ row: Row, of table: MaterializedTable, shows state: RecordState, scope: Int64) -> Bool {
        guard row["scope"] as Int64 == scope, row["updated"] as Int64 == Int64(state.updated?.milliseconds ?? 0),
            row["expiry"] as Int64 == Int64(bitPattern: state.expiry)
        else { return false }
        return table.columns.allSatisfy { column in
            let stored: DatabaseValue = row[column.name]
            let expected = ColumnValue(column.field, in: state)
            switch stored.storage {
            case .null: return expected == .null
            case .int64(let number): return expected == .integer(number)
            case .string(let text): return expected == .text(text)
            case .double, .blob: return false
            }
        }
    }

    /// Every held delta must still be one its control plane does not authorize.
    mutating func checkHeld(into report: inout CheckReport) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT rowid, waiting, bytes FROM held")
        for row in rows {
            let signed = try StoredDelta.decode(row["bytes"] as Data, rowid: row["rowid"])
            switch try verdict(for: signed) {
            case .authorized: report.problems.append("held delta \(signed.id) is authorized but not applied")
            case .waiting where !(row["waiting"] as Bool), .refused where row["waiting"] as Bool:
                report.problems.append(
                    "held delta \(signed.id) is filed as \(row["waiting"] as Bool ? "waiting" : "refused") but is not"
                )
            case .waiting, .refused: continue
            }
        }
    }

    /// What the control plane and the person rules say of a delta, as the replica holds them.
    private mutating func verdict(for signed: SignedDelta) throws -> Verdict {
        let binding = try Replica.subjectBinding(of: signed.delta, in: db)
        return try Authorization.authorize(signed, subject: binding) { try trust(of: signed.delta.community) }
    }

    private mutating func trust(of community: PublicKey) throws -> Trust {
        if let trust = trusts[community] { return trust }
        let trust = try ControlPlaneLoader.load(community, in: db).evaluate()
        trusts[community] = trust
        return trust
    }

    private mutating func check(
        record rowid: Int64,
        scope: Int64,
        kind: RecordKind,
        community: PublicKey,
        id: RecordID,
        into report: inout CheckReport
    ) throws -> RecordState {
        var deltas: [SignedDelta] = []
        let rows = try Row.fetchAll(
            db,
            sql: "SELECT id, scope, hlc, expiry, bytes FROM deltas WHERE record = ?",
            arguments: [rowid]
        )
        for row in rows {
            report.deltas += 1
            let signed: SignedDelta
            do {
                signed = try SignedDelta.decodeVerified([UInt8](row["bytes"] as Data))
            } catch {
                report.problems.append("a delta of \(kind) \(id) is invalid: \(error)")
                continue
            }
            let delta = signed.delta
            if Data(signed.id.bytes.bytes) != row["id"] as Data || row["scope"] as Int64 != scope
                || UInt64(bitPattern: row["hlc"] as Int64) != delta.timestamp.rawValue
                || UInt64(bitPattern: row["expiry"] as Int64) != delta.expiry
                || delta.kind != kind || delta.community != community || delta.record != id
            {
                report.problems.append("delta \(signed.id) is filed under the wrong record or columns")
            }
            if case .refused(let error) = try verdict(for: signed) {
                report.problems.append("delta \(signed.id) is stored but not authorized: \(error)")
            }
            deltas.append(signed)
        }
        if deltas.isEmpty { report.problems.append("\(kind) \(id) has no delta") }
        let state = RecordState(merging: deltas)
        for delta in deltas where state.kept[delta.id] == nil {
            report.problems.append("delta \(delta.id) of \(kind) \(id) wins no register but is still stored")
        }
        return state
    }
}
