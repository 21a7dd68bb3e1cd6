import ArtelCore
import Foundation
import GRDB

/// Merges a batch of admitted deltas into the replica inside one write transaction.
///
/// Each record the batch touches is loaded once (its kept deltas, merged into a ``RecordState``),
/// every delta of the batch is merged in memory, and then each changed record is written once:
/// new kept deltas inserted, pruned ones deleted, the materialized row inserted, updated or removed.
struct BatchWriter {
    private struct RecordKey: Hashable {
        let scope: Scope
        let record: RecordID
    }

    private struct LoadedRecord {
        let rowid: Int64?
        let stored: [DeltaID: Int64]
        var state: RecordState
        /// Whether a materialized row existed before the batch: the record was stored and not deleted.
        let wasMaterialized: Bool
        var changed = false

        static let new = LoadedRecord(rowid: nil, stored: [:], state: RecordState(), wasMaterialized: false)
    }

    private let db: Database
    private var scopes: ScopeIndex
    private var records: [RecordKey: LoadedRecord] = [:]
    private var touchOrder: [RecordKey] = []
    private(set) var pruned = 0

    init(db: Database) {
        self.db = db
        scopes = ScopeIndex(db: db)
    }

    /// Merges one admitted delta into its record.
    mutating func merge(_ signed: SignedDelta) throws -> DeltaOutcome {
        let key = RecordKey(scope: signed.delta.scope, record: signed.delta.record)
        if records[key] == nil {
            records[key] = try load(key)
            touchOrder.append(key)
        }
        switch records[key]!.state.merge(signed) {
        case .kept:
            records[key]!.changed = true
            return .accepted(signed)
        case .duplicate: return .duplicate(signed.id)
        case .superseded: return .superseded(signed.id)
        case .recordDeleted: return .recordDeleted(signed.id)
        }
    }

    /// Writes every changed record.
    mutating func persist() throws {
        for key in touchOrder {
            guard let record = records[key], record.changed else { continue }
            try persist(record, key: key)
        }
    }

    private mutating func load(_ key: RecordKey) throws -> LoadedRecord {
        guard let scopeID = try scopes.id(of: key.scope, create: false) else { return .new }
        let rowid = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT rowid FROM records WHERE scope = ? AND record_id = ?"),
            arguments: [scopeID, Data(key.record.bytes.bytes)]
        )
        guard let rowid else { return .new }
        var stored: [DeltaID: Int64] = [:]
        var deltas: [SignedDelta] = []
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT rowid, bytes FROM deltas WHERE record = ?"),
            arguments: [rowid]
        )
        while let row = try rows.next() {
            let delta = try StoredDelta.decode(row["bytes"], rowid: row["rowid"])
            stored[delta.id] = row["rowid"]
            deltas.append(delta)
        }
        let state = RecordState(merging: deltas)
        return LoadedRecord(rowid: rowid, stored: stored, state: state, wasMaterialized: !state.isDeleted && !deltas.isEmpty)
    }

    private mutating func persist(_ record: LoadedRecord, key: RecordKey) throws {
        let kept = record.state.kept
        let scopeID = try scopes.id(of: key.scope, create: true)!
        var rowid = record.rowid
        if rowid == nil {
            try db.cachedStatement(sql: "INSERT INTO records (scope, record_id) VALUES (?, ?)")
                .execute(arguments: [scopeID, Data(key.record.bytes.bytes)])
            rowid = db.lastInsertedRowID
        }
        guard let rowid else { return }
        for (id, deltaRow) in record.stored where kept[id] == nil {
            try db.cachedStatement(sql: "DELETE FROM deltas WHERE rowid = ?").execute(arguments: [deltaRow])
            pruned += 1
        }
        let insert = try db.cachedStatement(
            sql: "INSERT INTO deltas (id, record, scope, hlc, expiry, bytes) VALUES (?, ?, ?, ?, ?, ?)"
        )
        for delta in kept.values.sorted(by: { Stamp($0) < Stamp($1) }) where record.stored[delta.id] == nil {
            try insert.execute(arguments: [
                Data(delta.id.bytes.bytes), rowid, scopeID, Int64(bitPattern: delta.delta.timestamp.rawValue),
                Int64(bitPattern: delta.delta.expiry), Data(delta.bytes),
            ])
        }
        guard let table = MaterializedTable.of(key.scope.kind) else { return }
        try Materializer(db: db, table: table).write(
            record.state,
            rowid: rowid,
            key: (key.scope.community, key.record),
            wasMaterialized: record.wasMaterialized
        )
    }
}

/// Decoding of deltas read back from the replica, which were verified when they were stored.
enum StoredDelta {
    static func decode(_ bytes: Data, rowid: Int64) throws -> SignedDelta {
        do {
            return try SignedDelta.decode([UInt8](bytes))
        } catch {
            throw StoreError(
                .corruptReplica,
                "stored delta \(rowid) no longer decodes (\(error)); the replica is damaged: restore a backup",
                cause: error
            )
        }
    }
}
