package import ArtelCore

/// Where a record kind is materialized: its table, and the column of each registered field.
///
/// Set fields and reference lists are stored as JSON arrays of text; references as
/// `<community hex>:<record hex>`; booleans as 0 or 1; timestamps as Unix milliseconds.
package struct MaterializedTable: Sendable {
    /// A registered field and its column.
    package struct Column: Sendable {
        /// The field.
        package let field: FieldSpec
        /// The column's name, unquoted.
        package let name: String
    }

    /// The kind.
    package let kind: RecordKind
    /// The table's name.
    package let name: String
    /// One column per registered field, in field id order.
    package let columns: [Column]

    private init(kind: RecordKind, name: String, renamed: [String: String] = [:]) {
        self.kind = kind
        self.name = name
        columns = kind.schema.fields.map { field in
            Column(field: field, name: renamed[field.name] ?? field.column)
        }
    }

    /// The table of a kind, or `nil` for control-plane kinds, which are not materialized.
    package static func of(_ kind: RecordKind) -> MaterializedTable? {
        switch kind {
        case .community: communities
        case .person: people
        case .membership: memberships
        case .tie: ties
        case .job: jobs
        case .digest: digests
        case .event: events
        case .grant, .revocation: nil
        }
    }

    /// Every materialized table.
    package static let all: [MaterializedTable] = [communities, people, memberships, ties, jobs, digests, events]

    static let communities = MaterializedTable(kind: .community, name: "communities")
    static let people = MaterializedTable(kind: .person, name: "people")
    // `community` names the owning community in every table, so the membership's field is renamed.
    static let memberships = MaterializedTable(kind: .membership, name: "memberships", renamed: ["community": "community_ref"])
    static let ties = MaterializedTable(kind: .tie, name: "ties")
    static let jobs = MaterializedTable(kind: .job, name: "jobs")
    static let digests = MaterializedTable(kind: .digest, name: "digests")
    static let events = MaterializedTable(kind: .event, name: "events")

    /// The columns every table has before its fields.
    package static let metaColumns = ["rowid", "community", "record_id", "updated", "expiry"]

    /// `INSERT` of a full row, meta columns first.
    var insertSQL: String {
        let names = (Self.metaColumns + columns.map(\.name)).map { "\"\($0)\"" }
        let placeholders = Array(repeating: "?", count: names.count).joined(separator: ", ")
        return "INSERT INTO \(name) (\(names.joined(separator: ", "))) VALUES (\(placeholders))"
    }

    /// `UPDATE` of every column but the row id, which is bound last.
    var updateSQL: String {
        let names = Self.metaColumns.dropFirst() + columns.map(\.name)
        let assignments = names.map { "\"\($0)\" = ?" }.joined(separator: ", ")
        return "UPDATE \(name) SET \(assignments) WHERE rowid = ?"
    }

    /// `DELETE` of one row by row id.
    var deleteSQL: String { "DELETE FROM \(name) WHERE rowid = ?" }
}
