import ArgumentParser
import ArtelCore
import ArtelStore

/// The editable fields of a membership, as options named after them.
struct MembershipFields: ParsableArguments {
    @Option(help: "A role (repeatable): \(KindSchema.choices(.membership, "roles")).") var roles: [String] = []
    @Option(help: "Member since (YYYY-MM-DD).") var since: Moment?
    @Option(help: "Member until.") var until: Moment?
    @Option(help: "Whether the person confirmed it (true or false).") var confirmedByPerson: Bool?
    @Option(help: "Whether the community confirmed it.") var confirmedByCommunity: Bool?
    @Option(help: "\(Visibility.allCases.map(\.rawValue).joined(separator: ", ")) (default federation).")
    var visibility: String?

    func apply(to builder: inout OperationBuilder) {
        builder.add("roles", roles)
        builder.set("since", moment: since?.milliseconds())
        builder.set("until", moment: until?.milliseconds())
        builder.set("confirmed_by_person", confirmedByPerson)
        builder.set("confirmed_by_community", confirmedByCommunity)
        builder.set("visibility", visibility)
    }
}

extension MembershipFields: FieldGroup {
    typealias Kind = MembershipKind
    static let createVerb = "add"
    static let createExample = """
        artel membership add --person 019a4c31f2d0 \\
            --community "Tech Leaders Moscow" \\
            --roles leader --roles organizer --since 2024-09-01
        """
    static let editExample = "artel membership edit 8f3e21 --roles ambassador --remove roles=member"

    func apply(to builder: inout OperationBuilder, context: FieldContext) async throws {
        apply(to: &builder)
    }
}

struct MembershipCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "membership",
        abstract: "Record who belongs to a community and in which roles.",
        subcommands: [
            AddMembership.self, EditRecord<MembershipFields>.self, DeleteRecord<MembershipKind>.self,
            ShowRecord<MembershipKind>.self, ListMemberships.self,
        ]
    )
}

struct AddMembership: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Record a person's membership of a community, signed by the community's key.",
        discussion: """
            A membership's id derives from the person and the community, so the same membership cannot \
            be recorded twice: adding it again changes the existing one.

            Example:
              \(MembershipFields.createExample)
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var signer: AuthorOption

    @Option(help: "The person: an id or unique prefix.") var person: String
    @Option(help: "The community: its name, key name or id prefix.") var community: String
    @OptionGroup var fields: MembershipFields
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let node = try global.openNode()
        let resolver = Resolver(node: node)
        let person = try await resolver.reference(.person, person)
        let community = Reference.community(try await resolver.community(community))
        var builder = OperationBuilder(.membership)
        builder.set("person", .reference(person))
        builder.set("community", .reference(community))
        fields.apply(to: &builder)
        let id = RecordID.membership(person: person, community: community)
        let delta = try await resolver.publisher(for: community.community, author: signer)
            .create(
                .membership,
                community: community.community,
                record: id,
                operations: builder.operations,
                now: node.now
            )
        let view = try await node.view(.membership, Reference(community: community.community, record: id))
        output.emit("Recorded membership \(id.hex)", json: WriteOutput.written(view, delta: delta))
    }
}

struct ListMemberships: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List memberships, of one person or one community.",
        discussion: "Example:\n  artel membership list --person 019a4c31f2d0"
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var filters: ListFilters
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await ListPrinter.run(.membership, global: global, filters: filters, output: output)
    }
}
