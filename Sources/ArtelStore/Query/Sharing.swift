import GRDB

/// What may leave this node (DESIGN §6), decided here and nowhere else: the deltas of a record whose
/// visibility is `private` are never offered in reconciliation, sent in answer to a `want`, or
/// pushed. `private_records` lists those records; the materializer keeps it in step.
///
/// A record made private after it was shared stays with the peers that already hold it; they
/// receive nothing more of it.
enum Sharing {
    /// The condition on a `deltas` row, aliased `d`, under which it may leave the node.
    static let condition = "d.record NOT IN (SELECT record FROM private_records)"

    /// Whether the replica holds any private record.
    static func holdsPrivateRecords(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM private_records)") ?? false
    }
}
