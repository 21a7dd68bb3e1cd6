import ArgumentParser
import ArtelCore
import ArtelFormats
import ArtelStore
import Foundation

struct ImportICalendar: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ics",
        abstract: "Import the events of an iCalendar (.ics) file as a community's events.",
        discussion: """
            Reads what Google Calendar, Outlook and Nextcloud write: folded lines, escaped text, UTC, \
            TZID (IANA names, or Windows names defined in the file) and floating times (read in the \
            calendar's X-WR-TIMEZONE, else UTC), all-day events, STATUS, SEQUENCE, URL, LOCATION; \
            RRULE is kept as text in `recurrence`. An event is identified by its UID, so a feed can \
            be imported again and again.

            Example:
              artel import ics meetups.ics --community "Tech Leaders Moscow"
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The .ics file.")
    var file: String

    @Option(help: "The community the events belong to: its name, its key's name, or a prefix of its id.")
    var community: String

    @OptionGroup var signer: AuthorOption

    func run() async throws {
        let node = try global.openNode()
        let resolver = Resolver(node: node)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw StoreError(.io, "cannot read \(file)")
        }
        let events: [CalendarEvent]
        do {
            events = try ICalendarReader.events(in: [UInt8](data))
        } catch {
            throw StoreError(.invalidInput, "\(file), \(error); nothing was imported")
        }
        let community = try await resolver.community(community)
        let publisher = try resolver.publisher(for: community, author: signer)
        // The same UID twice: the version with the highest SEQUENCE, then the later one, counts.
        var latest: [RecordID: CalendarEvent] = [:]
        var order: [RecordID] = []
        for event in events {
            let id = event.recordID
            if let kept = latest[id], (kept.sequence ?? 0) > (event.sequence ?? 0) { continue }
            if latest.updateValue(event, forKey: id) == nil { order.append(id) }
        }
        let items = order.map { id in
            let event = latest[id]!
            return ImportItem(
                kind: .event,
                record: id,
                operations: event.operations,
                controlled: CalendarEvent.importedFields,
                label: "event \(event.uid.prefix(60))"
            )
        }
        do {
            try await ImportRun.run(
                items,
                noun: "events",
                file: file,
                community: community,
                publisher: publisher,
                now: node.now
            )
        } catch let error as DeltaError {
            throw StoreError(.invalidInput, "\(file), \(error.message); nothing was imported")
        }
    }
}
