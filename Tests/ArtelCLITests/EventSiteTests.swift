import ArtelTestKit
import Foundation
import Testing

/// The site's events (`/events`, `/events/calendar`, `/events/{id}`) over real HTTP against a real
/// `artel serve` process.
@Suite("The site's events: the list, the month calendar, each event's page and its .ics")
struct EventSiteTests {
    /// Runs `body` with a served node holding the test community.
    static func served(_ body: (TestNode, ServeProcess) async throws -> Void) async throws {
        try await TestNode.with { node in
            let serve = try ServeProcess(node.artel)
            defer { serve.stop() }
            try await body(node, serve)
        }
    }

    /// A day some weeks from now, so that events on it are still coming whenever the test runs.
    static let day: Date = Date().addingTimeInterval(40 * 86_400)

    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// `2027-01-15`.
    static func text(_ date: Date) -> String {
        let parts = utc.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// Posts an event in the test community; returns its id.
    static func post(_ node: TestNode, _ title: String, _ options: [String] = []) throws -> String {
        let arguments =
            [
                "event", "post", "--community", "tech-leaders", "--title", title, "--start", "\(text(day)) 19:00",
                "--end", "\(text(day)) 21:00", "--timezone", "Europe/Moscow",
            ] + options
        let result = try node.artel.run(arguments)
        #expect(result.status == 0, "artel \(arguments.joined(separator: " ")): \(result.error)")
        return TestNode.createdID(result.output)
    }

    static func page(_ serve: ServeProcess, _ path: String) throws -> HTTPClient.Response {
        try HTTPClient.request("GET", serve.api + path)
    }

    @Test("The list shows a public event and not a federation-only one, filters by attendance, offers webcal links")
    func list() async throws {
        try await Self.served { node, serve in
            let open = try Self.post(node, "Открытый митап", ["--attendance", "online"])
            let closed = try Self.post(node, "Только для партнёров", ["--visibility", "federation"])
            let all = try Self.page(serve, "/events")
            #expect(all.status == 200)
            #expect(all.headers["content-type"] == "text/html; charset=utf-8")
            #expect(all.text.contains("Открытый митап") && all.text.contains("href=\"/events/\(open)\""))
            #expect(!all.text.contains("Только для партнёров"))
            #expect(all.text.contains("data-live=\"events\""))
            // The list's script streams the changes after the one the page was made at.
            #expect(all.text.contains(/data-live-after="[1-9][0-9]*"/))
            let community = try #require(
                all.text.firstRange(of: "feeds/events.ics?community=").map { all.text[$0.upperBound...].prefix(64) }
            )
            #expect(all.text.contains("webcal://127.0.0.1:\(serve.apiPort)/feeds/events.ics?community=\(community)"))
            #expect(all.text.contains("http://127.0.0.1:\(serve.apiPort)/feeds/events.ics\""))
            let proxied = try HTTPClient.request("GET", "\(serve.api)/events", headers: ["X-Forwarded-Proto": "https"])
            #expect(proxied.text.contains("https://127.0.0.1:\(serve.apiPort)/feeds/events.ics\""))
            #expect(try Self.page(serve, "/events/\(closed)").status == 404)
            #expect(try Self.page(serve, "/events?attendance=online").text.contains("Открытый митап"))
            #expect(!(try Self.page(serve, "/events?attendance=offline").text.contains("Открытый митап")))
            // The API reads the same filter.
            let online = try HTTPClient.request("GET", "\(serve.api)/api/v1/events?attendance=online").object()
            let offline = try HTTPClient.request("GET", "\(serve.api)/api/v1/events?attendance=offline").object()
            #expect(online["total"] as? Int == 1 && offline["total"] as? Int == 0)
            let unknown = try Self.page(serve, "/events?attendance=teleport&lang=en")
            #expect(unknown.status == 400 && unknown.text.contains("unknown format «teleport»"))
        }
    }

    @Test("The month calendar shows a weekly event on each of its days in a later month; a bad month is a 400")
    func calendar() async throws {
        try await Self.served { node, serve in
            let id = try Self.post(node, "Еженедельный созвон", ["--recurrence", "FREQ=WEEKLY"])
            // A month after the first occurrence's: every day of it on the first's weekday has one.
            let later = Self.day.addingTimeInterval(35 * 86_400)
            let month = String(Self.text(later).prefix(7))
            let weekday = Self.utc.component(.weekday, from: Self.day)
            let days = (1...31).compactMap { number -> String? in
                let text = month + String(format: "-%02d", number)
                guard let date = ISO8601DateFormatter().date(from: text + "T12:00:00Z"),
                    Self.text(date) == text, Self.utc.component(.weekday, from: date) == weekday
                else { return nil }
                return text
            }
            #expect(days.count >= 4)
            let page = try Self.page(serve, "/events/calendar?month=\(month)")
            #expect(page.status == 200)
            #expect(page.text.contains("<table class=\"month\">"))
            let cells = page.text.components(separatedBy: "<td")
            for day in days {
                let cell = try #require(cells.first { $0.contains("datetime=\"\(day)\"") }, "\(day)")
                #expect(cell.contains("href=\"/events/\(id)\"") && cell.contains("Еженедельный созвон"), "\(day)")
            }
            let other = cells.filter { $0.contains("Еженедельный созвон") }
            #expect(other.count == days.count, "no other day of the month shows it")

            var moscow = Calendar(identifier: .gregorian)
            moscow.timeZone = TimeZone(identifier: "Europe/Moscow")!
            let today = moscow.dateComponents([.year, .month, .day], from: Date())
            let now = try Self.page(serve, "/events/calendar")
            #expect(now.status == 200)
            let marked = String(format: "datetime=\"%04d-%02d-%02d\"", today.year!, today.month!, today.day!)
            let todayCell = try #require(now.text.components(separatedBy: "<td").first { $0.contains(marked) })
            #expect(todayCell.contains("aria-current=\"date\""), "today is marked: \(todayCell)")

            for (month, says) in [
                ("2026-13", "«2026-13» names no month"), ("abc", "«abc» is not a month: write it as YYYY-MM"),
            ] {
                let bad = try Self.page(serve, "/events/calendar?month=\(month)&lang=en")
                #expect(bad.status == 400, "\(month)")
                #expect(bad.text.contains(says), "\(month): \(bad.text)")
            }
        }
    }

    @Test("An event's page has its join link and schema.org JSON-LD; its .ics is read by Python icalendar")
    func eventPage() async throws {
        try await Self.served { node, serve in
            let id = try Self.post(
                node,
                "Мастермайнд",
                [
                    "--attendance", "online", "--online-urls", "https://meet.example.org/abc-defg",
                    "--registration-url", "https://example.org/register", "--type", "mastermind",
                ]
            )
            let page = try Self.page(serve, "/events/\(id)")
            #expect(page.status == 200)
            #expect(page.text.contains("href=\"https://meet.example.org/abc-defg\""))
            #expect(page.text.contains("href=\"https://example.org/register\""))
            #expect(page.text.contains("Europe/Moscow (UTC+3)"))
            #expect(page.text.contains("Tech Leaders Moscow"))
            #expect(page.text.contains("href=\"/events/\(id).ics\""))
            let start = try #require(page.text.firstRange(of: "<script type=\"application/ld+json\">"))
            let end = try #require(page.text[start.upperBound...].firstRange(of: "</script>"))
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(page.text[start.upperBound..<end.lowerBound].utf8))
                    as? [String: Any]
            )
            let event = try #require((document["@graph"] as? [[String: Any]])?.first)
            #expect(event["@type"] as? String == "Event" && event["name"] as? String == "Мастермайнд")
            #expect((event["location"] as? [String: Any])?["url"] as? String == "https://meet.example.org/abc-defg")

            let file = try Self.page(serve, "/events/\(id).ics")
            #expect(file.status == 200 && file.headers["content-type"] == "text/calendar; charset=utf-8")
            let path = "\(node.directory)/event.ics"
            try Data(file.body).write(to: URL(fileURLWithPath: path))
            let events = try #require(try PythonTools.check("check_ics.py", path) as? [[String: Any]])
            #expect(events.count == 1)
            #expect(events.first?["uid"] as? String == "\(id)@artel")
            #expect(events.first?["summary"] as? String == "Мастермайнд")
            #expect(events.first?["conference"] as? [String] == ["https://meet.example.org/abc-defg"])

            for unknown in ["0123456789abcdef0123456789abcdef", "nonsense", "0123456789abcdef0123456789abcdef.ics"] {
                let missing = try Self.page(serve, "/events/\(unknown)")
                #expect(missing.status == 404, "\(unknown)")
                #expect(missing.text.contains("<h1>"), "a page that says so")
            }
        }
    }

    @Test("A series' page names its zone with the offset of the date it tells, on that date's side of summer time")
    func seriesZoneOffset() async throws {
        try await Self.served { node, serve in
            // A weekly Berlin evening begun in summer: its next date is in summer or in winter.
            let calendar = "\(node.directory)/berlin.ics"
            try """
            BEGIN:VCALENDAR\r
            BEGIN:VEVENT\r
            UID:berlin-weekly@artel.test\r
            SUMMARY:Berlin Community Abend\r
            DTSTART;TZID=Europe/Berlin:20260701T180000\r
            DTEND;TZID=Europe/Berlin:20260701T200000\r
            RRULE:FREQ=WEEKLY\r
            END:VEVENT\r
            END:VCALENDAR\r

            """.write(toFile: calendar, atomically: true, encoding: .utf8)
            try node.expectSuccess("import", "ics", calendar, "--community", "Tech Leaders Moscow")
            let events = try #require(try node.json("list", "events") as? [[String: Any]])
            let id = try #require(
                events.first { ($0["fields"] as? [String: Any])?["title"] as? String == "Berlin Community Abend" }?[
                    "id"
                ] as? String
            )
            let page = try Self.page(serve, "/events/\(id)").text
            // The details name the next date, then the zone.
            let when = try #require(page.range(of: #"<dd><time datetime="[^"]+""#, options: .regularExpression))
            let iso = String(page[when].split(separator: "\"")[1])
            let next = try #require(ISO8601DateFormatter().date(from: iso))
            let hours = TimeZone(identifier: "Europe/Berlin")!.secondsFromGMT(for: next) / 3_600
            #expect(page.contains("<dd>Europe/Berlin (UTC+\(hours))</dd>"), "the next date \(iso)")
        }
    }

    @Test("A meeting link that is also the event's URL is shown once, as the way to join")
    func meetingLinkOnce() async throws {
        try await Self.served { node, serve in
            let meeting = "https://telemost.yandex.ru/j/12345678901234"
            /// The page of an online event joined at `meeting`, registered for at `registration`.
            func eventPage(_ title: String, registration: String) throws -> String {
                let id = try Self.post(
                    node,
                    title,
                    ["--registration-url", registration, "--online-urls", meeting, "--attendance", "online"]
                )
                return try Self.page(serve, "/events/\(id)").text
            }
            let page = try eventPage("Онлайн-разбор кейсов", registration: meeting)
            #expect(page.components(separatedBy: "href=\"\(meeting)\"").count == 2, "\(page)")
            #expect(!page.contains("class=\"button\" href=\"\(meeting)\""))
            let slashedPage = try eventPage("Онлайн-разбор, ссылка со слэшем", registration: meeting + "/")
            #expect(!slashedPage.contains("href=\"\(meeting)/\""), "\(slashedPage)")
            let register = "https://example.org/register"
            let separate = try eventPage("Онлайн-разбор с регистрацией", registration: register)
            #expect(separate.components(separatedBy: "href=\"\(meeting)\"").count == 2)
            #expect(separate.contains("class=\"button\" href=\"\(register)\""))
        }
    }

    @Test("Every text an event carries renders as text in the list, the calendar, its page and the embed")
    func scriptTitle() async throws {
        try await Self.served { node, serve in
            let attack = "<script>alert(1)</script>"
            let link = "https://example.org/?q=</script><script>alert(2)</script>"
            let id = try Self.post(
                node,
                attack,
                [
                    "--description", attack, "--place-name", attack, "--place-address", attack, "--place-city", attack,
                    "--tags", attack, "--registration-url", link, "--online-urls", link, "--attendance", "mixed",
                ]
            )
            let month = String(Self.text(Self.day).prefix(7))
            for path in ["/events", "/events/calendar?month=\(month)", "/events/\(id)", "/embed/events"] {
                let page = try Self.page(serve, path)
                #expect(page.status == 200, "\(path)")
                #expect(!page.text.contains("<script>alert("), "\(path)")
                #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(path)")
            }
        }
    }
}
