import ArgumentParser
import ArtelCore
import ArtelStore
import Foundation

struct Log: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show who changed which field of a record, and when, from its stored deltas.",
        discussion: """
            A replica keeps only the deltas that still decide a field (DESIGN §4, retention), so the log \
            shows, for every field, the latest change and its author; older overwritten values are gone \
            by design.

            Example:
              artel log 019a4c2e71b3
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The record's id, or a unique prefix of it.")
    var id: String

    @Option(help: "The record's kind, when the prefix matches records of several kinds.")
    var kind: String?

    func run() async throws {
        let node = try global.openNode()
        let resolver = Resolver(node: node)
        let record = try await resolver.record(among: try kinds(), id)
        let keys = Dictionary(
            try node.readingKeys({ try $0.list() }, absent: []).map { ($0.publicKey, $0.name) },
            uniquingKeysWith: { first, _ in first }
        )
        let names = try await resolver.communityNames()
        let rendering = RecordRendering(communityNames: names)
        func author(_ key: PublicKey) -> String {
            names[key].map { "\($0) (community key)" } ?? keys[key].map { "key \($0)" } ?? "\(key.hex.prefix(16))…"
        }
        if output.json {
            print(JSON.array(record.deltas.map { RecordJSON.delta($0, kind: record.kind) }).rendered)
            return
        }
        print(
            "\(record.kind) \(record.id.hex) in \(rendering.communityName(record.community)): \(record.deltas.count) deltas kept"
        )
        // An event's moments, its changes' included, in its own time zone, as `show` gives them.
        let zone = Moments.zone(of: record.view)
        for delta in record.deltas {
            let moment = Moments.text(Int64(delta.delta.timestamp.milliseconds), zone: zone)
            print("\(moment)  by \(author(delta.delta.author))  delta \(delta.id.hex.prefix(16))…")
            for operation in delta.delta.operations {
                print("    " + Self.text(operation, kind: record.kind, rendering: rendering, zone: zone))
            }
        }
    }

    private func kinds() throws -> [RecordKind] {
        guard let kind else { return RecordKind.allCases }
        guard let named = RecordKind(name: kind) else { throw ValidationError("--kind \(kind) is not a record kind") }
        return [named]
    }

    private static func name(_ field: FieldID, kind: RecordKind) -> String {
        kind.schema.field(field)?.name ?? "\(field)"
    }

    private static func text(
        _ operation: ArtelCore.Operation,
        kind: RecordKind,
        rendering: RecordRendering,
        zone: TimeZone
    ) -> String {
        switch operation {
        case .set(let field, let value): "set \(name(field, kind: kind)) = \(rendering.text(value, zone: zone))"
        case .clear(let field): "clear \(name(field, kind: kind))"
        case .add(let field, let value): "add \(rendering.text(value, zone: zone)) to \(name(field, kind: kind))"
        case .remove(let field, let value):
            "remove \(rendering.text(value, zone: zone)) from \(name(field, kind: kind))"
        case .delete: "delete the record"
        }
    }
}
