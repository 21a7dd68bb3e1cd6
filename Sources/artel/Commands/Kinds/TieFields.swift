import ArgumentParser
import ArtelCore
import ArtelStore

/// The editable fields of a tie, as options named after them.
struct TieFields: FieldGroup {
    typealias Kind = TieKind
    static let createVerb = "add"
    static let createExample = """
        artel tie add --from 019a4c31f2d0 --to 019a4c32a871 --type mentors \\
            --community "Tech Leaders Moscow" \\
            --note "Наставничество в программе лидеров"
        """
    static let editExample = "artel tie edit a41c09 --to-confirmed true"

    @Option(help: "Where the tie formed: a community (name or id).") var contextCommunity: String?
    @Option(help: "Where the tie formed: an event id or prefix.") var contextEvent: String?
    @Option(help: "Since when (YYYY-MM-DD).") var since: Moment?
    @Option(help: "A note.") var note: String?
    @Option(help: "Whether the `from` person confirmed it (true or false).") var fromConfirmed: Bool?
    @Option(help: "Whether the `to` person confirmed it.") var toConfirmed: Bool?
    @Option(help: "\(Visibility.allCases.map(\.rawValue).joined(separator: ", ")) (default federation).")
    var visibility: String?

    func validate() throws {
        if contextCommunity != nil && contextEvent != nil {
            throw ValidationError("give --context-community or --context-event, not both")
        }
    }

    func apply(to builder: inout OperationBuilder, context: FieldContext) async throws {
        if let contextCommunity {
            builder.set("context", .reference(.community(try await context.resolver.community(contextCommunity))))
        }
        if let contextEvent {
            builder.set("context", .reference(try await context.resolver.reference(.event, contextEvent)))
        }
        builder.set("since", moment: since?.milliseconds())
        builder.set("note", note)
        builder.set("from_confirmed", fromConfirmed)
        builder.set("to_confirmed", toConfirmed)
        builder.set("visibility", visibility)
    }
}

struct TieCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tie",
        abstract: "Record ties between leaders: mentoring, co-organizing, referrals, collaboration.",
        subcommands: [
            AddTie.self, EditRecord<TieFields>.self, DeleteRecord<TieKind>.self, ShowRecord<TieKind>.self,
            ListTies.self,
        ]
    )
}

struct AddTie: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Record a tie between two people, signed by the key of the community that records it.",
        discussion: """
            A tie's id derives from its ends and type, so the same tie cannot be recorded twice. For \
            co_organizes and collaborates the order of the two people does not matter.

            Example:
              \(TieFields.createExample)
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var signer: AuthorOption

    @Option(help: "One person: an id or unique prefix.") var from: String
    @Option(help: "The other person.") var to: String
    @Option(help: "\(KindSchema.choices(.tie, "type")).") var type: String
    @Option(help: "The community that records the tie: its name, key name or id prefix.") var community: String
    @OptionGroup var fields: TieFields
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let node = try global.openNode()
        let resolver = Resolver(node: node)
        var ends = (try await resolver.reference(.person, from), try await resolver.reference(.person, to))
        if KindSchema.symmetricTieTypes.contains(type) && ends.1 < ends.0 { ends = (ends.1, ends.0) }
        let community = try await resolver.community(community)
        var builder = OperationBuilder(.tie)
        builder.set("from", .reference(ends.0))
        builder.set("to", .reference(ends.1))
        builder.set("type", type)
        try await fields.apply(to: &builder, context: FieldContext(resolver: resolver, current: nil, now: node.now))
        let id = RecordID.tie(from: ends.0, to: ends.1, type: type)
        let delta = try await resolver.publisher(for: community, author: signer)
            .create(.tie, community: community, record: id, operations: builder.operations, now: node.now)
        let view = try await node.view(.tie, Reference(community: community, record: id))
        output.emit("Recorded tie \(id.hex)", json: WriteOutput.written(view, delta: delta))
    }
}

struct ListTies: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List ties, of one person or of every person.",
        discussion: "Example:\n  artel tie list --person 019a4c31f2d0 --type mentors"
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var filters: ListFilters
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await ListPrinter.run(.tie, global: global, filters: filters, output: output)
    }
}
