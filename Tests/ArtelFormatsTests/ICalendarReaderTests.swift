import ArtelFormats
import ArtelTestKit
import Foundation
import Testing

@Suite("iCalendar, as calendar apps write it")
struct ICalendarReaderTests {
    static func fixture(_ name: String) throws -> [CalendarEvent] {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: TestFiles.path("Tests/Fixtures/ics/\(name)")))
        return try ICalendarReader.events(in: [UInt8](bytes))
    }

    /// Unix milliseconds of a UTC moment.
    static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Int64 {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
        return Int64(date.timeIntervalSince1970 * 1000)
    }

    @Test("Google Calendar: TZID times, folded and escaped text, an all-day recurring event, a cancelled one")
    func google() throws {
        let events = try Self.fixture("google.ics")
        #expect(events.count == 3)
        let mastermind = events[0]
        #expect(mastermind.summary == "Мастермайнд лидеров сообществ")
        #expect(mastermind.start == Self.utc(2026, 12, 3, 16) && mastermind.end == Self.utc(2026, 12, 3, 18))
        #expect(mastermind.timeZone == "Europe/Moscow")
        #expect(
            mastermind.description
                == "Мастермайнд для лидеров сообществ: разбираем кейсы участников, делимся опытом.\nРегистрация по ссылке."
        )
        #expect(mastermind.location == "Москва, ул. Льва Толстого, 16")
        #expect(mastermind.sequence == 2 && mastermind.status == "scheduled")
        #expect(mastermind.url == "https://techleaders.example/events/mastermind")
        #expect(mastermind.updated == Self.utc(2026, 11, 15, 12))
        let session = events[1]
        #expect(session.allDay && session.start == Self.utc(2026, 12, 12) && session.end == Self.utc(2026, 12, 14))
        #expect(session.recurrence?.rule == "FREQ=YEARLY")
        #expect(events[2].status == "cancelled" && events[2].sequence == 3)
    }

    @Test("Outlook: a Windows time zone name defined by its VTIMEZONE, a quoted TZID, a LANGUAGE parameter")
    func outlook() throws {
        let events = try Self.fixture("outlook.ics")
        #expect(events.count == 1)
        #expect(events[0].start == Self.utc(2026, 12, 5, 8) && events[0].end == Self.utc(2026, 12, 5, 10, 30))
        #expect(events[0].timeZone == nil, "Russian Standard Time is not an IANA name")
        #expect(events[0].summary == "Встреча амбассадоров бренда")
        #expect(events[0].description?.contains("\n- кейсы\n") == true)
    }

    @Test("Nextcloud: LF line ends, floating times, a weekly RRULE, and an exception to one occurrence moved")
    func nextcloud() throws {
        let events = try Self.fixture("nextcloud.ics")
        #expect(events.count == 2, "the series, and the occurrence moved to another day")
        #expect(events[0].recurrence?.rule == "FREQ=WEEKLY;BYDAY=WE")
        #expect(events[0].recurrence?.exceptions == [Self.utc(2026, 12, 9, 18)])
        #expect(events[0].start == Self.utc(2026, 12, 2, 18), "a floating time without X-WR-TIMEZONE reads as UTC")
        #expect(events[1].start == Self.utc(2026, 12, 10, 18) && events[1].summary == "Созвон модераторов (перенос)")
    }

    @Test("A fold inside a UTF-8 character reads back whole")
    func foldInsideCharacter() throws {
        var bytes = Array("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20261201T100000Z\r\nSUMMARY:Вст".utf8)
        bytes.removeLast()  // the first byte of "т" stays, its second byte moves past the fold
        bytes += [0x0D, 0x0A, 0x20, Array("т".utf8)[1]] + Array("реча\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".utf8)
        #expect(try ICalendarReader.events(in: bytes).first?.summary == "Встреча")
    }

    @Test(
        "Malformed files are refused with the line at fault",
        arguments: [
            ("not a calendar", "BEGIN:VCARD\r\nEND:VCARD\r\n", "line 1", "starts with BEGIN:VCALENDAR"),
            ("truncated", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\n", "line 2", "never closed"),
            ("no end", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", "line 2", "ends before END:VCALENDAR"),
            (
                "bad date",
                "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:x\r\nDTSTART:20261340T250000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
                "line 5", "not a real date"
            ),
            (
                "mis-folded",
                "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:длинное\r\nназвание\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
                "line 5", "is not a content line"
            ),
            (
                "unknown zone",
                "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:x\r\nDTSTART;TZID=Mars/Olympus:20261201T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
                "line 5", "neither an IANA name"
            ),
            (
                "no start", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
                "line 2", "has no DTSTART"
            ),
            (
                "ends first",
                "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:x\r\nDTSTART:20261201T100000Z\r\nDTEND:20261201T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
                "line 6", "ends before it starts"
            ),
            (
                "wrong end", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nEND:VTODO\r\nEND:VCALENDAR\r\n",
                "line 4", "closes BEGIN:VEVENT"
            ),
        ]
    )
    func malformed(name: String, text: String, place: String, message: String) {
        do {
            _ = try ICalendarReader.events(in: Array(text.utf8))
            Issue.record("\(name) was accepted")
        } catch {
            #expect(error.place == place, "\(name): \(error)")
            #expect(error.message.contains(message), "\(name): \(error)")
        }
    }

    @Test("Bytes that are not UTF-8 are refused")
    func notUTF8() {
        #expect(throws: FormatError.self) {
            try ICalendarReader.events(
                in: Array("BEGIN:VCALENDAR\r\nX-NAME:".utf8) + [0xFF, 0xFE] + Array("\r\n".utf8)
            )
        }
    }
}
