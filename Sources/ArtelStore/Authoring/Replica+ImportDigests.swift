import ArtelCore
import Foundation
import GRDB

/// A record's kept deltas, as far as an import needs to tell whether they changed: the newest
/// delta row (rows only grow, so any delta stored for the record raises it) and how many deltas it
/// keeps (any removed lowers it, when nothing is stored with it).
struct DeltaSetMark: Sendable, Equatable {
    /// The record's row in `records`.
    let record: Int64
    /// Its newest delta row.
    let lastDelta: Int64
    /// How many deltas it keeps.
    let deltas: Int64
}

/// What an import remembers of one record: the digest of the item it imported, and why the record
/// holds the item's values at a known mark.
struct ImportDigestEntry: Sendable {
    /// Why the record holds the item's values.
    enum Basis: Sendable {
        /// It was found holding them, with this mark read together with its state.
        case unchanged(DeltaSetMark)
        /// This import wrote them in this delta; `after`: the record's newest delta row when its
        /// state was read (0 for a new record).
        case written(DeltaID, after: Int64)
    }

    let kind: RecordKind
    let record: RecordID
    let digest: Bytes32
    let basis: Basis
}

extension Replica {
    /// Of some items, the records that have not changed since an import recorded the same digest
    /// for them: neither the item nor the record's deltas are different.
    ///
    /// - Parameter items: each item's kind, record and digest.
    func unchangedSinceImport(
        _ items: [(kind: RecordKind, record: RecordID, digest: Bytes32)],
        in community: PublicKey
    ) async throws -> Set<RecordID> {
        try await reading("looking up \(items.count) imported records") { db in
            let scopes = try Self.scopes(of: Set(items.map(\.kind)), in: community, db: db)
            let statement = try RawStatement(
                db,
                sql: """
                    SELECT d.digest = ?3 AND d.last_delta = (SELECT max(rowid) FROM deltas WHERE record = d.record)
                        AND d.deltas = (SELECT count(*) FROM deltas WHERE record = d.record)
                    FROM records r JOIN import_digests d ON d.record = r.rowid
                    WHERE r.scope = ?1 AND r.record_id = ?2
                    """
            )
            var unchanged: Set<RecordID> = []
            for item in items {
                guard let scope = scopes[item.kind] else { continue }
                statement.bind(1, scope)
                statement.bind(2, item.record.bytes)
                statement.bind(3, item.digest)
                if try statement.firstInteger() == 1 { unchanged.insert(item.record) }
            }
            return unchanged
        }
    }

    /// Remembers the digests of imported records, each with the mark at which its record held the
    /// item's values. A record this import wrote is remembered only if no other delta reached it
    /// since its state was read: otherwise the next import compares it in full.
    func rememberImports(_ entries: [ImportDigestEntry], in community: PublicKey) async throws {
        guard !entries.isEmpty else { return }
        try await writing("remembering \(entries.count) imported records") { db in
            let scopes = try Self.scopes(of: Set(entries.map(\.kind)), in: community, db: db)
            let written = try RawStatement(
                db,
                sql: """
                    INSERT OR REPLACE INTO import_digests (record, digest, last_delta, deltas)
                    SELECT r.rowid, ?3, max(d.rowid), count(*) FROM records r JOIN deltas d ON d.record = r.rowid
                    WHERE r.scope = ?1 AND r.record_id = ?2
                    GROUP BY r.rowid HAVING sum(d.rowid > ?4 AND d.id != ?5) = 0
                    """
            )
            let unchanged = try RawStatement(
                db,
                sql:
                    "INSERT OR REPLACE INTO import_digests (record, digest, last_delta, deltas) VALUES (?1, ?2, ?3, ?4)"
            )
            for entry in entries {
                switch entry.basis {
                case .unchanged(let mark):
                    unchanged.bind(1, mark.record)
                    unchanged.bind(2, entry.digest)
                    unchanged.bind(3, mark.lastDelta)
                    unchanged.bind(4, mark.deltas)
                    try unchanged.run()
                case .written(let delta, let after):
                    guard let scope = scopes[entry.kind] else { continue }
                    written.bind(1, scope)
                    written.bind(2, entry.record.bytes)
                    written.bind(3, entry.digest)
                    written.bind(4, after)
                    written.bind(5, delta.bytes)
                    try written.run()
                }
            }
        }
    }

    /// The scope rows of a community's kinds that have one.
    private static func scopes(
        of kinds: Set<RecordKind>,
        in community: PublicKey,
        db: Database
    ) throws
        -> [RecordKind: Int64]
    {
        var scopes: [RecordKind: Int64] = [:]
        for kind in kinds {
            scopes[kind] = try Int64.fetchOne(
                db,
                sql: "SELECT id FROM scopes WHERE community = ? AND kind = ?",
                arguments: [Data(community.bytes.bytes), Int64(kind.rawValue)]
            )
        }
        return scopes
    }
}
