import ArtelFormats
import ArtelTestKit
import Foundation
import Testing

@Suite("iCalendar, as calendar apps write it")
struct ICalendarReaderTests {
    static func fixture(_ name: String) throws -> [CalendarEvent] {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: TestFiles.path("Tests/Fixtures/ics/\(name)")))
        return try ICalendarReader.read([UInt8](bytes)).events
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

    @Test("Outlook: a Windows time zone name read as its IANA zone, a quoted TZID, a LANGUAGE parameter")
    func outlook() throws {
        let events = try Self.fixture("outlook.ics")
        #expect(events.count == 1)
        #expect(events[0].start == Self.utc(2026, 12, 5, 8) && events[0].end == Self.utc(2026, 12, 5, 10, 30))
        #expect(events[0].timeZone == "Europe/Moscow", "Russian Standard Time, as CLDR maps it")
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
        #expect(try ICalendarReader.read(bytes).events.first?.summary == "Встреча")
    }

    @Test(
        "Malformed files are refused with the line at fault",
        arguments: [
            ("not a calendar", "BEGIN:VCARD\r\nEND:VCARD\r\n", "line 1", "starts with BEGIN:VCALENDAR"),
            ("truncated", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\n", "line 2", "never closed"),
            ("no end", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", "line 2", "ends before END:VCALENDAR"),
            (
                "mis-folded",
                "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:длинное\r\nназвание\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
                "line 5", "is not a content line"
            ),
            (
                "wrong end", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nEND:VTODO\r\nEND:VCALENDAR\r\n",
                "line 4", "closes BEGIN:VEVENT"
            ),
        ]
    )
    func malformed(name: String, text: String, place: String, message: String) {
        do {
            _ = try ICalendarReader.read(Array(text.utf8))
            Issue.record("\(name) was accepted")
        } catch {
            #expect(error.place == place, "\(name): \(error)")
            #expect(error.message.contains(message), "\(name): \(error)")
        }
    }

    /// A calendar of three events whose middle one has `lines` for its properties.
    static func calendar(middle lines: String) -> [UInt8] {
        let event = { (uid: String, summary: String) in
            "BEGIN:VEVENT\r\nUID:\(uid)\r\nSUMMARY:\(summary)\r\nDTSTART:20261201T100000Z\r\nEND:VEVENT\r\n"
        }
        return Array(
            ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + event("a", "Завтрак лидеров")  // lines 1–7
                + "BEGIN:VEVENT\r\n" + lines + "END:VEVENT\r\n"  // from line 8
                + event("c", "Созвон модераторов") + "END:VCALENDAR\r\n").utf8
        )
    }

    @Test(
        "An event that cannot be read is skipped with why, and the others are read",
        arguments: [
            ("SUMMARY:Без UID\r\nDTSTART:20261201T100000Z\r\n", SkippedEvent.Problem.noUID, 8, String?("Без UID")),
            ("UID:b\r\nDTSTART:20261201T100000Z\r\n", .noSummary, 8, nil),
            ("UID:b\r\nSUMMARY:Без начала\r\nLOCATION:Москва\r\n", .noStart, 8, "Без начала"),
            (
                "UID:b\r\nSUMMARY:Ночь\r\nDTSTART:20261340T250000\r\n", .notATime("20261340T250000"), 11,
                "Ночь"
            ),
            ("UID:b\r\nSUMMARY:Ночь\r\nDTSTART:завтра\r\n", .notATime("завтра"), 11, "Ночь"),
            (
                "UID:b\r\nSUMMARY:Марс\r\nDTSTART;TZID=Mars/Olympus:20261201T100000\r\n",
                .unknownTimeZone("Mars/Olympus"), 11, "Марс"
            ),
            (
                "UID:b\r\nSUMMARY:Назад\r\nDTSTART:20261201T100000Z\r\nDTEND:20261201T090000Z\r\n",
                .endsBeforeStart, 12, "Назад"
            ),
            (
                "UID:b\r\nSUMMARY:Версия\r\nDTSTART:20261201T100000Z\r\nSEQUENCE:два\r\n",
                .notASequence("два"), 12, "Версия"
            ),
            (
                "UID:b\r\nSUMMARY:Серия\r\nDTSTART:20261201T100000Z\r\nRRULE:FREQ=WEEKLY\r\nEXDATE:2026-12-08\r\n",
                .notATime("2026-12-08"), 13, "Серия"
            ),
        ]
    )
    func skipsAnEvent(lines: String, problem: SkippedEvent.Problem, line: Int, summary: String?) throws {
        let calendar = try ICalendarReader.read(Self.calendar(middle: lines))
        #expect(calendar.events.map(\.uid) == ["a", "c"])
        #expect(calendar.skipped == [SkippedEvent(line: 8, problemLine: line, summary: summary, problem: problem)])
        #expect(calendar.skipped.first?.description.hasPrefix("line \(line): ") == true)
    }

    /// The one event of a calendar whose VEVENT holds `lines`.
    static func event(_ lines: String) throws -> CalendarEvent {
        let text =
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:e\r\n" + lines + "END:VEVENT\r\nEND:VCALENDAR\r\n"
        let calendar = try ICalendarReader.read(Array(text.utf8))
        #expect(calendar.skipped.isEmpty, "\(calendar.skipped)")
        return try #require(calendar.events.first)
    }

    @Test("DURATION gives the end when DTEND is absent: hours and minutes, days of an all-day event")
    func duration() throws {
        let breakfast = try Self.event(
            "SUMMARY:Онлайн-завтрак\r\nDTSTART;TZID=Europe/Berlin:20270115T100000\r\nDURATION:PT1H30M\r\n"
        )
        #expect(breakfast.start == Self.utc(2027, 1, 15, 9) && breakfast.end == Self.utc(2027, 1, 15, 10, 30))
        let hackathon = try Self.event("SUMMARY:Хакатон\r\nDTSTART;VALUE=DATE:20270206\r\nDURATION:P2D\r\n")
        #expect(hackathon.allDay && hackathon.end == Self.utc(2027, 2, 8))
        let both = try Self.event(
            "SUMMARY:x\r\nDTSTART:20270115T100000Z\r\nDTEND:20270115T110000Z\r\nDURATION:PT5H\r\n"
        )
        #expect(both.end == Self.utc(2027, 1, 15, 11), "DTEND wins")
        #expect(
            try Self.event("SUMMARY:x\r\nDTSTART:20270115T100000Z\r\nDURATION:P1W\r\n").end == Self.utc(2027, 1, 22, 10)
        )
        let odd = Array(
            Self.calendar(middle: "UID:b\r\nSUMMARY:Долго\r\nDTSTART:20261201T100000Z\r\nDURATION:1 час\r\n")
        )
        #expect(try ICalendarReader.read(odd).skipped.map(\.problem) == [.notADuration("1 час")])
    }

    @Test("A date in EXDATE or RDATE of a timed series names that day's occurrence, at the series' local time")
    func dateExceptionsOfATimedSeries() throws {
        let series = try Self.event(
            "SUMMARY:Созвон\r\nDTSTART;TZID=Europe/Moscow:20270111T190000\r\nRRULE:FREQ=WEEKLY\r\n"
                + "EXDATE;VALUE=DATE:20270118\r\nRDATE;VALUE=DATE:20270120\r\n"
        )
        #expect(series.recurrence?.exceptions == [Self.utc(2027, 1, 18, 16)])
        #expect(series.recurrence?.additions == [Self.utc(2027, 1, 20, 16)])
        let starts = series.occurrences(from: Self.utc(2027, 1, 11), through: Self.utc(2027, 1, 26)).map(\.start)
        #expect(starts == [Self.utc(2027, 1, 11, 16), Self.utc(2027, 1, 20, 16), Self.utc(2027, 1, 25, 16)])
    }

    @Test("STATUS: CONFIRMED is scheduled, TENTATIVE names no status, and Artel's own X-ARTEL-STATUS counts first")
    func status() throws {
        #expect(try Self.event("SUMMARY:x\r\nDTSTART:20270115T100000Z\r\nSTATUS:CONFIRMED\r\n").status == "scheduled")
        #expect(try Self.event("SUMMARY:x\r\nDTSTART:20270115T100000Z\r\nSTATUS:TENTATIVE\r\n").status == nil)
        let moved = try Self.event(
            "SUMMARY:x\r\nDTSTART:20270115T100000Z\r\nSTATUS:CONFIRMED\r\nX-ARTEL-STATUS:moved_online\r\n"
        )
        #expect(moved.status == "moved_online")
    }

    @Test("A byte order mark before BEGIN:VCALENDAR, a space after END:VEVENT, spaces around a SUMMARY")
    func windowsHabits() throws {
        let text =
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Встреча лидеров \r\nDTSTART:20270115T100000Z\r\nEND:VEVENT \r\nEND:VCALENDAR\r\n"
        let calendar = try ICalendarReader.read([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(calendar.events.map(\.summary) == ["Встреча лидеров"])
    }

    @Test(
        "A place alone makes an event offline; words that name a way to meet and the links of meeting services online",
        arguments: [
            ("LOCATION:Online event\r\n", nil, "online", [String]()),
            ("LOCATION:Собрание Microsoft Teams\r\n", nil, "online", []),
            ("LOCATION:Онлайн\r\n", nil, "online", []),
            ("LOCATION:Москва\\, Покровка 47\r\n", "Москва, Покровка 47", "offline", []),
            (
                "LOCATION:https://my.mts-link.ru/j/12345/67890\r\n", nil, "online",
                ["https://my.mts-link.ru/j/12345/67890"]
            ),
            (
                "DESCRIPTION:Трансляция: https://vk.com/video-123_456\r\n", nil, "online",
                ["https://vk.com/video-123_456"]
            ),
            (
                "LOCATION:Точка кипения\r\nDESCRIPTION:Эфир: https://t.me/cm_club?livestream\r\n", "Точка кипения",
                "mixed", ["https://t.me/cm_club?livestream"]
            ),
            ("DESCRIPTION:Чат: https://t.me/cm_club\r\n", nil, nil, []),
        ]
    )
    func meetingPlaces(lines: String, location: String?, attendance: String?, links: [String]) throws {
        let event = try Self.event("SUMMARY:Встреча\r\nDTSTART:20270115T100000Z\r\n" + lines)
        #expect(event.location == location && event.attendance == attendance && event.onlineURLs == links)
    }

    @Test("A weekly series in a Windows zone keeps its local time across summer time, VTIMEZONE or not")
    func windowsZoneSeries() throws {
        let series = try Self.event(
            "SUMMARY:Jour fixe\r\nDTSTART;TZID=W. Europe Standard Time:20270320T140000\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n"
        )
        #expect(series.timeZone == "Europe/Berlin")
        let starts = series.occurrences(from: Self.utc(2027, 3, 1), through: Self.utc(2027, 4, 30)).map(\.start)
        #expect(starts == [Self.utc(2027, 3, 20, 13), Self.utc(2027, 3, 27, 13), Self.utc(2027, 4, 3, 12)])
    }

    @Test("An address written a part a line, as Apple writes LOCATION, reads as one line with commas")
    func addressOnLines() throws {
        let event = try Self.event(
            "SUMMARY:Meetup\r\nDTSTART:20270115T100000Z\r\nLOCATION:Factory Berlin\\nRheinsberger Str. 76/77\\n10115 Berlin\\nGermany\r\n"
        )
        #expect(event.location == "Factory Berlin, Rheinsberger Str. 76/77, 10115 Berlin, Germany")
    }

    @Test("A skipped event is told in words that say what to mend")
    func skippedEventWording() {
        let noStart = SkippedEvent(line: 8, summary: "Завтрак лидеров", problem: .noStart)
        #expect(noStart.description == "line 8: event “Завтрак лидеров” has no DTSTART; skipped")
        let zone = SkippedEvent(line: 8, problemLine: 11, summary: nil, problem: .unknownTimeZone("Mars/Olympus"))
        #expect(
            zone.description
                == "line 11: the event of line 8 is in time zone “Mars/Olympus”, neither an IANA name nor defined in the file; skipped"
        )
    }

    @Test("Bytes that are not UTF-8 are refused")
    func notUTF8() {
        #expect(throws: FormatError.self) {
            try ICalendarReader.read(
                Array("BEGIN:VCALENDAR\r\nX-NAME:".utf8) + [0xFF, 0xFE] + Array("\r\n".utf8)
            )
        }
    }
}
