import ArgumentParser
import ArtelCore
import ArtelStore

/// The fields of a community profile, as options named after them.
struct CommunityFields: FieldGroup {
    typealias Kind = CommunityKind
    static let createVerb = "create"
    static let createExample = """
        artel community create --name "Tech Leaders Moscow" --kind community \\
            --area Москва --topics "комьюнити-менеджмент" \\
            --links https://t.me/techleaders --language ru
        """
    static let editExample = """
        artel community edit "Tech Leaders Moscow" \\
            --description "Клуб лидеров IT-сообществ"
        """

    @Option(help: "The community's name.") var name: String?
    @Option(name: .customLong("description"), help: "What it is about.") var text: String?
    @Option(help: "\(KindSchema.choices(.community, "kind")).") var kind: String?
    @Option(help: "Where or in which field it works.") var area: String?
    @Option(help: "A topic (repeatable).") var topics: [String] = []
    @Option(help: "A link: site, chat, channel (repeatable).") var links: [String] = []
    @Option(help: "Whom to contact.") var contact: String?
    @Option(help: "Main language tag, e.g. ru.") var language: String?
    @Option(help: "\(Visibility.allCases.map(\.rawValue).joined(separator: ", ")) (default public).") var visibility:
        String?

    func apply(to builder: inout OperationBuilder, context: FieldContext) async throws {
        builder.set("name", name)
        builder.set("description", text)
        builder.set("kind", kind)
        builder.set("area", area)
        builder.add("topics", topics)
        builder.add("links", links)
        builder.set("contact", contact)
        builder.set("language", language)
        builder.set("visibility", visibility)
    }
}

struct CommunityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "community",
        abstract: "Create, edit, list and show communities; each has its own key.",
        subcommands: [
            CreateCommunity.self, EditRecord<CommunityFields>.self, ListCommunities.self,
            ShowRecord<CommunityKind>.self,
            DeleteRecord<CommunityKind>.self,
        ]
    )
}

struct CreateCommunity: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Make a community: a new community key (its id) and its profile, signed by that key.",
        discussion: """
            The key is stored as community-<first 8 hex digits> unless --key-name says otherwise. Keep a \
            copy offline: `artel keys export NAME --output FILE`. The node follows the new community.

            Example:
              \(CommunityFields.createExample)
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var fields: CommunityFields

    @Option(help: "The name to store the new community key under.")
    var keyName: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard fields.name != nil else { throw ValidationError("a new community needs --name") }
    }

    func run() async throws {
        let node = try global.openNode()
        var builder = OperationBuilder(.community)
        try await fields.apply(
            to: &builder,
            context: FieldContext(resolver: Resolver(node: node), current: nil, now: node.now)
        )
        let key = SigningKey.generate()
        let publisher = Publisher(replica: node.replica, key: key)
        // The profile is checked before the key is stored, so a bad value leaves nothing behind.
        let profile = try await publisher.prepareCreate(
            .community,
            community: key.publicKey,
            record: .community(key.publicKey),
            operations: builder.operations,
            now: node.now
        )
        let entry = try node.directory.keys.store(
            key,
            name: keyName ?? "community-\(key.publicKey.hex.prefix(8))",
            role: .community
        )
        let delta = try await publisher.commit(profile, now: node.now)
        try await node.replica.follow(key.publicKey, kinds: .all)
        guard output.json else {
            print(
                """
                Created community \(fields.name ?? "") \(entry.publicKey.hex)
                  key  \(entry.name) (keep a copy offline: artel keys export \(entry.name) --output FILE)
                """
            )
            return
        }
        guard
            case .object(var members) = WriteOutput.written(
                try await node.view(.community, .community(key.publicKey)),
                delta: delta
            )
        else { return }
        members.append(("key", KeyPrinter.json(entry)))
        print(JSON.object(members).rendered)
    }
}

struct ListCommunities: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List communities (the same as `artel list communities`).",
        discussion: "Example:\n  artel community list --type association"
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var filters: ListFilters
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await ListPrinter.run(.community, global: global, filters: filters, output: output)
    }
}
