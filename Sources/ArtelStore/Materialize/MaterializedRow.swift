import ArtelCore

/// A record's materialized row and full-text entry as its merged state makes them, worked out
/// without the database: the writer binds it, and for a record one delta creates it is worked out
/// before the write transaction, on every core (``FreshRecord``).
struct MaterializedRow: Sendable {
    /// What a shown record's row and entry hold.
    struct Values: Sendable {
        /// When the record was last updated, in Unix milliseconds (0 when unknown).
        let updated: Int64
        /// When it expires, in Unix milliseconds.
        let expiry: Int64
        /// One value per column of ``MaterializedTable/columns``.
        let columns: [ColumnValue]
        /// Its full-text entry, when the table has an index.
        let search: SearchEntry?
    }

    /// Whether the record exists and is private: it never leaves this node (DESIGN §6).
    let isPrivate: Bool
    /// The row, or `nil` when the record is not shown (deleted, or some required field unset).
    let values: Values?

    /// The row of a record in its kind's table.
    init(_ state: RecordState, in table: MaterializedTable) {
        isPrivate = Materializer.exists(state) && Materializer.isPrivate(state, of: table.kind)
        guard Materializer.isShown(state, of: table.kind) else {
            values = nil
            return
        }
        values = Values(
            updated: Int64(state.updated?.milliseconds ?? 0),
            expiry: Int64(bitPattern: state.expiry),
            columns: table.columns.map { ColumnValue($0.field, in: state) },
            search: table.indexSQL == nil ? nil : SearchEntry(state, in: table)
        )
    }
}

/// The text a record adds to its table's full-text index (which ``SearchTokenizer`` splits and
/// folds), and its facets (``SearchFacets``) when the index has them.
struct SearchEntry: Sendable {
    /// One value per field of ``MaterializedTable/searchFields``.
    let texts: [ColumnValue]
    /// The `facets` column, when the table has one.
    let facets: String?

    init(_ state: RecordState, in table: MaterializedTable) {
        texts = table.searchFields.map { ColumnValue($0, in: state) }
        facets = table.searchFacets ? SearchFacets.text(of: state) : nil
    }
}
