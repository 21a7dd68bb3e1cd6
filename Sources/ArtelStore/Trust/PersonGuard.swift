import ArtelCore
import Foundation
import GRDB

/// The people rules of an apply transaction (DESIGN §6): a person's subject key writes their record
/// and alone changes their consent and visibility (``SubjectRules``); a deleted person takes the
/// memberships and ties that name them along, and a stale node cannot bring those back
/// (`erased_records` remembers the person and those records).
struct PersonGuard {
    private let db: Database
    private var erasures: Bool?

    private static let membershipPerson = RecordKind.membership.schema["person"].id
    private static let tieEnds = [RecordKind.tie.schema["from"].id, RecordKind.tie.schema["to"].id]

    init(db: Database) {
        self.db = db
    }

    /// Why a membership or tie delta is refused because of an erasure: its record was erased, or it
    /// names an erased person.
    mutating func erasure(of signed: SignedDelta) throws -> DeltaError? {
        let delta = signed.delta
        let fields: [FieldID]
        switch delta.kind {
        case .membership: fields = [Self.membershipPerson]
        case .tie: fields = Self.tieEnds
        default: return nil
        }
        guard try holdsErasures() else { return nil }
        if try isErased(delta.scope, delta.record) {
            return DeltaError(.erased, "this \(delta.kind) named a person who was erased")
        }
        for field in fields {
            guard case .reference(let person)? = delta.value(setting: field) else { continue }
            if try isErased(Scope(community: person.community, kind: .person), person.record) {
                return DeltaError(.erased, "person \(person.record.hex.prefix(12)) was erased")
            }
        }
        return nil
    }

    /// The subject key of a person record, as the batch has it so far.
    func binding(of delta: Delta, in writer: inout BatchWriter) throws -> SubjectRules.Binding? {
        guard delta.kind == .person else { return nil }
        return SubjectRules.binding(in: try writer.state(of: delta.scope, record: delta.record))
    }

    /// Takes out the memberships and ties that name a deleted person, and remembers the person and
    /// their records so that those are refused when offered again.
    mutating func erase(_ person: Reference, in writer: inout BatchWriter, now: UInt64) throws -> [SignedDelta] {
        try remember(Scope(community: person.community, kind: .person), person.record, now: now)
        var targets: [(Scope, RecordID)] = []
        let text = person.description
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT s.community, s.kind, r.record_id FROM records r JOIN scopes s ON s.id = r.scope
                WHERE r.rowid IN (SELECT rowid FROM memberships WHERE person = ?1
                                  UNION SELECT rowid FROM ties WHERE "from" = ?1 OR "to" = ?1)
                """,
            arguments: [text]
        )
        for row in rows {
            guard let kind = RecordKind(rawValue: UInt8(truncatingIfNeeded: row[1] as Int64)) else { continue }
            targets.append(
                (Scope(community: PublicKey(Bytes32(row[0] as Data)!), kind: kind), RecordID(Bytes16(row[2] as Data)!))
            )
        }
        // Memberships and ties merged earlier in this batch have no row yet.
        for kind in [RecordKind.membership, .tie] {
            for touched in writer.changed(kind) where names(touched.state, person, kind: kind) {
                targets.append((touched.scope, touched.record))
            }
        }
        var withdrawn: [SignedDelta] = []
        var seen: Set<RecordID> = []
        for (scope, record) in targets where seen.insert(record).inserted {
            let state = try writer.state(of: scope, record: record)
            for signed in state.kept.values {
                try writer.evict(signed)
                withdrawn.append(signed)
            }
            try remember(scope, record, now: now)
        }
        return withdrawn
    }

    private mutating func remember(_ scope: Scope, _ record: RecordID, now: UInt64) throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO erased_records (community, kind, record_id, at) VALUES (?, ?, ?, ?)",
            arguments: [
                Data(scope.community.bytes.bytes), Int64(scope.kind.rawValue), Data(record.bytes.bytes), Int64(now),
            ]
        )
        erasures = true
    }

    /// Whether anything was ever erased: most replicas never erase, and then nothing is looked up.
    private mutating func holdsErasures() throws -> Bool {
        if let erasures { return erasures }
        let found = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM erased_records)") ?? false
        erasures = found
        return found
    }

    private func names(_ state: RecordState, _ person: Reference, kind: RecordKind) -> Bool {
        let fields = kind == .membership ? [Self.membershipPerson] : Self.tieEnds
        return fields.contains { state.value(of: $0) == .reference(person) }
    }

    private func isErased(_ scope: Scope, _ record: RecordID) throws -> Bool {
        let statement = try db.cachedStatement(
            sql: "SELECT 1 FROM erased_records WHERE community = ? AND kind = ? AND record_id = ?"
        )
        return try Bool.fetchOne(
            statement,
            arguments: [Data(scope.community.bytes.bytes), Int64(scope.kind.rawValue), Data(record.bytes.bytes)]
        ) ?? false
    }
}
