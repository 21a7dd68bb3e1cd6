public import ArtelCore
import Foundation
import GRDB

/// The log of refused deltas: why each was refused, when, and from where. It keeps the latest
/// ``capacity`` entries, so a peer sending garbage cannot fill the disk.
enum RefusalLog {
    /// How many refusals are kept.
    static let capacity = 10_000

    static func record(_ refusals: [Refusal], at now: UInt64, source: String, in db: Database) throws {
        guard !refusals.isEmpty else { return }
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO refusals (at, source, code, reason, message, delta_id, kind, community, author, record_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        )
        for refusal in refusals {
            let delta = refusal.delta
            try insert.execute(arguments: [
                Int64(now), source, Int64(refusal.error.code.rawValue), refusal.error.code.name, refusal.error.message,
                refusal.id.map { Data($0.bytes.bytes) }, delta.map { Int64($0.kind.rawValue) },
                delta.map { Data($0.community.bytes.bytes) }, delta.map { Data($0.author.bytes.bytes) },
                delta.map { Data($0.record.bytes.bytes) },
            ])
        }
        try db.execute(
            sql: "DELETE FROM refusals WHERE rowid <= (SELECT max(rowid) FROM refusals) - ?",
            arguments: [capacity]
        )
    }
}

/// A refused delta as the log remembers it.
public struct LoggedRefusal: Sendable {
    /// When it was refused, in Unix milliseconds.
    public let at: UInt64
    /// Where it came from.
    public let source: String
    /// Why.
    public let code: DeltaError.Code?
    /// The reason's name, as stored (kept even when a later version drops the code).
    public let reason: String
    /// What was wrong.
    public let message: String
    /// The delta's id, when it could be decoded.
    public let id: DeltaID?
    /// The delta's kind, when it could be decoded.
    public let kind: RecordKind?
    /// The delta's author, when it could be decoded.
    public let author: PublicKey?
}

extension Replica {
    /// The latest refusals, newest first.
    ///
    /// - Parameters:
    ///   - limit: how many to return.
    ///   - source: only those from sources that start with this (`peer 3d4017c3`, `file `).
    public func refusals(limit: Int, source: String? = nil) async throws -> [LoggedRefusal] {
        try await reading("reading the refusal log") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT at, source, code, reason, message, delta_id, kind, author FROM refusals
                    WHERE substr(source, 1, length(?1)) = ?1 ORDER BY rowid DESC LIMIT ?2
                    """,
                arguments: [source ?? "", limit]
            ).map { row in
                LoggedRefusal(
                    at: UInt64(row["at"] as Int64),
                    source: row["source"],
                    code: DeltaError.Code(rawValue: UInt16(truncatingIfNeeded: row["code"] as Int64)),
                    reason: row["reason"],
                    message: row["message"],
                    id: (row["delta_id"] as Data?).flatMap { Bytes32($0) }.map(DeltaID.init),
                    kind: (row["kind"] as Int64?).flatMap { RecordKind(rawValue: UInt8(truncatingIfNeeded: $0)) },
                    author: (row["author"] as Data?).flatMap { Bytes32($0) }.map(PublicKey.init)
                )
            }
        }
    }

    /// How many refusals the log holds per source and per reason, most first.
    ///
    /// - Parameter source: only those from sources that start with this.
    public func refusalCounts(
        source: String? = nil
    ) async throws -> (bySource: [(String, Int)], byReason: [(String, Int)]) {
        try await reading("counting the refusal log") { db in
            func counts(_ column: String) throws -> [(String, Int)] {
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT \(column), count(*) FROM refusals WHERE substr(source, 1, length(?1)) = ?1
                        GROUP BY \(column) ORDER BY count(*) DESC, \(column)
                        """,
                    arguments: [source ?? ""]
                ).map { ($0[0], $0[1]) }
            }
            return (try counts("source"), try counts("reason"))
        }
    }
}
