import ArgumentParser
import ArtelCore
import ArtelFormats
import ArtelImports
import ArtelStore

struct ImportJSONLD: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jsonld",
        abstract: "Import schema.org JobPosting and Event objects (JSON-LD) as jobs and events.",
        discussion: """
            Reads one object, an array, or a document with @graph, as job boards and event sites \
            embed them; other types are skipped. A posting is identified by its identifier (or its \
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
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await ImportRun.importFile(
            file,
            community: community,
            signer: signer,
            global: global,
            noun: "records",
            output: output
        ) {
            ImportReading(items: try SchemaOrgReader.records(in: $0).map(ImportItem.init))
        }
    }
}
