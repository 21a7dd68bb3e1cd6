import ArtelTestKit
import Foundation
import Testing

@Suite("artel with calendars as Google writes them: empty properties, series, online events", .serialized)
struct CalendarCLITests {
    static let calendar = TestFiles.path("Tests/Fixtures/ics/google-online.ics")

    @Test("A calendar with LOCATION: left empty imports instead of being refused whole")
    func emptyLocation() async throws {
        try await TestNode.with { node in
            let output = try node.expectSuccess("import", "ics", Self.calendar, "--community", "Tech Leaders Moscow")
            #expect(output.contains("6 new, 0 updated, 0 unchanged"), "\(output)")
            let events = try #require(try node.json("list", "events") as? [[String: Any]]).compactMap {
                $0["fields"] as? [String: Any]
            }
            #expect(events.allSatisfy { ($0["place"] as? [String: Any])?["name"] as? String != "" })
            let online = events.filter { $0["attendance"] as? String == "online" }
            #expect(online.count == 5, "the series, its moved occurrence, the Zoom, Telemost and Jitsi events")
        }
    }

    @Test("An all-day event lists and shows its days, not a time: in the calendar's zone it would read as 03:00")
    func allDayEvents() async throws {
        try await TestNode.with { node in
            let google = TestFiles.path("Tests/Fixtures/ics/google.ics")
            try node.expectSuccess("import", "ics", google, "--community", "Tech Leaders Moscow")
            let listed = try node.expectSuccess("list", "events", "--from", "2026-12-11", "--until", "2026-12-13")
            let row = try #require(
                listed.split(separator: "\n").first { $0.contains("Выездная стратегическая сессия") }
            )
            #expect(row.contains(" 2026-12-12 ") && !row.contains(":"), "\(row)")
            let json = try #require(
                try node.json("list", "events", "--from", "2026-12-11", "--until", "2026-12-13") as? [[String: Any]]
            )
            let id = try #require(
                json.first {
                    ($0["fields"] as? [String: Any])?["title"] as? String == "Выездная стратегическая сессия"
                }?["id"]
                    as? String
            )
            let shown = try node.expectSuccess("event", "show", id)
            // The two days, the end as the last of them.
            let lines = shown.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
            #expect(lines.contains("start 2026-12-12") && lines.contains("end 2026-12-13"), "\(shown)")
        }
    }

    @Test("list events --from finds a weekly series months after its first occurrence, exceptions left out")
    func laterOccurrences() async throws {
        try await TestNode.with { node in
            try node.expectSuccess("import", "ics", Self.calendar, "--community", "Tech Leaders Moscow")
            let march = try node.expectSuccess("list", "events", "--from", "2027-03-01", "--until", "2027-03-08")
            #expect(march.contains("Созвон модераторов") && march.contains("2027-03-03"), "\(march)")
            let holidays = try node.expectSuccess("list", "events", "--from", "2026-12-22", "--until", "2027-01-07")
            #expect(!holidays.contains("Созвон модераторов"), "cancelled on the 23rd, left out on the 30th and 6th")
            let moved = try node.expectSuccess("list", "events", "--from", "2026-12-14", "--until", "2026-12-20")
            #expect(moved.contains("перенос на четверг") && moved.contains("2026-12-17"), "\(moved)")
            #expect(!moved.contains("2026-12-16"), "the moved occurrence is not shown on its old day")
            let json = try #require(
                try node.json("list", "events", "--from", "2027-03-01", "--until", "2027-03-31") as? [[String: Any]]
            )
            let series = try #require(
                json.first { ($0["fields"] as? [String: Any])?["title"] as? String == "Созвон модераторов" }
            )
            #expect(
                series["occurrences"] as? [String] == [
                    "2027-03-03T16:00:00Z", "2027-03-10T16:00:00Z", "2027-03-17T16:00:00Z", "2027-03-24T16:00:00Z",
                    "2027-03-31T16:00:00Z",
                ]
            )
        }
    }

    @Test("Exports keep the join link: ICS CONFERENCE and URL, JSON-LD a VirtualLocation and the attendance mode")
    func exportsKeepJoinLinks() async throws {
        try await TestNode.with { node in
            try node.expectSuccess("import", "ics", Self.calendar, "--community", "Tech Leaders Moscow")
            let ics = "\(node.directory)/events.ics"
            try node.expectSuccess("export", "--format", "ics", "--output", ics)
            let feed = try String(contentsOfFile: ics, encoding: .utf8).replacingOccurrences(of: "\r\n ", with: "")
            #expect(feed.contains("CONFERENCE;VALUE=URI;FEATURE=VIDEO:https://meet.jit.si/ArtelModerators\r\n"))
            #expect(feed.contains("RRULE:FREQ=WEEKLY;BYDAY=WE\r\nEXDATE;TZID=Europe/Moscow:"))
            let jsonld = "\(node.directory)/events.jsonld"
            try node.expectSuccess("export", "--format", "jsonld", "--kinds", "event", "--output", jsonld)
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: jsonld)))
                    as? [String: Any]
            )
            let graph = try #require(document["@graph"] as? [[String: Any]])
            #expect(graph.allSatisfy { $0["location"] != nil && $0["eventAttendanceMode"] != nil })
        }
    }
}
