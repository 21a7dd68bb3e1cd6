import GRDB

extension Migrations {
    /// The people who write on the node's site (`artel user`): accounts, what editors may write,
    /// sessions and the audit log. Local to the node like peers and follows: none of it is a delta,
    /// none of it is ever sent to a peer.
    ///
    /// A session is stored by a hash of its token only, so that reading the replica gives nobody a
    /// cookie that works. The audit log names accounts by name, not by row, so that it outlives them.
    static func createAccounts(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE accounts (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 64),
                    password TEXT NOT NULL CHECK (password LIKE '$argon2id$%'),
                    role TEXT NOT NULL CHECK (role IN ('editor', 'moderator', 'operator')),
                    author_key TEXT,
                    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
                    created INTEGER NOT NULL
                ) STRICT;

                CREATE TABLE account_rights (
                    account INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
                    community BLOB NOT NULL CHECK (length(community) = 32),
                    kind TEXT NOT NULL,
                    PRIMARY KEY (account, community, kind)
                ) STRICT, WITHOUT ROWID;

                CREATE TABLE sessions (
                    token_hash BLOB PRIMARY KEY NOT NULL CHECK (length(token_hash) = 32),
                    account INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
                    created INTEGER NOT NULL,
                    seen INTEGER NOT NULL,
                    expires INTEGER NOT NULL,
                    revoked INTEGER
                ) STRICT, WITHOUT ROWID;
                CREATE INDEX sessions_by_account ON sessions (account);

                CREATE TABLE audit_log (
                    id INTEGER PRIMARY KEY,
                    time INTEGER NOT NULL,
                    account TEXT,
                    action TEXT NOT NULL,
                    target TEXT NOT NULL,
                    address TEXT
                ) STRICT;
                """
        )
    }
}
