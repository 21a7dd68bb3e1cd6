public import ArtelCore
import Foundation
import GRDB

/// A record this node hides (`artel hide`, or a moderator on the site).
public struct HiddenRecord: Sendable, Equatable {
    /// Its kind.
    public let kind: RecordKind
    /// Its community and id.
    public let reference: Reference
    /// When it was hidden, in Unix milliseconds.
    public let at: UInt64
}

extension RecordKind {
    /// The kinds of record a node may hide: every kind people read.
    public static let hideable: [RecordKind] = [.job, .event, .digest, .person, .membership, .tie, .community]
}

extension Replica {
    /// The records of any of some kinds whose id starts with a prefix, with their kinds: what
    /// `artel hide 0193ab` and a moderator's form find a record by.
    ///
    /// - Parameters:
    ///   - kinds: the kinds to look in.
    ///   - prefix: up to 32 lower-case hex digits.
    /// - Throws: ``StoreError`` `invalidInput` for a prefix that is not hex.
    public func findRecords(
        among kinds: [RecordKind],
        idPrefix prefix: String
    ) async throws -> [(kind: RecordKind, reference: Reference)] {
        var matches: [(kind: RecordKind, reference: Reference)] = []
        for kind in kinds {
            matches += try await findRecords(kind, idPrefix: prefix).map { (kind: kind, reference: $0) }
        }
        return matches
    }

    /// Every hidden record, the latest hidden first.
    public func hiddenRecords() async throws -> [HiddenRecord] {
        try await reading("reading the hidden records") { db in
            try Row.fetchAll(db, sql: "SELECT community, kind, record_id, at FROM hidden ORDER BY at DESC").compactMap {
                row in
                guard let kind = RecordKind(rawValue: UInt8(truncatingIfNeeded: row["kind"] as Int64)) else {
                    return nil
                }
                return HiddenRecord(
                    kind: kind,
                    reference: Reference(
                        community: PublicKey(Bytes32(row["community"] as Data)!),
                        record: RecordID(Bytes16(row["record_id"] as Data)!)
                    ),
                    at: UInt64(row["at"] as Int64)
                )
            }
        }
    }
}
