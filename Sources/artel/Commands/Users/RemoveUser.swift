import ArgumentParser
import ArtelCore
import ArtelStore

/// `artel user remove NAME`: removes an account and ends its sessions.
struct RemoveUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove an account and end its sessions; the audit log keeps its lines.",
        discussion: """
            An editor's author key stays in the key store, and its grants stay valid until they end: \
            what it signed stays signed. To stop the key writing at once, revoke its grant with \
            `artel revoke`.

            Example:
              artel user remove anna
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The account's name.")
    var name: String

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let node = try global.openNode()
        let account = try await node.replica.credentials(of: name)?.account
        try await node.replica.removeAccount(named: name, audit: node.audit("user.remove", name))
        var text = "Removed \(account?.name ?? name)."
        if let key = account?.authorKey {
            text += " Its author key \(key) keeps its grants; `artel grants` lists them, `artel revoke` ends one."
        }
        output.emit(
            text,
            json: .object([("removed", .bool(true)), ("name", .string(account?.name ?? name))])
        )
    }
}
