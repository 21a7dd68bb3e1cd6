public import ArtelCore
import Foundation
import GRDB

extension Replica {
    /// The reconciliation items of every scope a follow set covers, for some kinds, merged in
    /// (timestamp, id) order: one index scan per scope. Deltas of private records are left out
    /// (``Sharing``).
    ///
    /// - Parameters:
    ///   - follows: the scopes, as a follow set (typically what both sides of a session follow).
    ///   - kinds: only these kinds (the kinds of one plane).
    public func reconciliationItems(matching follows: FollowSet, kinds: KindSet) async throws -> [ReconciliationItem] {
        let scopes = try await self.scopes().filter { kinds.contains($0.kind) && follows.contains($0) }
        var items: [ReconciliationItem] = []
        for scope in scopes { items += try await reconciliationItems(in: scope, sharedOnly: true) }
        if scopes.count > 1 { items.sort { ($0.timestamp, $0.id) < ($1.timestamp, $1.id) } }
        return items
    }

    /// Kept deltas by id, to answer a peer's `want` or push a local change.
    ///
    /// - Returns: the encoded deltas found, and the ids this replica does not keep or does not share
    ///   (the deltas of private records, ``Sharing``).
    public func deltas(ids: [DeltaID]) async throws -> (found: [[UInt8]], missing: [DeltaID]) {
        try await reading("reading \(ids.count) deltas") { db in
            // Bound and read through the C API: a sync reads every delta it sends here, and GRDB's
            // arguments and cursors cost more than the look-up.
            let find = try RawStatement(
                db,
                sql: "SELECT d.bytes FROM deltas d WHERE d.id = ?1 AND \(Sharing.condition)"
            )
            var found: [[UInt8]] = []
            var missing: [DeltaID] = []
            for id in ids {
                find.bind(1, id.bytes)
                if let bytes = try find.firstBlob() {
                    found.append(bytes)
                } else {
                    missing.append(id)
                }
            }
            return (found, missing)
        }
    }
}

extension Replica {
    /// The deltas stored after a row, oldest first, without their bytes: what the node's watcher of
    /// local changes looks at to find what other processes (the command line) wrote. Most rows are
    /// the node's own writes, which it has pushed already; ``deltas(ids:)`` reads the others.
    ///
    /// - Parameters:
    ///   - row: the last row already seen; `nil` for "the newest row now", which returns no change.
    ///   - before: a row not to reach: only the rows before it are read.
    ///   - limit: at most this many.
    /// - Returns: the changes, and the last row seen: with `before`, the row before it once every
    ///   row up to it was read.
    public func changes(
        after row: Int64?,
        before: Int64? = nil,
        limit: Int = 1_000
    ) async throws -> (changes: [StoredChange], last: Int64) {
        try await reading("reading new deltas") { db in
            guard let row else { return ([], try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM deltas") ?? 0) }
            // Read with a cursor, one row object for all and the blobs unboxed: during a sync this
            // runs over every delta the sessions store.
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT d.rowid, d.id, s.community, s.kind FROM deltas d JOIN scopes s ON s.id = d.scope
                    WHERE d.rowid > ? AND d.rowid < ? ORDER BY d.rowid LIMIT ?
                    """,
                arguments: [row, before ?? .max, limit]
            )
            var changes: [StoredChange] = []
            var last = row
            var read = 0
            while let stored = try rows.next() {
                last = stored[0]
                read += 1
                guard let kind = RecordKind(rawValue: UInt8(truncatingIfNeeded: stored[3] as Int64)),
                    let id = try stored.withUnsafeData(atIndex: 1, { $0.flatMap(Bytes32.init) }),
                    let community = try stored.withUnsafeData(atIndex: 2, { $0.flatMap(Bytes32.init) })
                else { continue }
                changes.append(
                    StoredChange(row: last, id: DeltaID(id), scope: Scope(community: PublicKey(community), kind: kind))
                )
            }
            // Fewer rows than asked for: every row before `before` was read, even where none is.
            if let before, read < limit { last = max(last, before - 1) }
            return (changes, last)
        }
    }
}

/// A stored delta, as ``Replica/changes(after:limit:)`` lists it.
public struct StoredChange: Sendable {
    /// Its row, increasing with every stored delta.
    public let row: Int64
    /// The delta's id.
    public let id: DeltaID
    /// The delta's scope.
    public let scope: Scope
}

extension Replica {
    /// The records whose deltas were stored after a row, each once at its latest row, oldest first:
    /// what a live change stream sends. A record stored again later appears at its later row.
    ///
    /// - Parameters:
    ///   - row: the last row already sent.
    ///   - kinds: only records of these kinds.
    ///   - communities: only records of these communities (all when empty).
    ///   - limit: at most this many deltas are looked at.
    /// - Returns: the changed records, and the last row looked at.
    public func recordChanges(
        after row: Int64,
        kinds: [RecordKind],
        communities: [PublicKey],
        limit: Int = 1_000
    ) async throws -> (changes: [RecordChange], last: Int64) {
        var sql = """
            SELECT max(d.rowid) AS row, s.community, s.kind, r.record_id
            FROM (SELECT rowid, record FROM deltas WHERE rowid > ? ORDER BY rowid LIMIT ?) AS d
            JOIN records r ON r.rowid = d.record JOIN scopes s ON s.id = r.scope
            WHERE s.kind IN (\(kinds.map { "\($0.rawValue)" }.joined(separator: ", ")))
            """
        var arguments: StatementArguments = [row, limit]
        if !communities.isEmpty {
            sql += " AND s.community IN (\(Array(repeating: "?", count: communities.count).joined(separator: ", ")))"
            _ = arguments.append(contentsOf: StatementArguments(communities.map { Data($0.bytes.bytes) }))
        }
        sql += " GROUP BY d.record ORDER BY row"
        return try await reading("reading changed records") { [sql, arguments] db in
            let last =
                try Int64.fetchOne(
                    db,
                    sql: "SELECT max(rowid) FROM (SELECT rowid FROM deltas WHERE rowid > ? ORDER BY rowid LIMIT ?)",
                    arguments: [row, limit]
                ) ?? row
            let changes = try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap { row -> RecordChange? in
                guard let kind = RecordKind(rawValue: UInt8(truncatingIfNeeded: row["kind"] as Int64)) else {
                    return nil
                }
                return RecordChange(
                    row: row["row"],
                    kind: kind,
                    reference: Reference(
                        community: PublicKey(Bytes32(row["community"] as Data)!),
                        record: RecordID(Bytes16(row["record_id"] as Data)!)
                    )
                )
            }
            return (changes, last)
        }
    }

    /// The newest row of the deltas table: where a change stream that starts now begins.
    public func lastChangeRow() async throws -> Int64 {
        try await reading("reading the last change") { db in
            try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM deltas") ?? 0
        }
    }
}

/// A record with a delta stored after some row, as ``Replica/recordChanges(after:kinds:communities:limit:)`` lists it.
public struct RecordChange: Sendable {
    /// The row of its latest stored delta: the id of the change in a stream.
    public let row: Int64
    /// The record's kind.
    public let kind: RecordKind
    /// The record.
    public let reference: Reference
}
