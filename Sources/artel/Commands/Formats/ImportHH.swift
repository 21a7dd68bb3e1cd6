import ArgumentParser
import ArtelCore
import ArtelFormats
import ArtelStore
import Foundation

struct ImportHH: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hh",
        abstract: "Import hh.ru vacancies (the API's JSON: one vacancy or a page of search results) as jobs.",
        discussion: """
            Salary (RUR is RUB; gross or net; monthly unless the vacancy says per hour or shift), \
            employment, schedule and work format, experience, key skills, area, employer, the \
            description as plain text, the apply link and the publication time. A vacancy is \
            identified by its hh.ru id, recorded in `sources`. Contacts are personal data: they are \
            imported only with --with-contacts.

            Example:
              curl -s 'https://api.hh.ru/vacancies?text=комьюнити-менеджер' > hh.json
              artel import hh hh.json --community "HR Association"
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The JSON file.")
    var file: String

    @Option(help: "The community the jobs belong to: its name, its key's name, or a prefix of its id.")
    var community: String

    @Flag(help: "Also import each vacancy's contact person (personal data).")
    var withContacts = false

    @OptionGroup var signer: AuthorOption

    func run() async throws {
        let node = try global.openNode()
        let resolver = Resolver(node: node)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw StoreError(.io, "cannot read \(file)")
        }
        let jobs: [ImportedRecord]
        do {
            jobs = try HHReader.jobs(in: [UInt8](data), withContacts: withContacts)
        } catch {
            throw StoreError(.invalidInput, "\(file), \(error); nothing was imported")
        }
        let community = try await resolver.community(community)
        var seen: Set<RecordID> = []
        let items = jobs.reversed().filter { seen.insert($0.record).inserted }.reversed().map(ImportItem.init)
        do {
            try await ImportRun.run(
                Array(items),
                noun: "vacancies",
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

extension ImportItem {
    /// The item of a record a format reader brought.
    init(_ record: ImportedRecord) {
        self.init(
            kind: record.kind,
            record: record.record,
            operations: record.operations,
            controlled: record.controlled,
            label: record.label
        )
    }
}
