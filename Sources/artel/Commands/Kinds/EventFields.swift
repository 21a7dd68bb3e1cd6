import ArgumentParser
import ArtelCore
import Foundation

/// The fields of an event, as options named after them.
struct EventFields: FieldGroup {
    typealias Kind = EventKind
    static let createVerb = "post"
    static let createExample = """
        artel event post --community "Tech Leaders Moscow" \\
            --title "Мастермайнд комьюнити-менеджеров" --type mastermind \\
            --start "2026-12-10 19:00" --end "2026-12-10 21:00" \\
            --timezone Europe/Moscow --attendance online \\
            --online-urls https://meet.example.org/cm
        """
    static let editExample = """
        artel event edit 019a4c30aa07 --status postponed \\
            --start "2026-12-17 19:00"
        """

    @Option(help: "Event title.") var title: String?
    @Option(name: .customLong("description"), help: "What happens.") var text: String?
    @Option(help: "\(KindSchema.choices(.event, "type")).") var type: String?
    @Option(help: "Start (YYYY-MM-DD[ HH:MM], read in --timezone).") var start: Moment?
    @Option(help: "End.") var end: Moment?
    @Option(help: "IANA time zone of the event, e.g. Europe/Moscow.") var timezone: String?
    @Option(help: "Whether it lasts whole days (true or false).") var allDay: Bool?
    @Option(help: "\(KindSchema.choices(.event, "attendance")).") var attendance: String?
    @Option(help: "Venue name.") var placeName: String?
    @Option(help: "Venue address.") var placeAddress: String?
    @Option(help: "City.") var placeCity: String?
    @Option(help: "Country.") var placeCountry: String?
    @Option(name: .customLong("online-urls"), help: "Link to join online (repeatable).") var onlineURLs: [String] = []
    @Option(help: "Where to register.") var registrationURL: String?
    @Option(help: "Price, as text, e.g. \"бесплатно\" or \"1500 ₽\".") var price: String?
    @Option(help: "\(KindSchema.choices(.event, "status")).") var status: String?
    @Option(help: "An organizer: a person's id or prefix (repeatable).") var organizers: [String] = []
    @Option(help: "Language tag, e.g. ru.") var language: String?
    @Option(help: "Number of places.") var capacity: Int64?
    @Option(help: "A tag (repeatable).") var tags: [String] = []
    @Option(help: "Sequence number for calendars (bumped automatically on schedule changes).") var sequence: Int64?
    @Option(help: "How the event repeats, as an iCalendar RRULE (FREQ=WEEKLY;BYDAY=TH), kept as text.")
    var recurrence: String?
    @Option(help: "\(Visibility.allCases.map(\.rawValue).joined(separator: ", ")) (default public).") var visibility:
        String?

    func validate() throws {
        try Self.checkTimeZone(timezone)
    }

    func apply(to builder: inout OperationBuilder, context: FieldContext) async throws {
        let zone = context.timeZone(given: timezone)
        builder.set("title", title)
        builder.set("description", text)
        builder.set("type", type)
        builder.set("start", moment: start?.milliseconds(in: zone))
        builder.set("end", moment: end?.milliseconds(in: zone))
        builder.set("timezone", timezone)
        builder.set("all_day", allDay)
        builder.set("attendance", attendance)
        builder.set("place.name", placeName)
        builder.set("place.address", placeAddress)
        builder.set("place.city", placeCity)
        builder.set("place.country", placeCountry)
        builder.add("online_urls", onlineURLs)
        builder.set("registration_url", registrationURL)
        builder.set("price", price)
        builder.set("status", status)
        var people: [Value] = []
        for organizer in organizers {
            people.append(.reference(try await context.resolver.reference(.person, organizer)))
        }
        builder.add("organizers", people)
        builder.set("language", language)
        builder.set("capacity", capacity)
        builder.add("tags", tags)
        builder.set("sequence", sequence)
        builder.set("recurrence", recurrence)
        builder.set("visibility", visibility)
    }
}

struct EventCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "event",
        abstract: "Post, edit, renew, delete and show events: webinars, meetups, masterminds, conferences.",
        subcommands: [
            CreateRecord<EventFields>.self, EditRecord<EventFields>.self, RenewRecord<EventKind>.self,
            DeleteRecord<EventKind>.self, ShowRecord<EventKind>.self,
        ]
    )
}
