public import ArtelCore
import Foundation
import GRDB

/// A record read back from its kept deltas, tombstones included.
public struct StoredRecord: Sendable {
    /// The kind.
    public let kind: RecordKind
    /// The community.
    public let community: PublicKey
    /// The record id.
    public let id: RecordID
    /// The merge of its kept deltas.
    public let state: RecordState

    /// The record as people see it, or `nil` when it has been deleted.
    public var view: RecordView? {
        state.isDeleted ? nil : RecordView(kind: kind, community: community, id: id, state: state)
    }

    /// The kept deltas, oldest first.
    public var deltas: [SignedDelta] { state.kept.values.sorted { Stamp($0) < Stamp($1) } }

    /// The reference to the record.
    public var reference: Reference { Reference(community: community, record: id) }

    /// Reads a record by row id from its kept deltas; `nil` when it has none.
    static func load(rowid: Int64, in db: Database) throws -> StoredRecord? {
        // Lists and exports load thousands of records: the statements are prepared once per connection.
        guard
            let identity = try Row.fetchOne(
                db.cachedStatement(
                    sql: "SELECT s.community, s.kind, r.record_id FROM records r JOIN scopes s ON s.id = r.scope "
                        + "WHERE r.rowid = ?"
                ),
                arguments: [rowid]
            ), let kind = RecordKind(rawValue: UInt8(truncatingIfNeeded: identity[1] as Int64))
        else { return nil }
        let deltas = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT rowid, bytes FROM deltas WHERE record = ?"),
            arguments: [rowid]
        )
        .map { try StoredDelta.decode($0["bytes"], rowid: $0["rowid"]) }
        guard !deltas.isEmpty else { return nil }
        return StoredRecord(
            kind: kind,
            community: PublicKey(Bytes32(identity[0] as Data)!),
            id: RecordID(Bytes16(identity[2] as Data)!),
            state: RecordState(merging: deltas)
        )
    }
}

extension Replica {
    /// Finds the records of a kind whose id starts with a hex prefix.
    ///
    /// - Parameters:
    ///   - kind: the kind.
    ///   - prefix: 1 to 32 hex digits.
    ///   - community: only in this community, when given.
    /// - Returns: the matching references, at most `limit`.
    public func findRecords(
        _ kind: RecordKind,
        idPrefix prefix: String,
        in community: PublicKey? = nil,
        limit: Int = 10
    ) async throws -> [Reference] {
        guard prefix.count <= 32, Hex.isHexDigits(prefix) else {
            throw StoreError(.invalidInput, "\"\(prefix.prefix(40))\" is not a record id: ids are up to 32 hex digits")
        }
        let padding = 32 - prefix.count
        let lower = Data(Hex.decode(prefix + String(repeating: "0", count: padding))!)
        let upper = Data(Hex.decode(prefix + String(repeating: "f", count: padding))!)
        var sql = """
            SELECT s.community, r.record_id FROM records r JOIN scopes s ON s.id = r.scope
            WHERE s.kind = ? AND r.record_id BETWEEN ? AND ?
            """
        var arguments: StatementArguments = [Int64(kind.rawValue), lower, upper]
        if let community {
            sql += " AND s.community = ?"
            _ = arguments.append(contentsOf: [Data(community.bytes.bytes)])
        }
        sql += " LIMIT ?"
        _ = arguments.append(contentsOf: [limit])
        return try await reading("finding \(kind) \(prefix)") { [sql, arguments] db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                Reference(community: PublicKey(Bytes32(row[0] as Data)!), record: RecordID(Bytes16(row[1] as Data)!))
            }
        }
    }

    /// Reads a record from its kept deltas.
    ///
    /// - Returns: the record, or `nil` when the replica keeps no delta of it.
    public func record(_ kind: RecordKind, _ reference: Reference) async throws -> StoredRecord? {
        try await reading("reading \(kind) \(reference.record)") { db in
            let rowid = try Int64.fetchOne(
                db,
                sql: """
                    SELECT r.rowid FROM records r JOIN scopes s ON s.id = r.scope
                    WHERE s.community = ? AND s.kind = ? AND r.record_id = ?
                    """,
                arguments: [
                    Data(reference.community.bytes.bytes), Int64(kind.rawValue), Data(reference.record.bytes.bytes),
                ]
            )
            return try rowid.flatMap { try StoredRecord.load(rowid: $0, in: db) }
        }
    }

    /// The node's hybrid logical clock as last stored.
    public func clock() async throws -> HybridLogicalClock {
        try await reading("reading the clock") { try NodeState.clock(in: $0) }
    }
}
