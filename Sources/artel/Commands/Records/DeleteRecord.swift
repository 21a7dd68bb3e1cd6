import ArgumentParser
import ArtelCore
import ArtelStore

/// `artel <kind> delete ID`.
struct DeleteRecord<Kind: KindMarker>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "delete",
            abstract: "Delete a \(Kind.kind) for good, on every node that follows it.",
            discussion: """
                A delete is terminal: later changes to the record are refused everywhere, and its id is never reused.

                Example:
                  artel \(Kind.kind) delete \(Kind.example)
                """
        )
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var signer: AuthorOption

    @Argument(help: "The record's id, or a unique prefix of it.")
    var id: String

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let node = try global.openNode()
        let resolver = Resolver(node: node)
        let record = try await RecordLookup.find(Kind.kind, id, resolver: resolver)
        guard !record.state.isDeleted else {
            throw StoreError(.notFound, "the \(Kind.kind) \(record.id) is already deleted")
        }
        let delta = try await resolver.publisher(for: record.community, author: signer).delete(record, now: node.now)
        output.emit(
            "Deleted \(Kind.kind) \(record.id.hex) (delta \(delta.id.hex.prefix(16))…)",
            json: WriteOutput.deleted(Kind.kind, record.id, delta: delta)
        )
    }
}
