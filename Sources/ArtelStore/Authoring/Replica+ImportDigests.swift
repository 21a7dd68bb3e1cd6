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

/// What an import remembers of a record, as the next import finds it.
struct RememberedImport: Sendable, Equatable {
    /// The digest of the item the last import wrote or found.
    let digest: Bytes32
    /// Whether the record's deltas are still those that import saw: nothing edited it since.
    let isCurrent: Bool
}

extension Replica {
    /// Of some records, the digest of the item their last import wrote or found, and whether
    /// nothing changed the record since: its deltas are still the ones the import saw.
    func rememberedDigests(
        _ records: [(kind: RecordKind, record: RecordID)],
        in community: PublicKey
    ) async throws -> [RecordID: RememberedImport] {
        try await reading("looking up \(records.count) imported records") { db in
            let scopes = try Self.scopes(of: Set(records.map(\.kind)), in: community, db: db)
            let statement = try RawStatement(
                db,
                sql: """
                    SELECT d.digest,
                        d.last_delta = (SELECT max(rowid) FROM deltas WHERE record = d.record)
                        AND d.deltas = (SELECT count(*) FROM deltas WHERE record = d.record)
                    FROM records r JOIN import_digests d ON d.record = r.rowid
                    WHERE r.scope = ?1 AND r.record_id = ?2
                    """
            )
            var remembered: [RecordID: RememberedImport] = [:]
            for (kind, record) in records {
                guard let scope = scopes[kind] else { continue }
                statement.bind(1, scope)
                statement.bind(2, record.bytes)
                try statement.forEachRow { columns in
                    guard let digest = Bytes32(columns.bytes(0)) else { return }
                    remembered[record] = RememberedImport(digest: digest, isCurrent: columns.integer(1) == 1)
                }
            }
            return remembered
        }
    }

    /// Remembers the digests of records an import found holding its items' values, each with the
    /// mark read with the record's state.
    func rememberImports(_ entries: [ImportDigestEntry], in community: PublicKey) async throws {
        guard !entries.isEmpty else { return }
        try await writing("remembering \(entries.count) imported records") { db in
            try Self.remember(entries, in: community, writtenBy: nil, db: db)
        }
    }

    /// Stores an import's deltas (``store(_:now:source:)``) and, in the same transaction, remembers
    /// the digests of the records they wrote. A record is remembered only if the import's delta is
    /// kept and no other delta reached the record since its state was read: otherwise the next
    /// import compares it in full.
    func storeImported(
        _ admitted: AdmittedDeltas,
        now: UInt64,
        source: String,
        remembering entries: [ImportDigestEntry],
        in community: PublicKey
    ) async throws -> ApplyReport {
        try await store(admitted, now: now, source: source) { writer, db in
            try Self.remember(entries, in: community, writtenBy: writer, db: db)
        }
    }

    /// Remembers each entry's digest with its mark: the mark found, or for a record `writer` wrote,
    /// the mark it left.
    private static func remember(
        _ entries: [ImportDigestEntry],
        in community: PublicKey,
        writtenBy writer: BatchWriter?,
        db: Database
    ) throws {
        // An upsert, not INSERT OR REPLACE: a replace may delete a row, so SQLite opens a statement
        // savepoint for it, which every full-text index the transaction has written to joins.
        let insert = try RawStatement(
            db,
            sql: """
                INSERT INTO import_digests (record, digest, last_delta, deltas) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (record) DO UPDATE
                SET digest = excluded.digest, last_delta = excluded.last_delta, deltas = excluded.deltas
                """
        )
        for entry in entries {
            let mark: DeltaSetMark?
            switch entry.basis {
            case .unchanged(let found):
                mark = found
            case .written(let delta, let after):
                let scope = Scope(community: community, kind: entry.kind)
                mark = writer?.mark(of: scope, record: entry.record, keeping: delta, after: after)
            }
            guard let mark else { continue }
            insert.bind(1, mark.record)
            insert.bind(2, entry.digest)
            insert.bind(3, mark.lastDelta)
            insert.bind(4, mark.deltas)
            try insert.run()
        }
    }

    /// The scope rows of a community's kinds that have one.
    static func scopes(
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
