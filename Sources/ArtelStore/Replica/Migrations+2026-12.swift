import ArtelCore
import GRDB

extension Migrations {
    /// Peers that only dialed in are forgotten a week after they were last seen in a session.
    static func rememberWhenPeersWereSeen(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE peers ADD COLUMN seen INTEGER;
                UPDATE peers SET seen = coalesce(connected, added);
                """
        )
    }

    /// A record lacking a required field is kept but has no row (`Materializer`): rows written for
    /// such records before the rule leave their table and its full-text index. Unlike the other
    /// migrations this one reads the current table definitions, since a contentless index entry
    /// can only be removed with the values it was written from.
    static func unlistIncompleteRecords(_ db: Database) throws {
        let statements = RawStatements(db)
        for table in MaterializedTable.all {
            let required = table.columns.filter { $0.field.isRequired && $0.field.cardinality == .single }
            guard !required.isEmpty else { continue }
            let incomplete = required.map { "\"\($0.name)\" IS NULL" }.joined(separator: " OR ")
            for rowid in try Int64.fetchAll(db, sql: "SELECT rowid FROM \(table.name) WHERE \(incomplete)") {
                guard let record = try StoredRecord.load(rowid: rowid, in: db) else { continue }
                try Materializer(statements: statements, table: table).removeRow(showing: record.state, rowid: rowid)
            }
        }
    }

    /// A person's consent decides what readers without the token see of them and of the
    /// memberships and ties that name them (`Replica+List`): it gets columns, filled from each
    /// person's deltas.
    static func materializeConsent(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE people ADD COLUMN consent_profile INTEGER;
                ALTER TABLE people ADD COLUMN consent_memberships INTEGER;
                ALTER TABLE people ADD COLUMN consent_ties INTEGER;
                """
        )
        let schema = RecordKind.person.schema
        for rowid in try Int64.fetchAll(db, sql: "SELECT rowid FROM people") {
            guard let state = try StoredRecord.load(rowid: rowid, in: db)?.state else { continue }
            func consent(_ name: String) -> Bool? {
                if case .boolean(let given)? = state.value(of: schema[name].id) { return given }
                return nil
            }
            try db.execute(
                sql: "UPDATE people SET consent_profile = ?, consent_memberships = ?, consent_ties = ? WHERE rowid = ?",
                arguments: [consent("consent.profile"), consent("consent.memberships"), consent("consent.ties"), rowid]
            )
        }
    }

    /// A repeating event is listed in every window one of its occurrences falls in (`Replica+List`),
    /// not only around its first: its recurrence gets a column, filled from each event's deltas.
    static func materializeRecurrence(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE events ADD COLUMN recurrence TEXT")
        let field = RecordKind.event.schema["recurrence"].id
        for rowid in try Int64.fetchAll(db, sql: "SELECT rowid FROM events") {
            guard case .string(let text)? = try StoredRecord.load(rowid: rowid, in: db)?.state.value(of: field)
            else { continue }
            try db.execute(sql: "UPDATE events SET recurrence = ? WHERE rowid = ?", arguments: [text, rowid])
        }
    }

    /// Market figures (`artel stats jobs`) are read from the jobs table alone, without merging each
    /// job's deltas: the fields they need beyond the listing's filters get columns — whether a
    /// salary is gross, the apply link (the digest's rule for one vacancy) and the sources (what
    /// came from hh.ru, what communities posted) — filled from each job's deltas.
    static func materializeJobFigures(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE jobs ADD COLUMN salary_gross INTEGER;
                ALTER TABLE jobs ADD COLUMN apply_url TEXT;
                ALTER TABLE jobs ADD COLUMN sources TEXT;
                """
        )
        let schema = RecordKind.job.schema
        for rowid in try Int64.fetchAll(db, sql: "SELECT rowid FROM jobs") {
            guard let state = try StoredRecord.load(rowid: rowid, in: db)?.state else { continue }
            let values = ["salary_gross", "apply_url", "sources"].map { name -> DatabaseValue in
                switch ColumnValue(schema[name], in: state) {
                case .null: .null
                case .integer(let number): number.databaseValue
                case .text(let text): text.databaseValue
                }
            }
            try db.execute(
                sql: "UPDATE jobs SET salary_gross = ?, apply_url = ?, sources = ? WHERE rowid = ?",
                arguments: StatementArguments(values + [rowid.databaseValue])
            )
        }
    }

    /// What an import remembers of each record it wrote or found unchanged, so that importing the
    /// same file again skips the records nothing touched since without loading them
    /// (``Publisher/importRecords(_:community:now:source:progress:)``): a digest of the item, and
    /// the record's newest delta row and number of deltas at that moment, which any later change to
    /// the record (a local edit, a peer's delta, a purge) moves.
    static func rememberImportDigests(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE import_digests (
                    record INTEGER PRIMARY KEY REFERENCES records (rowid) ON DELETE CASCADE,
                    digest BLOB NOT NULL CHECK (length(digest) = 32),
                    last_delta INTEGER NOT NULL,
                    deltas INTEGER NOT NULL
                ) STRICT
                """
        )
    }
}

extension Migrations {
    /// Searches get faster (``SearchMatch``, ``SearchFacets``): each full-text index gets an
    /// `fts5vocab` table listing its words, and the jobs' index a `facets` column. A contentless
    /// index cannot gain a column, so the jobs' is made again and every listed job indexed from its
    /// deltas.
    static func indexSearchFacetsAndTerms(_ db: Database) throws {
        try db.execute(
            sql: """
                DROP TABLE jobs_search;
                CREATE VIRTUAL TABLE jobs_search USING fts5 (
                    title, employer, description, duties, requirements, skills, tags, location_city, facets,
                    content = '', tokenize = 'unicode61 remove_diacritics 2', detail = none, columnsize = 0
                );
                CREATE VIRTUAL TABLE jobs_search_terms USING fts5vocab (jobs_search, row);
                CREATE VIRTUAL TABLE events_search_terms USING fts5vocab (events_search, row);
                """
        )
        guard let table = MaterializedTable.of(.job) else { return }
        let materializer = Materializer(statements: RawStatements(db), table: table)
        for rowid in try Int64.fetchAll(db, sql: "SELECT rowid FROM jobs") {
            guard let state = try StoredRecord.load(rowid: rowid, in: db)?.state else { continue }
            try materializer.index(state, rowid: rowid)
        }
    }
}

extension Migrations {
    /// Full-text entries are read by ``SearchTokenizer`` (`artel_words`) instead of `unicode61
    /// remove_diacritics 2`: the same words, at half the cost, with ё folded inside the index. A
    /// virtual table's tokenizer cannot change, so both indexes are made again, and every listed job
    /// and event is indexed from its deltas.
    static func tokenizeWithATable(_ db: Database) throws {
        try db.execute(
            sql: """
                DROP TABLE jobs_search_terms;
                DROP TABLE events_search_terms;
                DROP TABLE jobs_search;
                DROP TABLE events_search;
                CREATE VIRTUAL TABLE jobs_search USING fts5 (
                    title, employer, description, duties, requirements, skills, tags, location_city, facets,
                    content = '', tokenize = 'artel_words', detail = none, columnsize = 0
                );
                CREATE VIRTUAL TABLE events_search USING fts5 (
                    title, description, place_name, place_city, tags,
                    content = '', tokenize = 'artel_words', detail = none, columnsize = 0
                );
                CREATE VIRTUAL TABLE jobs_search_terms USING fts5vocab (jobs_search, row);
                CREATE VIRTUAL TABLE events_search_terms USING fts5vocab (events_search, row);
                """
        )
        for kind in [RecordKind.job, .event] {
            guard let table = MaterializedTable.of(kind) else { continue }
            let materializer = Materializer(statements: RawStatements(db), table: table)
            for rowid in try Int64.fetchAll(db, sql: "SELECT rowid FROM \(table.name)") {
                guard let state = try StoredRecord.load(rowid: rowid, in: db)?.state else { continue }
                try materializer.index(state, rowid: rowid)
            }
        }
    }
}
