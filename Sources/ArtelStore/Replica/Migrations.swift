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
        try db.execute(
            sql: """
                CREATE TABLE communities (
                    rowid INTEGER PRIMARY KEY REFERENCES records (rowid),
                    community BLOB NOT NULL, record_id BLOB NOT NULL,
                    updated INTEGER NOT NULL, expiry INTEGER NOT NULL,
                    name TEXT, description TEXT, kind TEXT, area TEXT,
                    topics TEXT NOT NULL DEFAULT '[]', links TEXT NOT NULL DEFAULT '[]',
                    contact TEXT, language TEXT, visibility TEXT
                ) STRICT;
                CREATE INDEX communities_by_community ON communities (community);

                CREATE TABLE people (
                    rowid INTEGER PRIMARY KEY REFERENCES records (rowid),
                    community BLOB NOT NULL, record_id BLOB NOT NULL,
                    updated INTEGER NOT NULL, expiry INTEGER NOT NULL,
                    display_name TEXT, bio TEXT, locality TEXT,
                    topics TEXT NOT NULL DEFAULT '[]', languages TEXT NOT NULL DEFAULT '[]',
                    contacts TEXT NOT NULL DEFAULT '[]', subject_key BLOB,
                    consent_profile INTEGER, consent_memberships INTEGER, consent_ties INTEGER,
                    consent_export INTEGER, visibility TEXT
                ) STRICT;
                CREATE INDEX people_by_community ON people (community);

                CREATE TABLE memberships (
                    rowid INTEGER PRIMARY KEY REFERENCES records (rowid),
                    community BLOB NOT NULL, record_id BLOB NOT NULL,
                    updated INTEGER NOT NULL, expiry INTEGER NOT NULL,
                    person TEXT, community_ref TEXT, roles TEXT NOT NULL DEFAULT '[]',
                    since INTEGER, until INTEGER,
                    confirmed_by_person INTEGER, confirmed_by_community INTEGER, visibility TEXT
                ) STRICT;
                CREATE INDEX memberships_by_person ON memberships (person);
                CREATE INDEX memberships_by_community ON memberships (community);

                CREATE TABLE ties (
                    rowid INTEGER PRIMARY KEY REFERENCES records (rowid),
                    community BLOB NOT NULL, record_id BLOB NOT NULL,
                    updated INTEGER NOT NULL, expiry INTEGER NOT NULL,
                    "from" TEXT, "to" TEXT, type TEXT, context TEXT, since INTEGER, note TEXT,
                    from_confirmed INTEGER, to_confirmed INTEGER, visibility TEXT
                ) STRICT;
                CREATE INDEX ties_by_from ON ties ("from");
                CREATE INDEX ties_by_to ON ties ("to");

                CREATE TABLE jobs (
                    rowid INTEGER PRIMARY KEY REFERENCES records (rowid),
                    community BLOB NOT NULL, record_id BLOB NOT NULL,
                    updated INTEGER NOT NULL, expiry INTEGER NOT NULL,
                    title TEXT, employer TEXT, description TEXT, duties TEXT, requirements TEXT,
                    salary_min INTEGER, salary_max INTEGER, salary_currency TEXT, salary_period TEXT,
                    salary_gross INTEGER, employment TEXT NOT NULL DEFAULT '[]', work_mode TEXT,
                    location_country TEXT, location_region TEXT, location_city TEXT, experience TEXT,
                    skills TEXT NOT NULL DEFAULT '[]', tags TEXT NOT NULL DEFAULT '[]',
                    apply_url TEXT, contact TEXT, date_posted INTEGER, valid_through INTEGER,
                    status TEXT, sources TEXT NOT NULL DEFAULT '[]', visibility TEXT
                ) STRICT;
                CREATE INDEX jobs_by_community ON jobs (community, date_posted);
                CREATE INDEX jobs_by_date_posted ON jobs (date_posted);

                CREATE TABLE digests (
                    rowid INTEGER PRIMARY KEY REFERENCES records (rowid),
                    community BLOB NOT NULL, record_id BLOB NOT NULL,
                    updated INTEGER NOT NULL, expiry INTEGER NOT NULL,
                    title TEXT, period_start INTEGER, period_end INTEGER, intro TEXT,
                    items TEXT NOT NULL DEFAULT '[]', tags TEXT NOT NULL DEFAULT '[]',
                    audience TEXT, visibility TEXT
                ) STRICT;
                CREATE INDEX digests_by_community ON digests (community, period_start);

                CREATE TABLE events (
                    rowid INTEGER PRIMARY KEY REFERENCES records (rowid),
                    community BLOB NOT NULL, record_id BLOB NOT NULL,
                    updated INTEGER NOT NULL, expiry INTEGER NOT NULL,
                    title TEXT, description TEXT, type TEXT, start INTEGER, "end" INTEGER,
                    timezone TEXT, all_day INTEGER, attendance TEXT,
                    place_name TEXT, place_address TEXT, place_city TEXT, place_country TEXT,
                    online_urls TEXT NOT NULL DEFAULT '[]', registration_url TEXT, price TEXT,
                    status TEXT, organizers TEXT NOT NULL DEFAULT '[]', language TEXT, capacity INTEGER,
                    tags TEXT NOT NULL DEFAULT '[]', sequence INTEGER, visibility TEXT
                ) STRICT;
                CREATE INDEX events_by_start ON events (start);
                CREATE INDEX events_by_community ON events (community, start);

                CREATE VIRTUAL TABLE jobs_search USING fts5 (
                    title, employer, description, duties, requirements, skills, tags, location_city,
                    content = 'jobs', content_rowid = 'rowid',
                    tokenize = 'unicode61 remove_diacritics 2'
                );
                CREATE TRIGGER jobs_search_insert AFTER INSERT ON jobs BEGIN
                    INSERT INTO jobs_search (rowid, title, employer, description, duties, requirements, skills, tags, location_city)
                    VALUES (new.rowid, new.title, new.employer, new.description, new.duties, new.requirements, new.skills, new.tags, new.location_city);
                END;
                CREATE TRIGGER jobs_search_delete AFTER DELETE ON jobs BEGIN
                    INSERT INTO jobs_search (jobs_search, rowid, title, employer, description, duties, requirements, skills, tags, location_city)
                    VALUES ('delete', old.rowid, old.title, old.employer, old.description, old.duties, old.requirements, old.skills, old.tags, old.location_city);
                END;
                CREATE TRIGGER jobs_search_update AFTER UPDATE ON jobs BEGIN
                    INSERT INTO jobs_search (jobs_search, rowid, title, employer, description, duties, requirements, skills, tags, location_city)
                    VALUES ('delete', old.rowid, old.title, old.employer, old.description, old.duties, old.requirements, old.skills, old.tags, old.location_city);
                    INSERT INTO jobs_search (rowid, title, employer, description, duties, requirements, skills, tags, location_city)
                    VALUES (new.rowid, new.title, new.employer, new.description, new.duties, new.requirements, new.skills, new.tags, new.location_city);
                END;

                CREATE VIRTUAL TABLE events_search USING fts5 (
                    title, description, place_name, place_city, tags,
                    content = 'events', content_rowid = 'rowid',
                    tokenize = 'unicode61 remove_diacritics 2'
                );
                CREATE TRIGGER events_search_insert AFTER INSERT ON events BEGIN
                    INSERT INTO events_search (rowid, title, description, place_name, place_city, tags)
                    VALUES (new.rowid, new.title, new.description, new.place_name, new.place_city, new.tags);
                END;
                CREATE TRIGGER events_search_delete AFTER DELETE ON events BEGIN
                    INSERT INTO events_search (events_search, rowid, title, description, place_name, place_city, tags)
                    VALUES ('delete', old.rowid, old.title, old.description, old.place_name, old.place_city, old.tags);
                END;
                CREATE TRIGGER events_search_update AFTER UPDATE ON events BEGIN
                    INSERT INTO events_search (events_search, rowid, title, description, place_name, place_city, tags)
                    VALUES ('delete', old.rowid, old.title, old.description, old.place_name, old.place_city, old.tags);
                    INSERT INTO events_search (rowid, title, description, place_name, place_city, tags)
                    VALUES (new.rowid, new.title, new.description, new.place_name, new.place_city, new.tags);
                END;
                """
        )
    }
}
