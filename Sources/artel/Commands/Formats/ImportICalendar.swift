import ArgumentParser
import ArtelCore
import ArtelFormats
import ArtelImports
import ArtelStore
import Foundation

struct ImportICalendar: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ics",
        abstract: "Import the events of an iCalendar (.ics) file as a community's events.",
        discussion: """
            Reads what Google Calendar, Outlook and Nextcloud write: folded lines, escaped text, UTC, \
            TZID (IANA names, Outlook's Windows names, others defined in the file) and floating times (read in the \
            calendar's X-WR-TIMEZONE, else UTC), all-day events, DTEND or DURATION, STATUS, SEQUENCE, \
            URL, LOCATION; RRULE is kept as text in `recurrence`. An event that cannot be read (no \
            SUMMARY, no DTSTART, a time zone the file never defines…) is skipped and told with its \
            line; the others are imported. An event is identified by its UID, so a feed can \
            be imported again and again: an unchanged event is left as it is, except a repeating one \
            with occurrences still to come that would expire within 14 days, which is renewed (an \
            event lives until 30 days after its first occurrence unless renewed). Importing the \
            calendar at least every two weeks keeps its series listed. --dry-run prints, event by event, \
            what the import would do (new, updated, unchanged, renewed), with every check the import \
            makes, and stores nothing. An event edited here since its import keeps the edit while \
            the calendar still says what was imported.

            Example:
              artel import ics meetups.ics --community "Tech Leaders Moscow"
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The .ics file.")
    var file: String

    @Option(help: "The community the events belong to: its name, its key's name, or a prefix of its id.")
    var community: String

    @Flag(help: "Print what the import would do with each record, and store nothing.")
    var dryRun = false

    @OptionGroup var signer: AuthorOption
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        try await ImportRun.importFile(
            file,
            community: community,
            signer: signer,
            global: global,
            noun: "events",
            output: output,
            dryRun: dryRun
        ) {
            try ImportFormat.calendar.read($0, ImportOptions(now: now))
        }
    }
}
