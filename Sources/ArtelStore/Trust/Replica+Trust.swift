public import ArtelCore
import Foundation
import GRDB

/// A verified delta its community's control plane does not authorize, as the replica holds it.
public struct HeldDelta: Sendable {
    /// The delta.
    public let signed: SignedDelta
    /// Whether it waits for a grant (quarantine) rather than being refused by the grants there are.
    public let isWaiting: Bool
    /// Why it is held.
    public let reason: String
    /// The refusal code, for a refused one.
    public let code: DeltaError.Code?
    /// Where it came from: a file, a peer, or this node.
    public let source: String
    /// When it arrived, in Unix milliseconds.
    public let arrived: UInt64
}

extension Replica {
    /// What the grants and revocations of a community mean, as this replica holds them.
    public func trust(of community: PublicKey) async throws -> Trust {
        try await reading("reading the grants of \(community.hex.prefix(16))…") { db in
            try ControlPlaneLoader.load(community, in: db).evaluate()
        }
    }

    /// Decides a delta against its community's control plane without writing anything: what
    /// applying it would decide. A grant or revocation is decided together with itself.
    public func verdict(for signed: SignedDelta) async throws -> Verdict {
        let delta = signed.delta
        let (loaded, binding) = try await reading("reading the grants of \(delta.community.hex.prefix(16))…") { db in
            (try ControlPlaneLoader.load(delta.community, in: db), try Self.subjectBinding(of: delta, in: db))
        }
        var plane = loaded
        if delta.kind.isGrantOrRevocation { try plane.insert(signed) }
        return Authorization.authorize(signed, subject: binding) { plane.evaluate() }
    }

    /// The subject key bound to the person record a delta writes, if any.
    static func subjectBinding(of delta: Delta, in db: Database) throws -> SubjectRules.Binding? {
        guard delta.kind == .person else { return nil }
        let kept = try Row.fetchAll(
            db,
            sql: """
                SELECT d.rowid, d.bytes FROM deltas d JOIN records r ON r.rowid = d.record JOIN scopes s ON s.id = r.scope
                WHERE s.community = ? AND s.kind = ? AND r.record_id = ?
                """,
            arguments: [
                Data(delta.community.bytes.bytes), Int64(RecordKind.person.rawValue), Data(delta.record.bytes.bytes),
            ]
        ).map { try StoredDelta.decode($0["bytes"] as Data, rowid: $0["rowid"]) }
        return SubjectRules.binding(among: kept)
    }

    /// The held deltas, oldest first: those waiting in quarantine, or also those refused.
    public func heldDeltas(includingRefused: Bool = false) async throws -> [HeldDelta] {
        try await reading("reading the quarantine") { db in
            let filter = includingRefused ? "" : " WHERE waiting = 1"
            return try Row.fetchAll(
                db,
                sql: "SELECT rowid, waiting, code, reason, source, arrived, bytes FROM held\(filter) ORDER BY rowid"
            ).map { row in
                let code: Int64 = row["code"]
                return HeldDelta(
                    signed: try StoredDelta.decode(row["bytes"] as Data, rowid: row["rowid"]),
                    isWaiting: row["waiting"],
                    reason: row["reason"],
                    code: DeltaError.Code(rawValue: UInt16(truncatingIfNeeded: code)),
                    source: row["source"],
                    arrived: UInt64(row["arrived"] as Int64)
                )
            }
        }
    }
}

extension Replica {
    /// How many deltas are held: waiting in quarantine, and refused.
    public func heldCounts() async throws -> (waiting: Int, refused: Int) {
        try await reading("counting the quarantine") { db in
            let row = try Row.fetchOne(
                db,
                sql: "SELECT coalesce(sum(waiting = 1), 0), coalesce(sum(waiting = 0), 0) FROM held"
            )!
            return (row[0], row[1])
        }
    }
}
