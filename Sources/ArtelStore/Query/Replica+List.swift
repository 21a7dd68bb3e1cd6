import ArtelCore
import Foundation
import GRDB

extension Replica {
    /// Lists materialized records matching a query.
    ///
    /// - Parameter query: the filters.
    /// - Returns: the matching records, in the kind's natural order (jobs newest first, events by
    ///   start, digests by period, communities and people by name).
    /// - Throws: ``StoreError`` with code `invalidInput` when a filter does not apply to the kind.
    public func list(_ query: RecordQuery) async throws -> [RecordView] {
        try await records(query).compactMap(\.view)
    }

    /// The stored records matching a query, with their merged state, in the order of ``list(_:)``.
    public func records(_ query: RecordQuery) async throws -> [StoredRecord] {
        let sql = try ListSQL(query: query)
        return try await reading("listing \(sql.table)") { db in
            try Int64.fetchAll(db, sql: sql.text, arguments: sql.arguments).compactMap { rowid in
                try StoredRecord.load(rowid: rowid, in: db)
            }
        }
    }

    /// A page of the records matching a query, and how many match in all.
    public func page(_ query: RecordQuery) async throws -> (views: [RecordView], total: Int) {
        let (records, total) = try await recordsPage(query)
        return (records.compactMap(\.view), total)
    }

    /// ``page(_:)`` with each record's merged state, for readers that need more than its view.
    ///
    /// A search counts its matches in the same pass that pages them, since a second pass would
    /// search the full-text index again; a list without words counts in a statement of its own
    /// and pages along the kind's ordering index, stopping at the page's last row, which costs a
    /// fifth of sorting every match to count them on the way.
    public func recordsPage(_ query: RecordQuery) async throws -> (records: [StoredRecord], total: Int) {
        let sql = try ListSQL(query: query, totals: true)
        let (records, total) = try await reading("listing \(sql.table)") { db in
            guard sql.searches else {
                let count = try ListSQL(query: query, counting: true)
                let total = try Int.fetchOne(db, sql: count.text, arguments: count.arguments) ?? 0
                let rowids = try Int64.fetchAll(db, sql: sql.text, arguments: sql.arguments)
                return (try rowids.compactMap { try StoredRecord.load(rowid: $0, in: db) }, Optional(total))
            }
            var total: Int?
            let records = try Row.fetchAll(db, sql: sql.text, arguments: sql.arguments).compactMap { row in
                total = row[1]
                return try StoredRecord.load(rowid: row[0], in: db)
            }
            return (records, total)
        }
        // A page past the last match has no row to carry the total.
        if let total { return (records, total) }
        return (records, try await count(query))
    }

    /// Counts the materialized records matching a query (ignoring its limit and offset).
    public func count(_ query: RecordQuery) async throws -> Int {
        guard MaterializedTable.of(query.kind) != nil else { return 0 }
        let sql = try ListSQL(query: query, counting: true)
        return try await reading("counting \(sql.table)") { db in
            try Int.fetchOne(db, sql: sql.text, arguments: sql.arguments) ?? 0
        }
    }

    /// Checks that every filter of a query applies to its kind, without reading anything.
    ///
    /// - Throws: ``StoreError`` with code `invalidInput`, as ``list(_:)`` would.
    public func check(_ query: RecordQuery) throws {
        _ = try ListSQL(query: query)
    }
}

/// The SQL of a ``RecordQuery``.
struct ListSQL {
    /// The materialized table it reads.
    let table: String
    /// Whether it searches a full-text index for words.
    let searches: Bool
    private(set) var text: String
    private(set) var arguments = StatementArguments()
    private var conditions: [String] = []

    /// The SQL of `query`: a count when `counting`, else the matching rows, with the count of all
    /// matches beside each when `totals` and the query searches for words (see ``searches``).
    init(query: RecordQuery, counting: Bool = false, totals: Bool = false) throws {
        guard let table = MaterializedTable.of(query.kind) else {
            throw StoreError(.invalidInput, "\(query.kind) records are not listed")
        }
        self.table = table.name
        let kind = query.kind
        let words = query.text.map(SearchText.words) ?? []
        searches = !words.isEmpty && table.searchIndex != nil
        text = (counting ? "SELECT count(*)" : Self.selectRows) + " FROM \(table.name) AS r"
        // Records the operator hid (`artel hide`) are left out of every list that does not ask for
        // them. The hidden rows are found once per query, not once per matching row, and not looked
        // for at all while nothing is hidden.
        if !query.includingHidden {
            conditions.append(
                "(NOT EXISTS (SELECT 1 FROM hidden) OR r.rowid NOT IN (SELECT rec.rowid FROM hidden h "
                    + "JOIN records rec ON rec.record_id = h.record_id "
                    + "JOIN scopes s ON s.id = rec.scope AND s.community = h.community AND s.kind = h.kind))"
            )
        }

        if !words.isEmpty {
            if let index = table.searchIndex {
                text += " JOIN \(index) ON \(index).rowid = r.rowid"
                let match = SearchMatch(
                    words: words,
                    facets: table.searchFacets ? SearchFacets.terms(for: query) : [],
                    terms: MaterializedTable.terms(of: index)
                )
                conditions.append("\(index) MATCH (\(match.sql))")
                _ = arguments.append(contentsOf: StatementArguments(match.arguments))
            } else {
                let column = try Self.column(for: "text", kind: kind, among: Self.nameColumn)
                for word in words {
                    require(
                        "\(SearchText.functionName)(r.\(column)) LIKE ? ESCAPE '\\'",
                        "%" + Self.escapeLike(word.lowercased()) + "%"
                    )
                }
            }
        }
        if !query.communities.isEmpty {
            let placeholders = Array(repeating: "?", count: query.communities.count).joined(separator: ", ")
            conditions.append(
                "r.scope IN (SELECT id FROM scopes WHERE kind = \(kind.rawValue) AND community IN (\(placeholders)))"
            )
            _ = arguments.append(contentsOf: StatementArguments(query.communities.map { Data($0.bytes.bytes) }))
        }
        if !query.tags.isEmpty {
            let column = try Self.column(
                for: "tags",
                kind: kind,
                among: [.job: "tags", .event: "tags", .digest: "tags", .community: "topics", .person: "topics"]
            )
            for tag in query.tags {
                require("EXISTS (SELECT 1 FROM json_each(r.\(column)) WHERE value = ?)", tag)
            }
        }
        if !query.workModes.isEmpty {
            _ = try Self.column(for: "work mode", kind: kind, among: [.job: "work_mode"])
            for mode in query.workModes {
                try Self.checkAllowed(mode, filter: "work_mode", field: "work_mode", of: kind)
            }
            requireAny("r.work_mode", query.workModes)
        }
        if !query.attendances.isEmpty {
            _ = try Self.column(for: "attendance", kind: kind, among: [.event: "attendance"])
            for attendance in query.attendances {
                try Self.checkAllowed(attendance, filter: "attendance", field: "attendance", of: kind)
            }
            requireAny("r.attendance", query.attendances)
        }
        if !query.employments.isEmpty {
            _ = try Self.column(for: "employment", kind: kind, among: [.job: "employment"])
            for employment in query.employments {
                try Self.checkAllowed(employment, filter: "employment", field: "employment", of: kind)
            }
            let placeholders = Array(repeating: "?", count: query.employments.count).joined(separator: ", ")
            conditions.append("EXISTS (SELECT 1 FROM json_each(r.employment) WHERE value IN (\(placeholders)))")
            _ = arguments.append(contentsOf: StatementArguments(query.employments))
        }
        if !query.cities.isEmpty {
            _ = try Self.column(for: "city", kind: kind, among: [.job: "location_city"])
            requireAny(
                "\(SearchText.functionName)(r.location_city)",
                query.cities.map { SearchText.fold($0).lowercased() }
            )
        }
        if !query.applyLinks.isEmpty {
            _ = try Self.column(for: "apply link", kind: kind, among: [.job: "apply_url"])
            requireAny("r.apply_url", query.applyLinks)
        }
        if query.salaryAtLeast != nil || query.salaryAtMost != nil || query.currency != nil {
            _ = try Self.column(for: "salary", kind: kind, among: [.job: "salary_min"])
        }
        if let least = query.salaryAtLeast { require("coalesce(r.salary_max, r.salary_min) >= ?", least) }
        if let most = query.salaryAtMost { require("coalesce(r.salary_min, r.salary_max) <= ?", most) }
        if let currency = query.currency { require("r.salary_currency = ?", currency) }
        if query.from != nil || query.until != nil {
            let (start, end) = try Self.dateColumns(kind)
            // A repeating event may have occurrences after its first has ended: readers expand it.
            let repeats = kind == .event ? " OR r.recurrence IS NOT NULL" : ""
            if let from = query.from { require("(coalesce(\(end), \(start)) >= ?\(repeats))", from) }
            if let until = query.until { require("\(start) <= ?", until) }
        }
        if let status = query.status {
            _ = try Self.column(for: "status", kind: kind, among: [.job: "status", .event: "status"])
            try Self.checkAllowed(status, filter: "status", field: "status", of: kind)
            require("coalesce(r.status, '\(kind == .job ? "open" : "scheduled")') = ?", status)
        }
        if let moment = query.openAt {
            _ = try Self.column(for: "open", kind: kind, among: [.job: "status"])
            require("coalesce(r.status, 'open') = 'open' AND (r.valid_through IS NULL OR r.valid_through >= ?)", moment)
        }
        if let type = query.type {
            let column = try Self.column(
                for: "type",
                kind: kind,
                among: [.event: "type", .community: "kind", .tie: "type"]
            )
            try Self.checkAllowed(type, filter: "type", field: column, of: kind)
            require("r.\(column) = ?", type)
        }
        if let person = query.person {
            switch kind {
            case .membership: require("r.person = ?", person.description)
            case .tie: require("(r.\"from\" = ? OR r.\"to\" = ?)", person.description, person.description)
            default:
                throw StoreError(
                    .invalidInput,
                    "the person filter applies to memberships and ties, not \(kind) records"
                )
            }
        }
        if !query.records.isEmpty {
            let placeholders = Array(repeating: "?", count: query.records.count).joined(separator: ", ")
            conditions.append("r.rowid IN (SELECT rowid FROM records WHERE record_id IN (\(placeholders)))")
            _ = arguments.append(contentsOf: StatementArguments(query.records.map { Data($0.bytes.bytes) }))
        }
        if !query.visibilities.isEmpty {
            requireAny(Self.effectiveVisibility(kind), query.visibilities.map(\.rawValue))
        }
        if !counting {
            var keys: [SortKey] = []
            if query.order == .salary {
                _ = try Self.column(for: "salary order", kind: kind, among: [.job: "salary_max"])
                keys = [
                    SortKey("coalesce(r.salary_max, r.salary_min) IS NULL"),
                    SortKey("coalesce(r.salary_max, r.salary_min)", " DESC"),
                ]
            }
            keys += Self.order[kind]! + [SortKey("r.rowid")]
            if totals && searches {
                // The matches are kept once and counted there, which costs less than a window
                // function over them; the page is then sorted from what was kept.
                let named = keys.indices.map { "\(keys[$0].expression) AS k\($0)" }.joined(separator: ", ")
                text = "WITH m AS MATERIALIZED (SELECT \(named)\(text.dropFirst(Self.selectRows.count))\(whereClause))"
                text += " SELECT k\(keys.count - 1), (SELECT count(*) FROM m) FROM m ORDER BY "
                text += keys.indices.map { "k\($0)\(keys[$0].suffix)" }.joined(separator: ", ")
            } else {
                text += whereClause + " ORDER BY " + keys.map { $0.expression + $0.suffix }.joined(separator: ", ")
            }
            text += " LIMIT ? OFFSET ?"
            _ = arguments.append(contentsOf: [query.limit, query.offset])
        } else {
            text += whereClause
        }
    }

    /// One term of an `ORDER BY`: an expression, and what follows it (` DESC`, a collation).
    struct SortKey {
        let expression: String
        let suffix: String

        init(_ expression: String, _ suffix: String = "") {
            self.expression = expression
            self.suffix = suffix
        }
    }

    /// The `WHERE` clause of the conditions, or nothing.
    private var whereClause: String { conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ") }

    private mutating func require(_ condition: String, _ values: any DatabaseValueConvertible...) {
        conditions.append(condition)
        _ = arguments.append(contentsOf: StatementArguments(values))
    }

    private mutating func requireAny(_ expression: String, _ values: [any DatabaseValueConvertible]) {
        let placeholders = Array(repeating: "?", count: values.count).joined(separator: ", ")
        conditions.append("\(expression) IN (\(placeholders))")
        _ = arguments.append(contentsOf: StatementArguments(values))
    }

    /// The visibility a record is shown with (DESIGN §6): its own, else its kind's default. A
    /// public record that people have not agreed to show counts as `federation`: a person whose
    /// `consent.profile` is false; a membership whose person is not shown publicly or withheld
    /// `consent.memberships`; a tie not confirmed by both people, or naming one who is not shown
    /// publicly or withheld `consent.ties`. Consent not given either way counts as given.
    static func effectiveVisibility(_ kind: RecordKind) -> String {
        let stated = "coalesce(r.visibility, '\(defaultVisibility(kind).rawValue)')"
        let withheld: String
        switch kind {
        case .person:
            withheld = "coalesce(r.consent_profile, 1) = 0"
        case .membership:
            withheld = "NOT \(publicPerson(named: "r.person", consenting: "consent_memberships"))"
        case .tie:
            withheld =
                "NOT (coalesce(r.from_confirmed, 0) AND coalesce(r.to_confirmed, 0)) OR NOT "
                + publicPerson(named: "r.\"from\"", consenting: "consent_ties") + " OR NOT "
                + publicPerson(named: "r.\"to\"", consenting: "consent_ties")
        default:
            return stated
        }
        return "CASE WHEN \(stated) = 'public' AND (\(withheld)) THEN 'federation' ELSE \(stated) END"
    }

    /// Whether the person a reference column names is held here, shown publicly, and has not
    /// withheld the consent `column`.
    private static func publicPerson(named reference: String, consenting column: String) -> String {
        """
        EXISTS (SELECT 1 FROM people p JOIN records pr ON pr.rowid = p.rowid JOIN scopes ps ON ps.id = pr.scope
        WHERE lower(hex(ps.community)) || ':' || lower(hex(pr.record_id)) = \(reference)
        AND coalesce(p.visibility, '\(defaultVisibility(.person).rawValue)') = 'public'
        AND coalesce(p.consent_profile, 1) = 1 AND coalesce(p.\(column), 1) = 1)
        """
    }

    /// The visibility a record has when it does not say (DESIGN §6).
    static func defaultVisibility(_ kind: RecordKind) -> Visibility {
        switch kind {
        case .person, .membership, .tie: .federation
        default: .public
        }
    }

    private static let nameColumn: [RecordKind: String] = [
        .community: "name", .person: "display_name", .digest: "title",
    ]
    private static let order: [RecordKind: [SortKey]] = [
        .job: [SortKey("coalesce(r.date_posted, r.updated)", " DESC")], .event: [SortKey("r.start")],
        .digest: [SortKey("r.period_start", " DESC")], .community: [SortKey("r.name", " COLLATE NOCASE")],
        .person: [SortKey("r.display_name", " COLLATE NOCASE")], .membership: [SortKey("r.updated", " DESC")],
        .tie: [SortKey("r.updated", " DESC")],
    ]

    /// How a list's statement begins, before a search's materialized matches replace it.
    private static let selectRows = "SELECT r.rowid"

    private static func dateColumns(_ kind: RecordKind) throws -> (start: String, end: String) {
        switch kind {
        case .job: ("coalesce(r.date_posted, r.updated)", "coalesce(r.date_posted, r.updated)")
        case .event: ("r.start", "r.\"end\"")
        case .digest: ("r.period_start", "r.period_end")
        default: throw StoreError(.invalidInput, "date filters apply to jobs, events and digests, not \(kind) records")
        }
    }

    private static func column(
        for filter: String,
        kind: RecordKind,
        among columns: [RecordKind: String]
    ) throws -> String {
        guard let column = columns[kind] else {
            throw StoreError(.invalidInput, "the \(filter) filter does not apply to \(kind) records")
        }
        return column
    }

    /// Refuses a value the kind's field can never hold, so that a misspelt filter is not an empty list.
    private static func checkAllowed(_ value: String, filter: String, field: String, of kind: RecordKind) throws {
        guard case .oneOf(let allowed) = kind.schema.field(named: field)?.rule, !allowed.contains(value) else { return }
        throw StoreError(
            .invalidInput,
            "\(filter) of \(kind) records is one of \(allowed.joined(separator: ", ")), not \"\(value.prefix(40))\""
        )
    }

    private static func escapeLike(_ word: String) -> String {
        word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
