import ArgumentParser
import ArtelCore
import ArtelStore

/// `artel job post`, `artel event post`, `artel person add`, `artel digest create`: a new record
/// with a generated id, signed with the community key or a granted author key (`--author`).
struct CreateRecord<Fields: FieldGroup>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        let required = Fields.Kind.kind.schema.fields.filter(\.isRequired).map { "--" + $0.name.flag }
        return CommandConfiguration(
            commandName: Fields.createVerb,
            abstract: "Make a new \(Fields.Kind.kind) in a community, signed with its key or a granted author key.",
            discussion:
                "Required: --community and \(required.joined(separator: ", ")).\n\nExample:\n  \(Fields.createExample)"
        )
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var signer: AuthorOption

    @Option(help: "The community: its name, its key's name, or a prefix of its id.")
    var community: String

    @OptionGroup var fields: Fields
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let node = try global.openNode()
        let resolver = Resolver(node: node)
        let community = try await resolver.community(community)
        let publisher = try resolver.publisher(for: community, author: signer)
        var builder = OperationBuilder(Fields.Kind.kind)
        try await fields.apply(to: &builder, context: FieldContext(resolver: resolver, current: nil, now: node.now))
        try builder.requireAll()
        let record = Publisher.newRecordID(now: node.now)
        let delta = try await publisher.create(
            Fields.Kind.kind,
            community: community,
            record: record,
            operations: builder.operations,
            now: node.now
        )
        let view = try await node.view(Fields.Kind.kind, Reference(community: community, record: record))
        var text = "Created \(Fields.Kind.kind) \(record.hex)"
        if delta.delta.expiry != 0 {
            text +=
                "\nIt expires \(Moments.text(Int64(delta.delta.expiry), zone: Moments.zone(of: view))) unless renewed."
        }
        output.emit(text, json: WriteOutput.written(view, delta: delta))
    }
}

/// `artel <kind> edit ID`: change some fields of a record.
struct EditRecord<Fields: FieldGroup>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "edit",
            abstract: "Change fields of a \(Fields.Kind.kind): set values, add set elements, --clear or --remove.",
            discussion: "Example:\n  \(Fields.editExample)"
        )
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var signer: AuthorOption

    @Argument(help: "The record's id, or a unique prefix of it (a community: its name or id).")
    var id: String

    @OptionGroup var fields: Fields
    @OptionGroup var changes: ChangeOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let node = try global.openNode()
        let resolver = Resolver(node: node)
        let record = try await RecordLookup.find(Fields.Kind.kind, id, resolver: resolver)
        guard !record.state.isDeleted else {
            throw StoreError(.notFound, "the \(Fields.Kind.kind) \(record.id) has been deleted")
        }
        var builder = OperationBuilder(Fields.Kind.kind)
        try await fields.apply(to: &builder, context: FieldContext(resolver: resolver, current: record, now: node.now))
        try builder.apply(changes)
        guard !builder.operations.isEmpty else {
            throw ValidationError("nothing to change: give a field option, --clear or --remove")
        }
        let delta = try await resolver.publisher(for: record.community, author: signer).edit(
            record,
            operations: builder.operations,
            now: node.now
        )
        let view = try await node.view(Fields.Kind.kind, record.reference)
        output.emit(
            "Changed \(Fields.Kind.kind) \(record.id.hex) (delta \(delta.id.hex.prefix(16))…)",
            json: WriteOutput.written(view, delta: delta)
        )
    }
}

extension String {
    /// The command-line flag of a field name: `salary_min` → `salary-min`, `location.city` → `location-city`.
    var flag: String { String(map { $0 == "_" || $0 == "." ? "-" : $0 }) }
}

extension OperationBuilder {
    /// Refuses a new record that lacks a required field.
    func requireAll() throws {
        let given = Set(operations.map(\.field))
        for field in kind.schema.fields where field.isRequired && !given.contains(field.id) {
            throw ValidationError("a new \(kind) needs --\(field.name.flag)")
        }
    }
}
