import ArgumentParser
import ArtelCore
import ArtelFormats
import ArtelStore
import Foundation

struct ImportJSONLD: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jsonld",
        abstract: "Import schema.org JobPosting and Event objects (JSON-LD) as jobs and events.",
        discussion: """
            Reads one object, an array, or a document with @graph, as job boards and event sites \\
            embed them; other types are skipped. A posting is identified by its identifier (or its \\
            url), so the same file can be imported again; postings Artel exported keep their records.

            Example:
              artel import jsonld board.jsonld --community "HR Association"
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The JSON-LD file.")
    var file: String

    @Option(help: "The community the records belong to: its name, its key's name, or a prefix of its id.")
    var community: String

    @OptionGroup var signer: AuthorOption

    func run() async throws {
        let node = try global.openNode()
        let resolver = Resolver(node: node)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw StoreError(.io, "cannot read \(file)")
        }
        let records: [ImportedRecord]
        do {
            records = try SchemaOrgReader.records(in: [UInt8](data))
        } catch {
            throw StoreError(.invalidInput, "\(file), \(error); nothing was imported")
        }
        let community = try await resolver.community(community)
        var seen: Set<RecordID> = []
        let items = records.reversed().filter { seen.insert($0.record).inserted }.reversed().map(ImportItem.init)
        do {
            try await ImportRun.run(
                Array(items),
                noun: "records",
                file: file,
                community: community,
                publisher: try resolver.publisher(for: community, author: signer),
                now: node.now
            )
        } catch let error as DeltaError {
            throw StoreError(.invalidInput, "\(file), \(error.message); nothing was imported")
        }
    }
}
