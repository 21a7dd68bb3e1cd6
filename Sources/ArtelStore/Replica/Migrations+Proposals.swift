import GRDB

extension Migrations {
    /// Visitors' proposals of a job or an event (`/propose/…`): local to the node like accounts,
    /// never a delta, never sent to a peer, never in an export. A proposal waits as its form's
    /// fields until an editor approves it (the record then holds its id) or rejects it with a reason.
    static func createProposals(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE proposals (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL,
                    community BLOB NOT NULL CHECK (length(community) = 32),
                    fields TEXT NOT NULL,
                    contact TEXT,
                    address TEXT,
                    received INTEGER NOT NULL,
                    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected')),
                    decided_by TEXT,
                    decided INTEGER,
                    reason TEXT,
                    record TEXT,
                    CHECK ((state = 'pending') = (decided IS NULL))
                ) STRICT;
                CREATE INDEX proposals_by_state ON proposals (state, received);
                """
        )
    }
}
