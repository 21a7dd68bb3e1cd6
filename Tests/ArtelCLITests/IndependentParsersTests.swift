import ArtelTestKit
import Foundation
import Testing

@Suite("Exports read by the parsers people check them with: icalendar, feedparser, JSON Feed schema, pyld", .serialized)
struct IndependentParsersTests {
    /// A node with the Google calendar of online events and series, and hh.ru vacancies.
    static func withListings(_ body: (TestNode) async throws -> Void) async throws {
        try await TestNode.with { node in
            try node.expectSuccess(
                "import",
                "ics",
                TestFiles.path("Tests/Fixtures/ics/google-online.ics"),
                "--community",
                "Tech Leaders Moscow"
            )
            for file in ["search-page.json", "newer-fields.json"] {
                try node.expectSuccess(
                    "import",
                    "hh",
                    TestFiles.path("Tests/Fixtures/hh/\(file)"),
                    "--community",
                    "Tech Leaders Moscow"
                )
            }
            try await body(node)
        }
    }

    static func export(_ node: TestNode, _ format: String, _ name: String, _ options: String...) throws -> String {
        let file = "\(node.directory)/\(name)"
        let arguments = ["export", "--format", format, "--output", file] + options
        let result = try node.artel.run(arguments)
        #expect(result.status == 0, "\(result.error)")
        return file
    }

    @Test("Python icalendar reads the ICS export: join links as CONFERENCE and URL, the series with its EXDATE")
    func icalendar() async throws {
        try await Self.withListings { node in
            let events = try #require(
                try PythonTools.check("check_ics.py", Self.export(node, "ics", "events.ics")) as? [[String: Any]]
            )
            #expect(events.count == 6)
            let series = try #require(events.first { $0["rrule"] as? String == "FREQ=WEEKLY;BYDAY=WE" })
            #expect(series["exdates"] as? Int == 4)
            #expect(series["conference"] as? [String] == ["https://meet.google.com/abc-defg-hij"])
            let zoom = try #require(events.first { $0["summary"] as? String == "Вебинар: онбординг волонтёров" })
            #expect(zoom["url"] as? String == "https://us02web.zoom.us/j/81234567890?pwd=abc")
        }
    }

    @Test("A weekly 14:00 in Berlin stays 14:00 across summer time when a calendar app expands the ICS export")
    func seriesAcrossSummerTime() async throws {
        try await TestNode.with { node in
            let calendar = "\(node.directory)/berlin.ics"
            try """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            BEGIN:VEVENT\r
            UID:berlin-weekly@artel.test\r
            SUMMARY:Berlin community breakfast\r
            DTSTART;TZID=Europe/Berlin:20270320T140000\r
            DTEND;TZID=Europe/Berlin:20270320T153000\r
            RRULE:FREQ=WEEKLY;COUNT=4\r
            END:VEVENT\r
            END:VCALENDAR\r

            """.write(toFile: calendar, atomically: true, encoding: .utf8)
            try node.expectSuccess("import", "ics", calendar, "--community", "Tech Leaders Moscow")
            let events = try #require(
                try PythonTools.check("check_ics.py", Self.export(node, "ics", "events.ics")) as? [[String: Any]]
            )
            let series = try #require(events.first { $0["summary"] as? String == "Berlin community breakfast" })
            #expect(
                series["occurrences"] as? [String] == [
                    "2027-03-20T13:00:00Z", "2027-03-27T13:00:00Z", "2027-04-03T12:00:00Z", "2027-04-10T12:00:00Z",
                ],
                "CET until 28 March, CEST after"
            )
        }
    }

    @Test("pyld expands the JSON-LD export; every event has a location and attendance mode, every job what Google asks")
    func jsonLD() async throws {
        try await Self.withListings { node in
            let nodes = try #require(
                try PythonTools.check("check_jsonld.py", Self.export(node, "jsonld", "listings.jsonld"))
                    as? [[String: Any]]
            )
            #expect(nodes.filter { $0["type"] as? String == "JobPosting" }.count == 5, "the archived vacancy is out")
            let events = nodes.filter { $0["type"] as? String == "Event" }
            #expect(events.contains { ($0["locations"] as? [String]) == ["Place", "VirtualLocation"] })
        }
    }

    @Test("feedparser reads the Atom and JSON Feed exports, and the JSON Feed passes its schema")
    func feeds() async throws {
        try await Self.withListings { node in
            for (format, name) in [("atom", "jobs.atom"), ("jsonfeed", "jobs.json")] {
                let feed = try #require(
                    try PythonTools.check("check_feed.py", Self.export(node, format, name)) as? [String: Any]
                )
                #expect((feed["entries"] as? [Any])?.count == 5, "\(format)")
            }
        }
    }

    @Test(
        "--feed-url gives Atom its rel=\"self\" link and JSON Feed its feed_url; the community's link is the home page"
    )
    func feedLinks() async throws {
        try await Self.withListings { node in
            try node.expectSuccess("community", "edit", "Tech Leaders Moscow", "--links", "https://t.me/techleaders")
            for (format, name) in [("atom", "jobs.atom"), ("jsonfeed", "jobs.json")] {
                let url = "https://jobs.example.org/tech-leaders/\(name)"
                let file = try Self.export(
                    node,
                    format,
                    name,
                    "--community",
                    "Tech Leaders Moscow",
                    "--feed-url",
                    url
                )
                let feed = try #require(try PythonTools.check("check_feed.py", file) as? [String: Any])
                let links = try #require(feed["links"] as? [[String: String]])
                #expect(links.contains(["rel": "self", "href": url]), "\(format): \(links)")
                #expect(
                    links.contains(["rel": "alternate", "href": "https://t.me/techleaders"]),
                    "\(format): \(links)"
                )
            }
            let bare = "\(node.directory)/bare.atom"
            let unlinked = try node.run("export", "--format", "atom", "--output", bare)
            #expect(unlinked.status == 0 && unlinked.error.contains("--feed-url"), "a note says what is missing")
            _ = try PythonTools.check("check_feed.py", bare)
            for bad in ["jobs.example.org/jobs.atom", "javascript:alert(1)", "https://exa mple.org/"] {
                let refused = try node.run(
                    "export",
                    "--format",
                    "atom",
                    "--feed-url",
                    bad,
                    "--output",
                    "\(node.directory)/x.atom"
                )
                #expect(refused.status != 0 && refused.error.contains("--feed-url"), "\(bad): \(refused.error)")
                #expect(!FileManager.default.fileExists(atPath: "\(node.directory)/x.atom"))
            }
            let wrongFormat = try node.run(
                "export",
                "--format",
                "csv",
                "--feed-url",
                "https://example.org/x",
                "--output",
                "\(node.directory)/x.csv"
            )
            #expect(wrongFormat.status != 0 && wrongFormat.error.contains("--format atom or jsonfeed"))
        }
    }

    @Test("An English community's feed is worded in English, a Russian one's in Russian")
    func feedLanguage() async throws {
        try await Self.withListings { node in
            let russian = try String(contentsOfFile: Self.export(node, "jsonfeed", "ru.json"), encoding: .utf8)
            #expect(russian.contains("₽/мес") && !russian.contains("RUB/month"), "\(russian)")
            try node.expectSuccess("community", "edit", "Tech Leaders Moscow", "--language", "en")
            let english = try String(contentsOfFile: Self.export(node, "jsonfeed", "en.json"), encoding: .utf8)
            #expect(english.contains("₽/month") && !english.contains("₽/мес"), "\(english)")
        }
    }

    @Test("--excel CSV has a byte order mark and ;, and Python's csv module reads one row per vacancy")
    func excelCSV() async throws {
        try await Self.withListings { node in
            let read = try #require(
                try PythonTools.check("read_csv.py", Self.export(node, "csv", "jobs.csv", "--excel")) as? [String: Any]
            )
            #expect(read["bom"] as? Bool == true && read["delimiter"] as? String == ";")
            let rows = try #require(read["rows"] as? [[String]])
            #expect(rows.count == 6, "a header and the 5 open vacancies")
            let header = rows[0]
            #expect(header.contains("description") && header.contains("source") && header.contains("source_url"))
            for row in rows.dropFirst() {
                let fields = Dictionary(uniqueKeysWithValues: zip(header, row))
                #expect(fields["source"]?.hasPrefix("hh:") == true, "\(fields)")
                #expect(fields["source_url"]?.hasPrefix("https://hh.ru/vacancy/") == true, "\(fields)")
                if let salary = fields["salary_min"], !salary.isEmpty { #expect(Int(salary) != nil, "\(salary)") }
            }
            let wrong = try node.run("export", "--format", "atom", "--excel", "--output", "\(node.directory)/x.atom")
            #expect(wrong.status != 0 && wrong.error.contains("--excel goes with --format csv"))
        }
    }
}
