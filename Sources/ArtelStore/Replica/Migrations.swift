import GRDB

/// The replica's schema, as append-only migrations with stable ids.
///
/// Never edit a migration once it has shipped: add a new one. The SQL names tables and columns
/// directly instead of deriving them from Swift types, so that a rename in code can never change
/// what an old replica is migrated to. A test checks that every registered field of a materialized
/// kind has its column.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("2026-11-21 replica", migrate: createReplica)
        migrator.registerMigration("2026-11-21 materialized records", migrate: createMaterializedTables)
        migrator.registerMigration("2026-11-21 federation", migrate: createFederationTables)
        migrator.registerMigration("2026-11-21 held deltas", migrate: createHeldDeltas)
        migrator.registerMigration("2026-11-21 moderation", migrate: createModerationTables)
        migrator.registerMigration("2026-11-21 private records", migrate: createPrivateRecords)
        migrator.registerMigration("2026-11-21 erased records", migrate: createErasedRecords)
        migrator.registerMigration("2026-11-21 ever-growing delta rows", migrate: neverReuseDeltaRows)
        migrator.registerMigration("2026-11-21 jobs by posting date", migrate: indexJobsByPostingDate)
        migrator.registerMigration("2026-12-06 when peers were last seen", migrate: rememberWhenPeersWereSeen)
        migrator.registerMigration("2026-12-06 incomplete records unlisted", migrate: unlistIncompleteRecords)
        migrator.registerMigration("2026-12-06 people's consent", migrate: materializeConsent)
        migrator.registerMigration("2026-12-06 repeating events", migrate: materializeRecurrence)
        migrator.registerMigration("2026-12-08 job figures", migrate: materializeJobFigures)
        migrator.registerMigration("2026-12-09 import digests", migrate: rememberImportDigests)
        migrator.registerMigration("2026-12-09 accounts", migrate: createAccounts)
        migrator.registerMigration("2026-12-10 search facets and terms", migrate: indexSearchFacetsAndTerms)
        migrator.registerMigration("2026-12-10 visitors' proposals", migrate: createProposals)
        migrator.registerMigration("2026-12-10 bytes per peer", migrate: countBytesPerPeer)
        migrator.registerMigration("2026-12-11 search words read through a table", migrate: tokenizeWithATable)
        return migrator
    }

    private static func createReplica(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE node_state (
                    key TEXT PRIMARY KEY NOT NULL,
                    value ANY NOT NULL
                ) STRICT, WITHOUT ROWID;

                CREATE TABLE scopes (
                    id INTEGER PRIMARY KEY,
                    community BLOB NOT NULL CHECK (length(community) = 32),
                    kind INTEGER NOT NULL,
                    UNIQUE (community, kind)
                ) STRICT;

                CREATE TABLE records (
                    rowid INTEGER PRIMARY KEY,
                    scope INTEGER NOT NULL REFERENCES scopes (id),
                    record_id BLOB NOT NULL CHECK (length(record_id) = 16),
                    UNIQUE (scope, record_id)
                ) STRICT;

                CREATE TABLE deltas (
                    rowid INTEGER PRIMARY KEY,
                    id BLOB NOT NULL UNIQUE CHECK (length(id) = 32),
                    record INTEGER NOT NULL REFERENCES records (rowid),
                    scope INTEGER NOT NULL REFERENCES scopes (id),
                    hlc INTEGER NOT NULL,
                    expiry INTEGER NOT NULL,
                    bytes BLOB NOT NULL
                ) STRICT;
                CREATE INDEX deltas_by_scope ON deltas (scope, hlc, id);
                CREATE INDEX deltas_by_record ON deltas (record);
                CREATE INDEX deltas_by_expiry ON deltas (expiry) WHERE expiry > 0;

                CREATE TABLE refusals (
                    rowid INTEGER PRIMARY KEY,
                    at INTEGER NOT NULL,
                    source TEXT NOT NULL,
                    code INTEGER NOT NULL,
                    reason TEXT NOT NULL,
                    message TEXT NOT NULL,
                    delta_id BLOB,
                    kind INTEGER,
                    community BLOB,
                    author BLOB,
                    record_id BLOB
                ) STRICT;
                """
        )
    }

    private static func createMaterializedTables(_ db: Database) throws {
        // Materialized tables hold what lists filter and sort on; whole records are read from their
        // deltas. Long text lives only in the deltas and in the contentless full-text indexes, so the
        // replica stays close to the size of what it replicates.
        try db.execute(
            sql: """
                CREATE TABLE communities (
                    rowid INTEGER PRIMARY KEY REFERENCES records (rowid),
                    scope INTEGER NOT NULL REFERENCES scopes (id),
                    updated INTEGER NOT NULL, expiry INTEGER NOT NULL,
                    name TEXT, kind TEXT, area TEXT, topics TEXT NOT NULL, language TEXT, visibility TEXT
                ) STRICT;
                CREATE INDEX communities_by_scope ON communities (scope);

                CREATE TABLE people (
                    rowid INTEGER PRIMARY KEY REFERENCES records (rowid),
                    scope INTEGER NOT NULL REFERENCES scopes (id),
                    updated INTEGER NOT NULL, expiry INTEGER NOT NULL,
                    display_name TEXT, locality TEXT, topics TEXT NOT NULL, languages TEXT NOT NULL, visibility TEXT
                ) STRICT;
                CREATE INDEX people_by_scope ON people (scope);

                CREATE TABLE memberships (
                    rowid INTEGER PRIMARY KEY REFERENCES records (rowid),
                    scope INTEGER NOT NULL REFERENCES scopes (id),
                    updated INTEGER NOT NULL, expiry INTEGER NOT NULL,
                    person TEXT, community_ref TEXT, roles TEXT NOT NULL, since INTEGER, until INTEGER,
                    confirmed_by_person INTEGER, confirmed_by_community INTEGER, visibility TEXT
                ) STRICT;
                CREATE INDEX memberships_by_person ON memberships (person);
                CREATE INDEX memberships_by_scope ON memberships (scope);

                CREATE TABLE ties (
                    rowid INTEGER PRIMARY KEY REFERENCES records (rowid),
                    scope INTEGER NOT NULL REFERENCES scopes (id),
                    updated INTEGER NOT NULL, expiry INTEGER NOT NULL,
                    "from" TEXT, "to" TEXT, type TEXT, context TEXT, since INTEGER,
                    from_confirmed INTEGER, to_confirmed INTEGER, visibility TEXT
                ) STRICT;
                CREATE INDEX ties_by_from ON ties ("from");
                CREATE INDEX ties_by_to ON ties ("to");

                CREATE TABLE jobs (
                    rowid INTEGER PRIMARY KEY REFERENCES records (rowid),
                    scope INTEGER NOT NULL REFERENCES scopes (id),
                    updated INTEGER NOT NULL, expiry INTEGER NOT NULL,
                    title TEXT, employer TEXT, salary_min INTEGER, salary_max INTEGER, salary_currency TEXT,
                    salary_period TEXT, employment TEXT NOT NULL, work_mode TEXT, location_country TEXT,
                    location_city TEXT, tags TEXT NOT NULL, date_posted INTEGER, valid_through INTEGER,
                    status TEXT, visibility TEXT
                ) STRICT;
                CREATE INDEX jobs_by_scope ON jobs (scope, date_posted);

                CREATE TABLE digests (
                    rowid INTEGER PRIMARY KEY REFERENCES records (rowid),
                    scope INTEGER NOT NULL REFERENCES scopes (id),
                    updated INTEGER NOT NULL, expiry INTEGER NOT NULL,
                    title TEXT, period_start INTEGER, period_end INTEGER, tags TEXT NOT NULL, visibility TEXT
                ) STRICT;
                CREATE INDEX digests_by_scope ON digests (scope, period_start);

                CREATE TABLE events (
                    rowid INTEGER PRIMARY KEY REFERENCES records (rowid),
                    scope INTEGER NOT NULL REFERENCES scopes (id),
                    updated INTEGER NOT NULL, expiry INTEGER NOT NULL,
                    title TEXT, type TEXT, start INTEGER, "end" INTEGER, attendance TEXT, place_city TEXT,
                    status TEXT, language TEXT, tags TEXT NOT NULL, visibility TEXT
                ) STRICT;
                CREATE INDEX events_by_start ON events (start);
                CREATE INDEX events_by_scope ON events (scope, start);

                CREATE VIRTUAL TABLE jobs_search USING fts5 (
                    title, employer, description, duties, requirements, skills, tags, location_city,
                    content = '', tokenize = 'unicode61 remove_diacritics 2', detail = none, columnsize = 0
                );
                CREATE VIRTUAL TABLE events_search USING fts5 (
                    title, description, place_name, place_city, tags,
                    content = '', tokenize = 'unicode61 remove_diacritics 2', detail = none, columnsize = 0
                );
                """
        )
    }

    private static func createFederationTables(_ db: Database) throws {
        // community is the community key, or the empty blob for every community.
        try db.execute(
            sql: """
                CREATE TABLE follows (
                    community BLOB PRIMARY KEY NOT NULL CHECK (length(community) IN (0, 32)),
                    kinds INTEGER NOT NULL
                ) STRICT, WITHOUT ROWID;

                CREATE TABLE peers (
                    node_key BLOB PRIMARY KEY NOT NULL CHECK (length(node_key) = 32),
                    address TEXT,
                    configured INTEGER NOT NULL DEFAULT 0,
                    added INTEGER NOT NULL,
                    state TEXT NOT NULL DEFAULT 'new',
                    connected INTEGER,
                    synced INTEGER,
                    error TEXT,
                    deltas_in INTEGER NOT NULL DEFAULT 0,
                    deltas_out INTEGER NOT NULL DEFAULT 0,
                    refused INTEGER NOT NULL DEFAULT 0
                ) STRICT, WITHOUT ROWID;
                """
        )
    }

    private static func createHeldDeltas(_ db: Database) throws {
        // Verified deltas the control plane does not authorize: waiting for a grant (quarantine), or
        // refused by it as it stands. They are neither applied, shown, offered nor pushed, and are
        // decided again whenever their community's control plane changes.
        try db.execute(
            sql: """
                CREATE TABLE held (
                    rowid INTEGER PRIMARY KEY,
                    id BLOB NOT NULL UNIQUE CHECK (length(id) = 32),
                    community BLOB NOT NULL CHECK (length(community) = 32),
                    kind INTEGER NOT NULL,
                    author BLOB NOT NULL CHECK (length(author) = 32),
                    expiry INTEGER NOT NULL,
                    waiting INTEGER NOT NULL,
                    code INTEGER NOT NULL,
                    reason TEXT NOT NULL,
                    source TEXT NOT NULL,
                    arrived INTEGER NOT NULL,
                    bytes BLOB NOT NULL
                ) STRICT;
                CREATE INDEX held_by_community ON held (community, kind);
                """
        )
    }

    private static func createModerationTables(_ db: Database) throws {
        // blocks: keys whose deltas this node refuses (target 'author' or 'community').
        // hidden: records this node does not show, though it keeps and relays them.
        try db.execute(
            sql: """
                CREATE TABLE blocks (
                    key BLOB PRIMARY KEY NOT NULL CHECK (length(key) = 32),
                    target TEXT NOT NULL CHECK (target IN ('author', 'community')),
                    at INTEGER NOT NULL,
                    reason TEXT
                ) STRICT, WITHOUT ROWID;

                CREATE TABLE hidden (
                    community BLOB NOT NULL CHECK (length(community) = 32),
                    kind INTEGER NOT NULL,
                    record_id BLOB NOT NULL CHECK (length(record_id) = 16),
                    at INTEGER NOT NULL,
                    PRIMARY KEY (community, kind, record_id)
                ) STRICT, WITHOUT ROWID;
                """
        )
    }

    private static func createPrivateRecords(_ db: Database) throws {
        // The records whose visibility is private: their deltas are never offered, sent or pushed.
        // Records made private before this table existed are found by scanning the materialized rows.
        try db.execute(
            sql: "CREATE TABLE private_records (record INTEGER PRIMARY KEY REFERENCES records (rowid)) STRICT"
        )
        for table in ["communities", "people", "memberships", "ties", "jobs", "digests", "events"] {
            try db.execute(sql: "INSERT INTO private_records SELECT rowid FROM \(table) WHERE visibility = 'private'")
        }
    }

    private static func createErasedRecords(_ db: Database) throws {
        // Memberships and ties of erased people: gone, and refused if a stale node offers them again.
        try db.execute(
            sql: """
                CREATE TABLE erased_records (
                    community BLOB NOT NULL CHECK (length(community) = 32),
                    kind INTEGER NOT NULL,
                    record_id BLOB NOT NULL CHECK (length(record_id) = 16),
                    at INTEGER NOT NULL,
                    PRIMARY KEY (community, kind, record_id)
                ) STRICT, WITHOUT ROWID;
                """
        )
    }

    private static func neverReuseDeltaRows(_ db: Database) throws {
        // A delta's row is the id of a change in the API's live stream and the local-changes watcher's
        // mark: without AUTOINCREMENT, SQLite gives a deleted highest row to the next insert, and a
        // stream resuming after it would miss that delta.
        try db.execute(
            sql: """
                CREATE TABLE deltas_growing (
                    rowid INTEGER PRIMARY KEY AUTOINCREMENT,
                    id BLOB NOT NULL UNIQUE CHECK (length(id) = 32),
                    record INTEGER NOT NULL REFERENCES records (rowid),
                    scope INTEGER NOT NULL REFERENCES scopes (id),
                    hlc INTEGER NOT NULL,
                    expiry INTEGER NOT NULL,
                    bytes BLOB NOT NULL
                ) STRICT;
                INSERT INTO deltas_growing (rowid, id, record, scope, hlc, expiry, bytes)
                    SELECT rowid, id, record, scope, hlc, expiry, bytes FROM deltas;
                DROP TABLE deltas;
                ALTER TABLE deltas_growing RENAME TO deltas;
                CREATE INDEX deltas_by_scope ON deltas (scope, hlc, id);
                CREATE INDEX deltas_by_record ON deltas (record);
                CREATE INDEX deltas_by_expiry ON deltas (expiry) WHERE expiry > 0;
                """
        )
    }

    private static func indexJobsByPostingDate(_ db: Database) throws {
        // Lists of jobs are ordered newest first (`ListSQL`): with this index a page of a filtered
        // list stops after its rows instead of sorting every match.
        try db.execute(sql: "CREATE INDEX jobs_by_posted ON jobs (coalesce(date_posted, updated) DESC)")
    }

    private static func countBytesPerPeer(_ db: Database) throws {
        // The operator sees what each peer costs in traffic, not only in deltas.
        try db.execute(
            sql: """
                ALTER TABLE peers ADD COLUMN bytes_in INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE peers ADD COLUMN bytes_out INTEGER NOT NULL DEFAULT 0;
                """
        )
    }
}
