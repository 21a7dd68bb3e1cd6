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
}
