import ArtelCore
import Foundation
import GRDB

/// The node's accounts (``Account``): made, changed and removed by its operator, each change
/// written with its line of the audit log in one transaction.
extension Replica {
    /// Stores a new account.
    ///
    /// - Parameters:
    ///   - account: the account; its name must be free in any case.
    ///   - passwordHash: its password as ``PasswordHash/hash(_:)`` made it.
    ///   - audit: the audit log's line for it.
    /// - Throws: ``StoreError`` `invalidInput` when the name is taken; nothing is stored then.
    public func addAccount(_ account: Account, passwordHash: String, audit: AuditEntry) async throws {
        try await writing("adding the account \(account.name)") { db in
            if try Self.accountID(account.name, in: db) != nil {
                throw StoreError(
                    .invalidInput,
                    "an account named \"\(account.name)\" exists already; choose another name, "
                        + "or change its password with `artel user passwd \(account.name)`"
                )
            }
            try db.execute(
                sql: """
                    INSERT INTO accounts (name, password, role, author_key, disabled, created)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    account.name, passwordHash, account.role.rawValue, account.authorKey, account.disabled,
                    account.created,
                ]
            )
            let id = db.lastInsertedRowID
            for right in account.rights {
                try db.execute(
                    sql: "INSERT INTO account_rights (account, community, kind) VALUES (?, ?, ?)",
                    arguments: [id, Data(right.community.bytes.bytes), right.kind.name]
                )
            }
            try Self.append(audit, in: db)
        }
    }

    /// Every account, by name.
    public func accounts() async throws -> [Account] {
        try await reading("listing the accounts") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM accounts ORDER BY name").map { try Self.account($0, in: db) }
        }
    }

    /// The account with a name (in any case) and its password hash, or `nil` when there is none.
    ///
    /// - Parameter name: the name.
    public func credentials(of name: String) async throws -> (account: Account, passwordHash: String)? {
        try await reading("reading the account \(name.prefix(64))") { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM accounts WHERE name = ?", arguments: [name])
            else { return nil }
            return (try Self.account(row, in: db), row["password"])
        }
    }

    /// Removes an account, its rights and its sessions; its lines in the audit log stay.
    ///
    /// - Throws: ``StoreError`` `notFound` when there is no such account.
    public func removeAccount(named name: String, audit: AuditEntry) async throws {
        try await changeAccount(name, audit: audit) { db, id in
            try db.execute(sql: "DELETE FROM accounts WHERE id = ?", arguments: [id])
        }
    }

    /// Gives an account a new password and ends its sessions.
    ///
    /// - Throws: ``StoreError`` `notFound` when there is no such account.
    public func setPassword(of name: String, hash: String, audit: AuditEntry) async throws {
        try await changeAccount(name, audit: audit) { db, id in
            try db.execute(sql: "UPDATE accounts SET password = ? WHERE id = ?", arguments: [hash, id])
            try Self.revokeSessions(of: id, at: audit.time, in: db)
        }
    }

    /// Keeps an account from signing in, ending its sessions, or lets it sign in again.
    ///
    /// - Throws: ``StoreError`` `notFound` when there is no such account.
    public func setDisabled(_ name: String, _ disabled: Bool, audit: AuditEntry) async throws {
        try await changeAccount(name, audit: audit) { db, id in
            try db.execute(sql: "UPDATE accounts SET disabled = ? WHERE id = ?", arguments: [disabled, id])
            if disabled { try Self.revokeSessions(of: id, at: audit.time, in: db) }
        }
    }

    /// Appends a line to the audit log.
    public func audit(_ entry: AuditEntry) async throws {
        try await writing("writing the audit log") { db in try Self.append(entry, in: db) }
    }

    /// The latest lines of the audit log, newest first.
    ///
    /// - Parameter limit: how many at most.
    public func auditLog(limit: Int = 100) async throws -> [AuditEntry] {
        try await reading("reading the audit log") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", arguments: [limit]).map {
                AuditEntry(
                    time: $0["time"],
                    account: $0["account"],
                    action: $0["action"],
                    target: $0["target"],
                    address: $0["address"]
                )
            }
        }
    }

    private func changeAccount(
        _ name: String,
        audit: AuditEntry,
        _ change: @escaping @Sendable (Database, Int64) throws -> Void
    ) async throws {
        try await writing("changing the account \(name.prefix(64))") { db in
            guard let id = try Self.accountID(name, in: db) else {
                throw StoreError(.notFound, "no account is named \"\(name.prefix(64))\"; see `artel user list`")
            }
            try change(db, id)
            try Self.append(audit, in: db)
        }
    }

    static func accountID(_ name: String, in db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM accounts WHERE name = ?", arguments: [name])
    }

    static func account(_ row: Row, in db: Database) throws -> Account {
        let rights = try Row.fetchAll(
            db,
            sql: "SELECT community, kind FROM account_rights WHERE account = ?",
            arguments: [row["id"] as Int64]
        ).compactMap { right -> Account.Right? in
            guard let bytes = Bytes32(right["community"] as Data),
                let kind = RecordKind(name: right["kind"] as String)
            else { return nil }
            return Account.Right(community: PublicKey(bytes), kind: kind)
        }
        return Account(
            name: row["name"],
            role: Account.Role(rawValue: row["role"]) ?? .editor,
            rights: Set(rights),
            authorKey: row["author_key"],
            disabled: row["disabled"],
            created: row["created"]
        )
    }

    static func revokeSessions(of account: Int64, at time: Int64, in db: Database) throws {
        try db.execute(
            sql: "UPDATE sessions SET revoked = ? WHERE account = ? AND revoked IS NULL",
            arguments: [time, account]
        )
    }

    static func append(_ entry: AuditEntry, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO audit_log (time, account, action, target, address) VALUES (?, ?, ?, ?, ?)",
            arguments: [entry.time, entry.account, entry.action, entry.target, entry.address]
        )
    }
}
