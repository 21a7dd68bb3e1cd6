package import ArtelCore

/// Where a record kind is materialized: its table, the fields it keeps as columns for filtering and
/// sorting, and the fields its full-text index covers.
///
/// A row holds the record's row id, its scope, when it was last updated and when it expires, then
/// one column per materialized field. Set fields and reference lists are JSON arrays of text;
/// references are `<community hex>:<record hex>`; booleans 0 or 1; timestamps Unix milliseconds.
/// Whole records are read from their deltas, so long text is not copied into the table.
package final class MaterializedTable: Sendable {
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
    /// The materialized fields, in table order.
    package let columns: [Column]
    /// The full-text index, for jobs and events.
    package let searchIndex: String?
    /// The fields the full-text index covers, in its column order.
    let searchFields: [FieldSpec]
    /// Whether the full-text index has a last column, `facets`, for ``SearchFacets``.
    let searchFacets: Bool

    /// `INSERT` of a full row: parameter 1 is the row id, then the meta columns, then the fields.
    let insertSQL: String
    /// `UPDATE` of a full row, with the same parameters as ``insertSQL``.
    let updateSQL: String
    /// `DELETE` of one row; parameter 1 is the row id.
    let deleteSQL: String
    /// Indexes a record's text: parameter 1 is the row id, then the text of ``searchFields``.
    let indexSQL: String?
    /// Removes a record's text from the index, with the same parameters as ``indexSQL``.
    let unindexSQL: String?

    /// The columns every table has before its fields.
    package static let metaColumns = ["rowid", "scope", "updated", "expiry"]

    private init(
        kind: RecordKind,
        name: String,
        columns fieldNames: [String],
        renamed: [String: String] = [:],
        search: [String] = [],
        facets: Bool = false
    ) {
        let schema = kind.schema
        self.kind = kind
        self.name = name
        columns = fieldNames.map { Column(field: schema[$0], name: renamed[$0] ?? schema[$0].column) }
        searchFields = search.map { schema[$0] }
        searchFacets = facets
        let names = (Self.metaColumns + columns.map(\.name)).map { "\"\($0)\"" }
        let parameters = names.indices.map { "?\($0 + 1)" }
        insertSQL =
            "INSERT INTO \(name) (\(names.joined(separator: ", "))) VALUES (\(parameters.joined(separator: ", ")))"
        updateSQL =
            "UPDATE \(name) SET "
            + zip(names, parameters).dropFirst().map { "\($0) = \($1)" }.joined(separator: ", ") + " WHERE rowid = ?1"
        deleteSQL = "DELETE FROM \(name) WHERE rowid = ?1"
        guard !search.isEmpty else {
            searchIndex = nil
            indexSQL = nil
            unindexSQL = nil
            return
        }
        // FTS5 is fed bound values: inserting through INSERT … SELECT or triggers is three times slower.
        let index = "\(name)_search"
        let list = (searchFields.map(\.column) + (facets ? ["facets"] : [])).joined(separator: ", ")
        let values = (1...search.count + (facets ? 2 : 1)).map { "?\($0)" }.joined(separator: ", ")
        searchIndex = index
        indexSQL = "INSERT INTO \(index) (rowid, \(list)) VALUES (\(values))"
        unindexSQL = "INSERT INTO \(index) (\(index), rowid, \(list)) VALUES ('delete', \(values))"
    }

    /// The `fts5vocab` table that lists the words of a full-text index (``SearchMatch``).
    package static func terms(of index: String) -> String { "\(index)_terms" }

    /// The table of a kind, or `nil` for control-plane kinds, which are not materialized.
    package static func of(_ kind: RecordKind) -> MaterializedTable? {
        byKind[Int(kind.rawValue)]
    }

    /// The tables by their kind's raw value: found on every applied delta, without hashing.
    private static let byKind: [MaterializedTable?] = (0...Int(RecordKind.allCases.map(\.rawValue).max()!)).map {
        raw in all.first { $0.kind.rawValue == raw }
    }

    /// Every materialized table.
    package static let all: [MaterializedTable] = [
        MaterializedTable(
            kind: .community,
            name: "communities",
            columns: ["name", "kind", "area", "topics", "language", "visibility"]
        ),
        MaterializedTable(
            kind: .person,
            name: "people",
            columns: [
                "display_name", "locality", "topics", "languages", "visibility", "consent.profile",
                "consent.memberships", "consent.ties",
            ]
        ),
        // `community` would be ambiguous beside the scope's community, so the membership's field is renamed.
        MaterializedTable(
            kind: .membership,
            name: "memberships",
            columns: [
                "person", "community", "roles", "since", "until", "confirmed_by_person", "confirmed_by_community",
                "visibility",
            ],
            renamed: ["community": "community_ref"]
        ),
        MaterializedTable(
            kind: .tie,
            name: "ties",
            columns: ["from", "to", "type", "context", "since", "from_confirmed", "to_confirmed", "visibility"]
        ),
        MaterializedTable(
            kind: .job,
            name: "jobs",
            columns: [
                "title", "employer", "salary_min", "salary_max", "salary_currency", "salary_period", "employment",
                "work_mode", "location.country", "location.city", "tags", "date_posted", "valid_through", "status",
                "visibility", "salary_gross", "apply_url", "sources",
            ],
            search: ["title", "employer", "description", "duties", "requirements", "skills", "tags", "location.city"],
            facets: true
        ),
        MaterializedTable(
            kind: .digest,
            name: "digests",
            columns: ["title", "period_start", "period_end", "tags", "visibility"]
        ),
        MaterializedTable(
            kind: .event,
            name: "events",
            columns: [
                "title", "type", "start", "end", "attendance", "place.city", "status", "language", "tags", "visibility",
                "recurrence",
            ],
            search: ["title", "description", "place.name", "place.city", "tags"]
        ),
    ]
}
