import ArgumentParser
import ArtelCore
import ArtelFormats
import ArtelImports
import ArtelStore

struct ImportHH: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hh",
        abstract: "Import hh.ru vacancies (the API's JSON: one vacancy or a page of search results) as jobs.",
        discussion: """
            Salary (RUR is RUB; gross or net; monthly unless the vacancy says per hour or shift), \
            employment, schedule and work format, experience, key skills, area, employer, the \
            description as plain text, the apply link and the publication time. A vacancy is \
            identified by its hh.ru id, recorded in `sources`. Contacts are personal data: they are \
            imported only with --with-contacts. --dry-run prints, vacancy by vacancy, what the import \
            would do, and stores nothing.

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

    @Flag(help: "Print what the import would do with each record, and store nothing.")
    var dryRun = false

    @OptionGroup var signer: AuthorOption
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await ImportRun.importFile(
            file,
            community: community,
            signer: signer,
            global: global,
            noun: "vacancies",
            output: output,
            dryRun: dryRun
        ) {
            try ImportFormat.hh.read($0, ImportOptions(withContacts: withContacts, now: 0))
        }
    }
}
