import ArtelCore
import GRDB

/// Writes the materialized row of a record, and its full-text entry, from its merged state.
struct Materializer {
    let statements: RawStatements
    let table: MaterializedTable

    /// Inserts, updates or removes the row and the index entry so that they show `state`.
    ///
    /// - Parameters:
    ///   - state: the record's merged state now.
    ///   - before: its state when it was last written, or `nil` when it did not exist; it has a row
    ///     when that state was shown.
    ///   - rowid: the record's row id, shared by its materialized row.
    ///   - scope: the id of the record's scope.
    func write(_ state: RecordState, before: RecordState?, rowid: Int64, scope: Int64) throws {
        try write(MaterializedRow(state, in: table), before: before, rowid: rowid, scope: scope)
    }

    /// Inserts, updates or removes the row and the index entry so that they hold `row`: the row of
    /// the record's merged state now, worked out already. The other parameters are the same as
    /// when the state is given.
    func write(_ row: MaterializedRow, before: RecordState?, rowid: Int64, scope: Int64) throws {
        // Privacy follows every record that exists, complete or not: a private record never leaves.
        try notePrivacy(isPrivate: row.isPrivate, wasPrivate: before.map(isPrivate) ?? false, rowid: rowid)
        // A record has a row and an index entry exactly when it is shown.
        let shown = before.flatMap { Self.isShown($0, of: table.kind) ? $0 : nil }
        guard let values = row.values else {
            if let shown { try removeRow(showing: shown, rowid: rowid) }
            return
        }
        if let shown, let unindexSQL = table.unindexSQL {
            try index(SearchEntry(shown, in: table), with: unindexSQL, rowid: rowid)
        }
        let statement = try statements[shown == nil ? table.insertSQL : table.updateSQL]
        statement.bind(1, rowid)
        statement.bind(2, scope)
        statement.bind(3, values.updated)
        statement.bind(4, values.expiry)
        let first = Int32(MaterializedTable.metaColumns.count + 1)
        for (offset, value) in values.columns.enumerated() { value.bind(at: first + Int32(offset), of: statement) }
        try statement.run()
        if let search = values.search, let indexSQL = table.indexSQL { try index(search, with: indexSQL, rowid: rowid) }
    }

    /// Whether a record is there: not deleted, and some delta of it kept.
    static func exists(_ state: RecordState) -> Bool { !state.isDeleted && !state.kept.isEmpty }

    /// Whether a record is shown (has a row): it exists and its merged state sets every required field.
    static func isShown(_ state: RecordState, of kind: RecordKind) -> Bool {
        exists(state) && state.missingRequiredField(of: kind.schema) == nil
    }

    /// Removes the row and the index entry of a record, whose row shows `state`.
    func removeRow(showing state: RecordState, rowid: Int64) throws {
        if let unindexSQL = table.unindexSQL {
            try index(SearchEntry(state, in: table), with: unindexSQL, rowid: rowid)
        }
        let delete = try statements[table.deleteSQL]
        delete.bind(1, rowid)
        try delete.run()
    }

    /// Whether a record's visibility is `private`: it never leaves this node (DESIGN §6).
    static func isPrivate(_ state: RecordState, of kind: RecordKind) -> Bool {
        guard let field = kind.schema.field(named: "visibility") else { return false }
        return state.value(of: field.id) == .string("private")
    }

    private func isPrivate(_ state: RecordState) -> Bool { Self.isPrivate(state, of: table.kind) }

    /// Keeps `private_records` in step, touching it only when a record's privacy changes.
    private func notePrivacy(isPrivate: Bool, wasPrivate: Bool, rowid: Int64) throws {
        guard isPrivate != wasPrivate else { return }
        let statement = try statements[
            isPrivate
                ? "INSERT OR IGNORE INTO private_records (record) VALUES (?1)"
                : "DELETE FROM private_records WHERE record = ?1"
        ]
        statement.bind(1, rowid)
        try statement.run()
    }

    /// Indexes the text of a shown record that has no entry in the index, as a migration that
    /// makes the index again does.
    func index(_ state: RecordState, rowid: Int64) throws {
        if let indexSQL = table.indexSQL { try index(SearchEntry(state, in: table), with: indexSQL, rowid: rowid) }
    }

    /// Adds or removes (`'delete'` needs the text that was indexed) a record's text in the index.
    private func index(_ entry: SearchEntry, with sql: String, rowid: Int64) throws {
        let statement = try statements[sql]
        statement.bind(1, rowid)
        for (offset, text) in entry.texts.enumerated() { text.bind(at: Int32(offset + 2), of: statement) }
        if let facets = entry.facets { statement.bind(Int32(entry.texts.count + 2), facets) }
        try statement.run()
    }
}

/// The value of one materialized column, as computed from a merged record.
enum ColumnValue: Equatable, Sendable {
    case null
    case integer(Int64)
    case text(String)

    init(_ field: FieldSpec, in state: RecordState) {
        guard case .single = field.cardinality else {
            self = .text(JSONText.array(state.elements(of: field.id).map(MaterializedTable.text)))
            return
        }
        switch state.value(of: field.id) {
        case nil: self = .null
        case .string(let text): self = .text(text)
        case .integer(let number), .timestamp(let number): self = .integer(number)
        case .boolean(let flag): self = .integer(flag ? 1 : 0)
        case .bytes(let bytes): self = .text(Hex.encode(bytes))
        case .reference(let reference): self = .text(reference.description)
        case .references(let references): self = .text(JSONText.array(references.map(\.description)))
        }
    }

    func bind(at index: Int32, of statement: RawStatement) {
        switch self {
        case .null: statement.bindNull(index)
        case .integer(let number): statement.bind(index, number)
        case .text(let text): statement.bind(index, text)
        }
    }
}
