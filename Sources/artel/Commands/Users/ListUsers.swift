import ArgumentParser
import ArtelCore
import ArtelStore

/// `artel user list`: the accounts, their roles and rights.
struct ListUsers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the accounts: name, role, whether disabled, and what each editor may write.",
        discussion: """
            Example:
              artel user list --json
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let node = try global.openNode()
        let resolver = Resolver(node: node)
        let accounts = try await node.replica.accounts()
        let names = try await resolver.communityNames()
        let lines = accounts.map { account -> String in
            let rights = Dictionary(grouping: account.rights, by: \.community).map { community, rights in
                "\(names[community] ?? String(community.hex.prefix(16))): "
                    + rights.map(\.kind.name).sorted().joined(separator: ", ")
            }.sorted()
            let state = account.disabled ? "disabled" : "active"
            return ([account.name, account.role.rawValue, state] + rights).joined(separator: "  ")
        }
        output.emit(
            lines.isEmpty ? "No accounts." : lines.joined(separator: "\n"),
            json: .array(accounts.map { Self.json($0, names: names) })
        )
    }

    /// An account as `user list --json` and `user add --json` print it; never its password.
    static func json(_ account: Account, names: [PublicKey: String]) -> JSON {
        .object([
            ("name", .string(account.name)), ("role", .string(account.role.rawValue)),
            ("disabled", .bool(account.disabled)), ("created", .string(Moments.text(account.created))),
            ("author_key", account.authorKey.map(JSON.string) ?? .null),
            (
                "rights",
                .array(
                    account.rights.sorted().map {
                        .object([
                            ("community", .string($0.community.hex)),
                            ("community_name", names[$0.community].map(JSON.string) ?? .null),
                            ("kind", .string($0.kind.name)),
                        ])
                    }
                )
            ),
        ])
    }
}
