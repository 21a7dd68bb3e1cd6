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
        let arguments = ["export", "--format", format, "--to", file] + options
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
}
