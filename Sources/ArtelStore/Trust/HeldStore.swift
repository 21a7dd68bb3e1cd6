import ArtelCore
import Foundation
import GRDB

/// The `held` table: verified deltas that their community's control plane does not authorize yet
/// (quarantine) or any more (refused), kept so that a later grant or revocation decides them again
/// whatever the order in which they arrived.
struct HeldStore {
    let db: Database

    /// The most deltas held at once; beyond, new waiting deltas are refused instead.
    static let capacity = 100_000

    func contains(_ id: DeltaID) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM held WHERE id = ?", arguments: [Data(id.bytes.bytes)]) ?? false
    }

    func holdsAny(of community: PublicKey) throws -> Bool {
        try Bool.fetchOne(
            db,
            sql: "SELECT 1 FROM held WHERE community = ? LIMIT 1",
            arguments: [Data(community.bytes.bytes)]
        )
            ?? false
    }

    var count: Int {
        get throws { try Int.fetchOne(db, sql: "SELECT count(*) FROM held") ?? 0 }
    }

    /// Holds a delta, or records its new verdict when it is already held.
    func hold(_ signed: SignedDelta, _ verdict: Verdict, source: String, now: UInt64) throws {
        let (waiting, code, reason) = Self.columns(of: verdict)
        let delta = signed.delta
        try db.execute(
            sql: """
                INSERT INTO held (id, community, kind, author, expiry, waiting, code, reason, source, arrived, bytes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET waiting = excluded.waiting, code = excluded.code, reason = excluded.reason
                """,
            arguments: [
                Data(signed.id.bytes.bytes), Data(delta.community.bytes.bytes), Int64(delta.kind.rawValue),
                Data(delta.author.bytes.bytes), Int64(bitPattern: delta.expiry), waiting, code, reason, source,
                Int64(now), Data(signed.bytes),
            ]
        )
    }

    /// Forgets a delta that has been decided for good.
    func release(_ id: DeltaID) throws {
        try db.execute(sql: "DELETE FROM held WHERE id = ?", arguments: [Data(id.bytes.bytes)])
    }

    /// Every delta held for a community, or only its grants and revocations.
    func deltas(of community: PublicKey, grantsAndRevocationsOnly: Bool = false) throws -> [SignedDelta] {
        let filter = grantsAndRevocationsOnly ? " AND kind IN (\(Self.grantAndRevocationKinds))" : ""
        return try Row.fetchAll(
            db,
            sql: "SELECT rowid, bytes FROM held WHERE community = ?\(filter) ORDER BY rowid",
            arguments: [Data(community.bytes.bytes)]
        ).map { try StoredDelta.decode($0["bytes"] as Data, rowid: $0["rowid"]) }
    }

    /// The kinds of grants and revocations, as an SQL list.
    static let grantAndRevocationKinds = RecordKind.allCases.filter(\.isGrantOrRevocation).map { "\($0.rawValue)" }
        .joined(separator: ", ")

    private static func columns(of verdict: Verdict) -> (waiting: Bool, code: Int64, reason: String) {
        switch verdict {
        case .authorized: preconditionFailure("an authorized delta is applied, not held")
        case .waiting(let why): (true, 0, why)
        case .refused(let error): (false, Int64(error.code.rawValue), error.message)
        }
    }
}

/// Loads a community's control plane: its stored grants and revocations, and the held ones.
enum ControlPlaneLoader {
    static func load(_ community: PublicKey, in db: Database) throws -> ControlPlane {
        var plane = ControlPlane(community: community)
        let stored = try Row.fetchAll(
            db,
            sql: """
                SELECT d.rowid, d.bytes FROM deltas d JOIN scopes s ON s.id = d.scope
                WHERE s.community = ? AND s.kind IN (\(HeldStore.grantAndRevocationKinds))
                """,
            arguments: [Data(community.bytes.bytes)]
        ).map { try StoredDelta.decode($0["bytes"] as Data, rowid: $0["rowid"]) }
        let held = try HeldStore(db: db).deltas(of: community, grantsAndRevocationsOnly: true)
        for signed in stored + held {
            // Admission refused every malformed grant and revocation before it was stored or held.
            _ = try? plane.insert(signed)
        }
        return plane
    }

    /// The deltas stored and signed by one author, of every kind, in one community or in all.
    static func storedDeltas(by author: PublicKey, in community: PublicKey?, db: Database) throws -> [SignedDelta] {
        // The author key sits at offset 34 of the envelope (protocol/encoding.md §2); substr counts from 1.
        let scoped = community == nil ? "" : " AND d.scope IN (SELECT id FROM scopes WHERE community = ?2)"
        return try Row.fetchAll(
            db,
            sql: "SELECT d.rowid, d.bytes FROM deltas d WHERE substr(d.bytes, 35, 32) = ?1" + scoped,
            arguments: StatementArguments([Data(author.bytes.bytes)] + (community.map { [Data($0.bytes.bytes)] } ?? []))
        ).map { try StoredDelta.decode($0["bytes"] as Data, rowid: $0["rowid"]) }
    }
}
