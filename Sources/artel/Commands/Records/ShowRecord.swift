import ArgumentParser
import ArtelCore
import ArtelStore

/// `artel <kind> show ID`.
struct ShowRecord<Kind: KindMarker>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "show",
            abstract: "Show a \(Kind.kind) with every field.",
            discussion: "Example:\n  artel \(Kind.kind) show \(Kind.example)"
        )
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The record's id, or a unique prefix of it.")
    var id: String

    func run() async throws {
        let node = try global.openNode()
        let resolver = Resolver(node: node)
        let record = try await RecordLookup.find(Kind.kind, id, resolver: resolver)
        let rendering = RecordRendering(communityNames: try await resolver.communityNames())
        guard let view = record.view else {
            throw StoreError(
                .notFound,
                "the \(Kind.kind) \(record.id) has been deleted; `artel log \(record.id.hex)` shows when"
            )
        }
        print(output.json ? RecordJSON.record(view).rendered : rendering.text(view))
    }
}

/// Finds the record a command names: by id prefix, or, for communities, by name as well.
enum RecordLookup {
    static func find(_ kind: RecordKind, _ text: String, resolver: Resolver) async throws -> StoredRecord {
        guard kind == .community else { return try await resolver.record(kind, text) }
        let community = try await resolver.community(text)
        guard let record = try await resolver.node.replica.record(.community, .community(community)) else {
            throw StoreError(.notFound, "this replica holds no profile of community \(community.hex.prefix(16))…")
        }
        return record
    }
}
