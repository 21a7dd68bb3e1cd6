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

    /// The kinds an editor may be given: the ones the site's forms write.
    static let editableKinds: [RecordKind] = [.job, .event, .digest]

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
        guard role == .editor else {
            guard community.isEmpty && kinds.isEmpty else {
                throw ValidationError("only an editor writes for communities: drop --community and --kinds")
            }
            return
        }
        guard !community.isEmpty else { throw ValidationError("an editor needs --community (repeatable)") }
        guard !kinds.isEmpty else { throw ValidationError("an editor needs --kinds job, event or digest (repeatable)") }
        for kind in kinds where !Self.editableKinds.contains(where: { $0.name == kind }) {
            throw ValidationError("--kinds \(kind) is not a kind an editor writes: job, event or digest")
        }
    }

    func run() async throws {
        let node = try global.openNode()
        let role = Account.Role(rawValue: role)!
        if try await node.replica.credentials(of: name) != nil {
            throw StoreError(.invalidInput, "an account named \"\(name)\" exists already; choose another name")
        }
        let resolver = Resolver(node: node)
        var communities: [PublicKey] = []
        for text in community { communities.append(try await resolver.community(text)) }
        let hash = PasswordHash.hash(try PasswordInput.read(file: password.passwordFile))
        let kinds = Set(kinds.compactMap { RecordKind(name: $0) })
        let names = try await resolver.communityNames()
        var lines = ["Added \(role.rawValue) \(name)."]
        var authorKey: String?
        if role == .editor {
            let editor = try EditorKey.prepare(for: name, in: node)
            authorKey = editor.name
            lines.append("Its writes are signed by the author key \(editor.name) (\(editor.publicKey.hex)).")
            for community in Set(communities).sorted(by: { $0.hex < $1.hex }) {
                lines.append(
                    try await EditorKey.grant(kinds, in: community, named: names[community], to: editor, node: node)
                )
            }
        }
        let rights = Set(
            communities.flatMap { community in kinds.map { Account.Right(community: community, kind: $0) } }
        )
        let account = Account(name: name, role: role, rights: rights, authorKey: authorKey, created: Int64(node.now))
        try await node.replica.addAccount(account, passwordHash: hash, audit: node.audit("user.add", name))
        output.emit(lines.joined(separator: "\n"), json: ListUsers.json(account, names: names))
    }
}
