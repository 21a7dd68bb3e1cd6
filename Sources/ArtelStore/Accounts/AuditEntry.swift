/// One line of the node's audit log: who did what to what, and when.
public struct AuditEntry: Sendable, Hashable {
    /// When, in Unix milliseconds.
    public let time: Int64
    /// The account that acted; `nil` for the node's operator at the command line.
    public let account: String?
    /// What was done: `user.add`, `signin`, `signin.refused`, `job.create`…
    public let action: String
    /// What it was done to: an account's name, a record's id.
    public let target: String
    /// The address the request came from, for actions on the site.
    public let address: String?

    /// An entry.
    public init(time: Int64, account: String?, action: String, target: String, address: String? = nil) {
        self.time = time
        self.account = account
        self.action = action
        self.target = target
        self.address = address
    }
}
