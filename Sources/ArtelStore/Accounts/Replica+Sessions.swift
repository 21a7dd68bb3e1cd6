import Foundation
import GRDB

/// Sessions of signed-in browsers, stored by the hash of their token (``SessionToken``).
extension Replica {
    /// Opens a session for an account that has just proved its password.
    ///
    /// - Parameters:
    ///   - token: the new session's token, which the browser gets as its cookie.
    ///   - name: the account.
    ///   - policy: when the session ends.
    ///   - audit: the audit log's line for the sign-in.
    /// - Throws: ``StoreError`` `notFound` when the account was removed or disabled meanwhile.
    public func openSession(
        _ token: SessionToken,
        for name: String,
        policy: SessionPolicy,
        audit: AuditEntry
    ) async throws {
        let hash = Data(token.hash)
        try await writing("opening a session") { db in
            guard
                let id = try Int64.fetchOne(
                    db,
                    sql: "SELECT id FROM accounts WHERE name = ? AND disabled = 0",
                    arguments: [name]
                )
            else { throw StoreError(.notFound, "no account named \"\(name.prefix(64))\" may sign in") }
            try db.execute(
                sql: "INSERT INTO sessions (token_hash, account, created, seen, expires) VALUES (?, ?, ?, ?, ?)",
                arguments: [hash, id, audit.time, audit.time, audit.time + policy.lifetime]
            )
            // Ended sessions are kept no longer than a live one could last, for the audit of a week.
            try db.execute(
                sql: "DELETE FROM sessions WHERE account = ? AND expires < ?",
                arguments: [id, audit.time - policy.lifetime]
            )
            try Self.append(audit, in: db)
        }
    }

    /// The account a browser's token signs in, or `nil` when its session has ended, was revoked,
    /// was never opened, or its account is disabled. A live session is marked as used.
    ///
    /// - Parameters:
    ///   - token: the cookie's token.
    ///   - policy: when sessions end.
    ///   - now: the wall clock in Unix milliseconds.
    public func session(_ token: SessionToken, policy: SessionPolicy, now: Int64) async throws -> Account? {
        let hash = Data(token.hash)
        let found = try await reading("reading a session") { db -> (Account, Int64)? in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT accounts.*, sessions.seen AS session_seen FROM sessions
                        JOIN accounts ON accounts.id = sessions.account
                        WHERE sessions.token_hash = ? AND sessions.revoked IS NULL AND sessions.expires > ?
                            AND sessions.seen > ? AND accounts.disabled = 0
                        """,
                    arguments: [hash, now, now - policy.idle]
                )
            else { return nil }
            return (try Self.account(row, in: db), row["session_seen"])
        }
        guard let (account, seen) = found else { return nil }
        if now - seen >= SessionPolicy.touchInterval, !isReadOnly {
            try await writing("marking a session as used") { db in
                try db.execute(sql: "UPDATE sessions SET seen = ? WHERE token_hash = ?", arguments: [now, hash])
            }
        }
        return account
    }

    /// Ends a session for good (sign-out); a token that names no live session changes nothing.
    ///
    /// - Parameters:
    ///   - token: the cookie's token.
    ///   - audit: the audit log's line for the sign-out.
    public func closeSession(_ token: SessionToken, audit: AuditEntry) async throws {
        let hash = Data(token.hash)
        try await writing("ending a session") { db in
            try db.execute(
                sql: "UPDATE sessions SET revoked = ? WHERE token_hash = ? AND revoked IS NULL",
                arguments: [audit.time, hash]
            )
            if db.changesCount > 0 { try Self.append(audit, in: db) }
        }
    }
}
