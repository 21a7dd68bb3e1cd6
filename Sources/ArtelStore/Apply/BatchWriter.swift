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

    /// A stored delta of a record, and its row in `deltas`.
    private typealias DeltaRow = (id: DeltaID, row: Int64)

    private struct LoadedRecord {
        let key: RecordKey
        /// Its row in `records`, once it has one.
        var rowid: Int64?
        /// Its stored deltas: what the replica held, then what it holds once the batch is written.
        /// A record keeps a few, so a short array, not a dictionary.
        var stored: [DeltaRow]
        var state: RecordState
        /// The state its materialized row shows, or `nil` when it has none (new, or deleted).
        let materialized: RecordState?
        /// The state when the batch first touched it.
        let initial: RecordState
        var changed = false
        /// The row of ``state``, worked out before the transaction (``FreshRecord``); `nil` once
        /// anything else changes the state.
        var prepared: MaterializedRow?

        init(
            _ key: RecordKey,
            rowid: Int64? = nil,
            stored: [DeltaRow] = [],
            state: RecordState = RecordState(),
            materialized: RecordState? = nil
        ) {
            self.key = key
            self.rowid = rowid
            self.stored = stored
            self.state = state
            self.materialized = materialized
            initial = state
        }
    }

    /// A record the batch touched: its state when first touched and now.
    struct TouchedRecord {
        let scope: Scope
        let record: RecordID
        let initial: RecordState
        let state: RecordState
    }

    private let statements: RawStatements
    private var scopes: ScopeIndex
    /// Every record the batch touched, in the order first touched; changed in place, so that
    /// merging a delta hashes its record's key once and copies nothing.
    private var records: [LoadedRecord] = []
    private var positions: [RecordKey: Int] = [:]
    private(set) var pruned = 0
    /// The rows of `deltas` the batch inserted, from the first to the last: every row between them
    /// is one of them (a transaction's inserts take the rows after the last one), or gone.
    private(set) var insertedRows: ClosedRange<Int64>?

    init(db: Database) {
        statements = RawStatements(db)
        scopes = ScopeIndex(db: db)
    }

    /// Merges one admitted delta into its record.
    ///
    /// - Parameter fresh: what the delta makes of a record that has no other, worked out before the
    ///   transaction: taken instead of merging when the delta creates its record.
    mutating func merge(_ signed: SignedDelta, fresh: FreshRecord? = nil) throws -> DeltaOutcome {
        let position = try touch(RecordKey(scope: signed.delta.scope, record: signed.delta.record))
        let outcome: MergeOutcome
        // A record that holds no delta yet (none stored, none merged by the batch) is empty, and
        // merging into an empty record depends on the delta alone: the fresh state is that merge.
        if let fresh, records[position].state.kept.isEmpty {
            records[position].state = fresh.state
            records[position].prepared = fresh.row
            outcome = fresh.outcome
        } else {
            outcome = records[position].state.merge(signed)
            records[position].prepared = nil
        }
        switch outcome {
        case .kept:
            records[position].changed = true
            return .accepted(signed)
        case .duplicate: return .duplicate(signed.id)
        case .superseded: return .superseded(signed.id)
        case .recordDeleted: return .recordDeleted(signed.id)
        }
    }

    /// The merged state of a record as the batch has made it so far.
    mutating func state(of scope: Scope, record: RecordID) throws -> RecordState {
        records[try touch(RecordKey(scope: scope, record: record))].state
    }

    /// The records of a kind this batch changed, in the order first touched.
    func changed(_ kind: RecordKind) -> [TouchedRecord] {
        records.compactMap { record in
            guard record.key.scope.kind == kind, record.changed else { return nil }
            return TouchedRecord(
                scope: record.key.scope,
                record: record.key.record,
                initial: record.initial,
                state: record.state
            )
        }
    }

    /// Takes a delta out of its record, as if it had never been merged: a revocation no longer
    /// covers it. The record is merged again from the deltas it keeps; deltas the withdrawn one had
    /// pruned are gone from this replica, and come back from peers at the next reconciliation.
    mutating func evict(_ signed: SignedDelta) throws {
        let position = try touch(RecordKey(scope: signed.delta.scope, record: signed.delta.record))
        let remaining = records[position].state.kept.values.filter { $0.id != signed.id }
        records[position].state = RecordState(merging: remaining)
        records[position].prepared = nil
        records[position].changed = true
    }

    /// Writes every changed record.
    mutating func persist() throws {
        for position in records.indices where records[position].changed {
            (records[position].rowid, records[position].stored) = try persist(records[position])
        }
    }

    /// The mark of a record's stored deltas once the batch is written, when `delta` is among them
    /// and every other is older than row `after`: the record holds what `delta` wrote, and no other
    /// delta reached it since row `after`. Nil otherwise, or when the batch did not touch it.
    func mark(of scope: Scope, record: RecordID, keeping delta: DeltaID, after: Int64) -> DeltaSetMark? {
        guard let position = positions[RecordKey(scope: scope, record: record)] else { return nil }
        let stored = records[position].stored
        guard let rowid = records[position].rowid, stored.contains(where: { $0.id == delta }),
            !stored.contains(where: { $0.id != delta && $0.row > after })
        else { return nil }
        return DeltaSetMark(record: rowid, lastDelta: stored.map(\.row).max()!, deltas: Int64(stored.count))
    }

    /// Where the batch keeps `key`'s record, loaded the first time the batch touches it.
    private mutating func touch(_ key: RecordKey) throws -> Int {
        if let position = positions[key] { return position }
        records.append(try load(key))
        positions[key] = records.count - 1
        return records.count - 1
    }

    private mutating func load(_ key: RecordKey) throws -> LoadedRecord {
        guard let scopeID = try scopes.id(of: key.scope, create: false) else { return LoadedRecord(key) }
        let find = try statements["SELECT rowid FROM records WHERE scope = ?1 AND record_id = ?2"]
        find.bind(1, scopeID)
        find.bind(2, key.record.bytes)
        guard let rowid = try find.firstInteger() else { return LoadedRecord(key) }
        var stored: [DeltaRow] = []
        var deltas: [SignedDelta] = []
        let kept = try statements["SELECT rowid, bytes FROM deltas WHERE record = ?1"]
        kept.bind(1, rowid)
        try kept.forEachIntegerAndBlob { deltaRow, bytes in
            let delta = try StoredDelta.decode(bytes, rowid: deltaRow)
            stored.append((delta.id, deltaRow))
            deltas.append(delta)
        }
        let state = RecordState(merging: deltas)
        return LoadedRecord(
            key,
            rowid: rowid,
            stored: stored,
            state: state,
            materialized: Materializer.exists(state) ? state : nil
        )
    }

    /// Writes one record, and returns its row and the rows of the deltas it keeps then.
    private mutating func persist(_ record: LoadedRecord) throws -> (rowid: Int64?, stored: [DeltaRow]) {
        let key = record.key
        let kept = record.state.kept
        if kept.isEmpty && record.rowid == nil { return (nil, []) }
        let scopeID = try scopes.id(of: key.scope, create: true)!
        let rowid: Int64
        if let existing = record.rowid {
            rowid = existing
        } else {
            let insert = try statements["INSERT INTO records (scope, record_id) VALUES (?1, ?2)"]
            insert.bind(1, scopeID)
            insert.bind(2, key.record.bytes)
            try insert.run()
            rowid = statements.lastInsertedRowID
        }
        var stored: [DeltaRow] = []
        for (id, deltaRow) in record.stored {
            guard kept[id] == nil else {
                stored.append((id, deltaRow))
                continue
            }
            let delete = try statements["DELETE FROM deltas WHERE rowid = ?1"]
            delete.bind(1, deltaRow)
            try delete.run()
            pruned += 1
        }
        let insert = try statements[
            "INSERT INTO deltas (id, record, scope, hlc, expiry, bytes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
        ]
        for delta in kept.values where !record.stored.contains(where: { $0.id == delta.id }) {
            insert.bind(1, delta.id.bytes)
            insert.bind(2, rowid)
            insert.bind(3, scopeID)
            insert.bind(4, Int64(bitPattern: delta.delta.timestamp.rawValue))
            insert.bind(5, Int64(bitPattern: delta.delta.expiry))
            insert.bind(6, delta.bytes)
            try insert.run()
            let row = statements.lastInsertedRowID
            stored.append((delta.id, row))
            insertedRows = insertedRows.map { min($0.lowerBound, row)...max($0.upperBound, row) } ?? row...row
        }
        if let table = MaterializedTable.of(key.scope.kind) {
            try Materializer(statements: statements, table: table).write(
                record.prepared ?? MaterializedRow(record.state, in: table),
                before: record.materialized,
                rowid: rowid,
                scope: scopeID
            )
        }
        if kept.isEmpty {
            let delete = try statements["DELETE FROM records WHERE rowid = ?1"]
            delete.bind(1, rowid)
            try delete.run()
            return (nil, [])
        }
        return (rowid, stored)
    }
}

/// Decoding of deltas read back from the replica, which were verified when they were stored.
enum StoredDelta {
    static func decode(_ data: Data, rowid: Int64) throws -> SignedDelta {
        try decode([UInt8](data), rowid: rowid)
    }

    static func decode(_ bytes: [UInt8], rowid: Int64) throws -> SignedDelta {
        do {
            return try SignedDelta.decode(bytes)
        } catch {
            throw StoreError(
                .corruptReplica,
                "stored delta \(rowid) no longer decodes (\(error)); the replica is damaged: restore a backup",
                cause: error
            )
        }
    }
}
