import ArgumentParser

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring listings from the formats communities already use into a community.",
        discussion: """
            Each import is idempotent: importing the same file again changes nothing, and an edited \
            source updates its records instead of duplicating them. A file that cannot be read is \
            refused whole, with the line or place at fault, and nothing is stored.

            Example:
              artel import ics meetups.ics --community "Tech Leaders Moscow"
            """,
        subcommands: [ImportICalendar.self, ImportHH.self, ImportJSONLD.self, ImportTelegram.self]
    )
}
