import ArgumentParser
import ArtelCore
import ArtelStore

/// `artel user add NAME --role ROLE`: a new account.
struct AddUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an account: an editor of some communities and kinds, a moderator or an operator.",
        discussion: """
            An editor gets an author key of its own in this node's key store, named user-NAME, that \
            signs what it writes on the site; the secret never leaves the node. When the node holds a \
            community's key it grants that key the editor's kinds for a year; otherwise the command \
            prints the `artel grant` to ask the community's key holder for.

            Examples:
              artel user add anna --role editor --community "Tech Leaders Moscow" \\
                  --kinds job --kinds event --password-file anna.password
              printf '%s\\n' "$PASSWORD" | artel user add boris --role moderator
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The name to sign in with: letters, digits, -, _ and .")
    var name: String

    @Option(help: "editor, moderator or operator.")
    var role: String

    @Option(help: "For an editor: a community it writes for (repeatable), by name, key name or id prefix.")
    var community: [String] = []

    @Option(help: "For an editor: a kind it writes (repeatable): job, event, digest.")
    var kinds: [String] = []

    @OptionGroup var password: PasswordOption
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let problem = Account.problem(withName: name) { throw ValidationError(problem) }
        guard let role = Account.Role(rawValue: role) else {
            throw ValidationError("--role \(role) is not a role: editor, moderator or operator")
        }
        switch NewAccount.rightsProblems(role, communities: community.count, kinds: kinds).first {
        case nil: return
        case .notAnEditor: throw ValidationError("only an editor writes for communities: drop --community and --kinds")
        case .noCommunity: throw ValidationError("an editor needs --community (repeatable)")
        case .noKinds: throw ValidationError("an editor needs --kinds job, event or digest (repeatable)")
        case .kind(let kind):
            throw ValidationError("--kinds \(kind) is not a kind an editor writes: job, event or digest")
        }
    }

    func run() async throws {
        let node = try global.openNode()
        let resolver = Resolver(node: node)
        var communities: [PublicKey] = []
        for text in community { communities.append(try await resolver.community(text)) }
        let hash = PasswordHash.hash(try PasswordInput.read(file: password.passwordFile))
        let names = try await resolver.communityNames()
        let added = try await NewAccount(
            name: name,
            role: Account.Role(rawValue: role)!,
            communities: communities,
            kinds: Set(kinds.compactMap { RecordKind(name: $0) })
        ).add(
            passwordHash: hash,
            keys: node.directory.keys,
            replica: node.replica,
            now: node.now,
            audit: node.audit("user.add", name)
        )
        var lines = ["Added \(role) \(name)."]
        if let editor = added.editorKey {
            lines.append("Its writes are signed by the author key \(editor.name) (\(editor.publicKey.hex)).")
        }
        for (community, outcome) in added.grants {
            let label = names[community] ?? community.hex
            let until = Moments.text(outcome.until, dateOnly: true)
            if let grant = outcome.grant {
                lines.append(
                    "Granted \(outcome.kinds.joined(separator: ", ")) in \(label) until \(until): grant \(grant.hex)."
                )
            } else {
                let flags = outcome.kinds.map { "--kinds \($0)" }.joined(separator: " ")
                lines.append(
                    """
                    This node does not hold the key of \(label): until its holder grants the editor's key, \
                    its writes wait in quarantine. Ask for:
                      artel grant \(community.hex.prefix(16)) \(added.editorKey!.publicKey.hex) \(flags) --until \(until)
                    """
                )
            }
        }
        output.emit(lines.joined(separator: "\n"), json: ListUsers.json(added.account, names: names))
    }
}
