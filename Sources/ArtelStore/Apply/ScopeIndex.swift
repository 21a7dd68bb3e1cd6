import ArtelCore
import Foundation
import GRDB

/// The integer ids of scopes (community and kind) inside one transaction.
///
/// Scope ids key the reconciliation index; the cache lives only as long as the transaction, so a
/// rolled-back insert can never leave a stale id behind.
struct ScopeIndex {
    private let db: Database
    // A scope found missing is remembered too, so a batch of new records in a new scope asks once.
    private var ids: [Scope: Int64?] = [:]

    init(db: Database) {
        self.db = db
    }

    /// The id of a scope, creating it when asked to.
    mutating func id(of scope: Scope, create: Bool) throws -> Int64? {
        if let known = ids[scope], known != nil || !create { return known }
        let community = Data(scope.community.bytes.bytes)
        let kind = Int64(scope.kind.rawValue)
        var id = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM scopes WHERE community = ? AND kind = ?"),
            arguments: [community, kind]
        )
        if id == nil && create {
            try db.cachedStatement(sql: "INSERT INTO scopes (community, kind) VALUES (?, ?)")
                .execute(arguments: [community, kind])
            id = db.lastInsertedRowID
        }
        ids[scope] = id
        return id
    }
}
