import ArtelCore
import ArtelFormats
import ArtelTestKit
import Foundation
import Testing

@Suite("iCalendar series and online events, as Google writes them")
struct ICalendarSeriesTests {
    static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0) -> Int64 {
        ICalendarReaderTests.utc(year, month, day, hour)
    }

    static func events() throws -> [CalendarEvent] {
        try ICalendarReaderTests.fixture("google-online.ics")
    }

    static func event(_ uid: String) throws -> CalendarEvent {
        try #require(try events().first { $0.uid == uid })
    }

    @Test("An empty LOCATION: or DESCRIPTION: (as Google writes it) counts as absent instead of refusing the file")
    func emptyPropertiesAreAbsent() throws {
        let call = try Self.event("weekly-call@google.com")
        #expect(call.location == nil)
        let zoom = try Self.event("zoom-webinar@google.com")
        #expect(zoom.description == nil)
        let record = call.operations.map(\.field)
        #expect(!record.contains(RecordKind.event.schema["place.name"].id), "no empty place is written")
    }

    @Test("EXDATE, RDATE and exceptions to single occurrences are kept with the series")
    func exceptionsAreKept() throws {
        let events = try Self.events()
        #expect(events.count == 6, "the cancelled occurrence is no event; the moved one is")
        let call = try Self.event("weekly-call@google.com")
        let recurrence = try #require(call.recurrence)
        #expect(recurrence.rule == "FREQ=WEEKLY;BYDAY=WE")
        #expect(
            Set(recurrence.exceptions)
                == [
                    Self.utc(2026, 12, 30, 16), Self.utc(2027, 1, 6, 16), Self.utc(2026, 12, 16, 16),
                    Self.utc(2026, 12, 23, 16),
                ]
        )
        #expect(recurrence.additions == [Self.utc(2027, 1, 8, 16)])
        let moved = try Self.event("weekly-call@google.com#20261216T160000Z")
        #expect(moved.start == Self.utc(2026, 12, 17, 16) && moved.recurrence == nil)
        #expect(moved.summary == "Созвон модераторов (перенос на четверг)")
        #expect(moved.onlineURLs == call.onlineURLs, "an occurrence that names no place is joined as its series is")
        #expect(Recurrence(text: recurrence.text) == recurrence, "the text a record keeps reads back the same")
        #expect(Recurrence(text: "FREQ=YEARLY")?.rule == "FREQ=YEARLY", "records written before keep their bare RRULE")
    }

    @Test("A weekly series expands into its occurrences in a window: exceptions left out, RDATE added, 19:00 kept")
    func weeklyOccurrences() throws {
        let call = try Self.event("weekly-call@google.com")
        let starts = call.occurrences(from: Self.utc(2026, 12, 1), through: Self.utc(2027, 1, 31)).map(\.start)
        #expect(
            starts == [
                Self.utc(2026, 12, 2, 16), Self.utc(2026, 12, 9, 16), Self.utc(2027, 1, 8, 16),
                Self.utc(2027, 1, 13, 16), Self.utc(2027, 1, 20, 16), Self.utc(2027, 1, 27, 16),
            ]
        )
        let later = call.occurrences(from: Self.utc(2027, 3, 1), through: Self.utc(2027, 3, 8))
        #expect(later.map(\.start) == [Self.utc(2027, 3, 3, 16)], "a window months later still finds the series")
        #expect(later[0].end == Self.utc(2027, 3, 3, 17) && later[0].recurrence == nil && later[0].isOccurrence)
    }

    @Test(
        "Monthly and yearly rules: the last Friday, the 31st only in long months, COUNT and UNTIL, a DST change",
        arguments: [
            (
                "FREQ=MONTHLY;BYDAY=-1FR;COUNT=3", "Europe/Moscow", Self.utc(2026, 1, 30, 16),
                [Self.utc(2026, 1, 30, 16), Self.utc(2026, 2, 27, 16), Self.utc(2026, 3, 27, 16)]
            ),
            (
                "FREQ=MONTHLY;BYMONTHDAY=31;UNTIL=20260601T000000Z", "UTC", Self.utc(2026, 1, 31, 9),
                [Self.utc(2026, 1, 31, 9), Self.utc(2026, 3, 31, 9), Self.utc(2026, 5, 31, 9)]
            ),
            (
                "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=4", "Europe/Berlin", Self.utc(2026, 3, 24, 18),
                [
                    Self.utc(2026, 3, 24, 18), Self.utc(2026, 3, 26, 18), Self.utc(2026, 4, 7, 17),
                    Self.utc(2026, 4, 9, 17),
                ]
            ),
            (
                "FREQ=YEARLY;BYMONTH=12;BYDAY=2SA", "UTC", Self.utc(2026, 12, 12, 10),
                [Self.utc(2026, 12, 12, 10), Self.utc(2027, 12, 11, 10), Self.utc(2028, 12, 9, 10)]
            ),
        ]
    )
    func rules(rule: String, zone: String, first: Int64, expected: [Int64]) {
        var event = CalendarEvent(uid: "rule", summary: "Rule", start: first)
        event.timeZone = zone
        event.recurrence = Recurrence(rule: rule)
        #expect(event.occurrences(from: first, through: Self.utc(2028, 12, 31)).map(\.start) == expected)
    }

    @Test("Meeting links in CONFERENCE, LOCATION, DESCRIPTION or Google's property make the event online")
    func onlineEvents() throws {
        let call = try Self.event("weekly-call@google.com")
        #expect(call.attendance == "online" && call.onlineURLs == ["https://meet.google.com/abc-defg-hij"])
        let zoom = try Self.event("zoom-webinar@google.com")
        #expect(zoom.attendance == "online" && zoom.location == nil, "a link in LOCATION names no place")
        #expect(zoom.onlineURLs == ["https://us02web.zoom.us/j/81234567890?pwd=abc"])
        let telemost = try Self.event("telemost-talk@google.com")
        #expect(telemost.onlineURLs == ["https://telemost.yandex.ru/j/12345678901234"], "the full stop is no part")
        let jitsi = try Self.event("jitsi-standup@example.org")
        #expect(jitsi.attendance == "online" && jitsi.onlineURLs == ["https://meet.jit.si/ArtelModerators"])
        let meetup = try Self.event("hybrid-meetup@google.com")
        #expect(meetup.attendance == "mixed" && meetup.location == "Москва, ул. Льва Толстого, 16")
        #expect(meetup.onlineURLs == ["https://zoom.us/j/99988877766"])
    }

    @Test("The ICS export keeps the join link as URL and CONFERENCE, and the series with its EXDATE and RDATE")
    func writtenBack() throws {
        let events = try Self.events()
        let feed = ICalendarWriter.feed(events, name: "Клуб", now: 0)
        let unfolded = feed.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("CONFERENCE;VALUE=URI;FEATURE=VIDEO:https://meet.google.com/abc-defg-hij\r\n"))
        #expect(unfolded.contains("URL:https://us02web.zoom.us/j/81234567890?pwd=abc\r\n"))
        // The series is written in its own zone, which the feed defines.
        #expect(unfolded.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Moscow\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:+0300\r\n"))
        #expect(unfolded.contains("DTSTART;TZID=Europe/Moscow:20261202T190000\r\n"))
        #expect(
            unfolded.contains(
                "EXDATE;TZID=Europe/Moscow:20261216T190000,20261223T190000,20261230T190000,20270106T190000\r\n"
            )
        )
        #expect(unfolded.contains("RDATE;TZID=Europe/Moscow:20270108T190000\r\n"))
        let again = try ICalendarReader.read(Array(feed.utf8)).events
        #expect(again.map(\.recurrence) == events.map(\.recurrence))
        #expect(again.map(\.onlineURLs) == events.map(\.onlineURLs))
        #expect(again.map(\.attendance) == events.map(\.attendance))
    }

    @Test("JSON-LD: a VirtualLocation for online events, both locations for a mixed one, occurrences of a series")
    func schemaOrg() throws {
        let events = CalendarEvent.listing(try Self.events(), now: Self.utc(2026, 12, 1))
        let document = SchemaOrgWriter.document(jobs: [], events: events)
        let graph = try #require(
            (try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any])?["@graph"]
                as? [[String: Any]]
        )
        func object(_ name: String) throws -> [String: Any] {
            try #require(graph.first { $0["name"] as? String == name })
        }
        let zoom = try object("Вебинар: онбординг волонтёров")
        #expect(zoom["eventAttendanceMode"] as? String == "https://schema.org/OnlineEventAttendanceMode")
        let virtual = try #require(zoom["location"] as? [String: Any])
        #expect(virtual["@type"] as? String == "VirtualLocation")
        #expect(virtual["url"] as? String == "https://us02web.zoom.us/j/81234567890?pwd=abc")
        let meetup = try object("Митап лидеров сообществ")
        #expect(meetup["eventAttendanceMode"] as? String == "https://schema.org/MixedEventAttendanceMode")
        #expect(
            (meetup["location"] as? [[String: Any]])?.compactMap { $0["@type"] as? String } == [
                "Place", "VirtualLocation",
            ]
        )
        let calls = graph.filter { $0["name"] as? String == "Созвон модераторов" }
        #expect(calls.count > 40, "a year of weekly calls")
        #expect(graph.allSatisfy { $0["location"] != nil }, "every event has a location")
        #expect(Set(calls.compactMap { $0["identifier"] as? String }).count == calls.count)
    }
}

@Suite("Whether a series is still running, which keeps it alive on re-import")
struct RunningSeriesTests {
    static func weekly(_ rule: String) -> CalendarEvent {
        var event = CalendarEvent(
            uid: "weekly@example.org",
            summary: "Завтрак",
            start: ICalendarSeriesTests.utc(2026, 11, 21, 9)
        )
        event.end = event.start + 3_600_000
        event.recurrence = Recurrence(rule: rule)
        return event
    }

    @Test("A series with occurrences to come is running; one that ended, or an event that does not repeat, is not")
    func running() {
        let later = ICalendarSeriesTests.utc(2027, 3, 1)
        #expect(Self.weekly("FREQ=WEEKLY;BYDAY=SA").hasOccurrence(after: later))
        #expect(!Self.weekly("FREQ=WEEKLY;BYDAY=SA;COUNT=4").hasOccurrence(after: later))
        #expect(!Self.weekly("FREQ=WEEKLY;BYDAY=SA;UNTIL=20270201T000000Z").hasOccurrence(after: later))
        #expect(Self.weekly("FREQ=YEARLY").hasOccurrence(after: later), "next November is within the horizon")
        var single = Self.weekly("FREQ=DAILY")
        single.recurrence = nil
        #expect(!single.hasOccurrence(after: single.start - 1))
    }
}
