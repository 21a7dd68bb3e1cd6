import ArtelNode
import ArtelStore

extension APIContext {
    /// Writes an action a signed-in account took on the site to the audit log, with what it was
    /// done to and from where.
    func audit(_ visitor: Visitor, _ action: String, _ target: String, address: String?) async throws {
        try await replica.audit(
            AuditEntry(
                time: Int64(WallClock.now),
                account: visitor.account.name,
                action: action,
                target: target,
                address: address
            )
        )
    }
}
