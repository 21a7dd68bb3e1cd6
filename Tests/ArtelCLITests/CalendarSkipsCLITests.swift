import ArtelTestKit
import Foundation
import Testing

/// `artel import ics` with a calendar as people's apps really leave it: an event without a title, one
/// in a time zone the file never defines. Those are told and skipped; the others are imported.
@Suite("artel import ics with events it cannot read")
struct CalendarSkipsCLITests {
    static let calendar = TestFiles.path("Tests/Fixtures/ics/odd-events.ics")
    static let told = [
        "odd-events.ics, line 17: an event has no SUMMARY; skipped",
        "odd-events.ics, line 27: event “Разбор кейсов модераторов” is in time zone “(UTC+03:00) Москва, Санкт-Петербург, Волгоград”, "
            + "neither an IANA name nor defined in the file; skipped",
    ]

    @Test("The dry run and the import tell each skipped event; the others are imported, the skipped ones are not")
    func skipsAndImports() async throws {
        try await TestNode.with { node in
            let planned = try node.expectSuccess(
                "import",
                "ics",
                Self.calendar,
                "--community",
                "Tech Leaders Moscow",
                "--dry-run"
            )
            for line in Self.told { #expect(planned.contains(line), "\(planned)") }
            #expect(planned.contains("2 in all, 2 new") && planned.contains("2 events skipped (above)"), "\(planned)")
            #expect((try node.json("list", "events", "--until", "2099-01-01") as? [Any])?.isEmpty == true)

            let output = try node.expectSuccess("import", "ics", Self.calendar, "--community", "Tech Leaders Moscow")
            for line in Self.told { #expect(output.contains(line), "\(output)") }
            #expect(output.contains("2 in all, 2 new, 0 updated, 0 unchanged; 2 events skipped (above)."), "\(output)")
            let titles = try #require(try node.json("list", "events", "--until", "2099-01-01") as? [[String: Any]])
                .compactMap { ($0["fields"] as? [String: Any])?["title"] as? String }
            #expect(Set(titles) == ["Нетворкинг комьюнити-менеджеров", "Онлайн-встреча: как растить амбассадоров"])
        }
    }

    @Test("--json lists the skipped events, and a calendar without any lists none")
    func skippedInJSON() async throws {
        try await TestNode.with { node in
            let json = try #require(
                try node.json("import", "ics", Self.calendar, "--community", "Tech Leaders Moscow") as? [String: Any]
            )
            #expect(json["created"] as? Int == 2)
            #expect(
                (json["skipped_events"] as? [String])?.map { "odd-events.ics, " + $0 } == Self.told,
                "\(json)"
            )
            let google = TestFiles.path("Tests/Fixtures/ics/google.ics")
            let clean = try #require(
                try node.json("import", "ics", google, "--community", "Tech Leaders Moscow") as? [String: Any]
            )
            #expect((clean["skipped_events"] as? [String])?.isEmpty == true)
        }
    }

    @Test("The dry run tells apart two events whose long UIDs, as Outlook writes them, differ only at the end")
    func longUIDs() async throws {
        try await TestNode.with { node in
            let prefix = "040000008200E00074C5B7101A82E00800000000D0F6A5C2B36CDB01000000000000000010000000"
            var text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
            for (suffix, title) in [("A1", "Планёрка лидеров"), ("B2", "Планёрка лидеров")] {
                text +=
                    "BEGIN:VEVENT\r\nUID:\(prefix)\(suffix)\r\nSUMMARY:\(title)\r\nDTSTART:20270115T100000Z\r\nEND:VEVENT\r\n"
            }
            let calendar = "\(node.directory)/outlook-series.ics"
            try (text + "END:VCALENDAR\r\n").write(toFile: calendar, atomically: true, encoding: .utf8)
            let planned = try node.expectSuccess(
                "import",
                "ics",
                calendar,
                "--community",
                "Tech Leaders Moscow",
                "--dry-run"
            )
            let labels = planned.split(separator: "\n").filter { $0.hasPrefix("event ") }.map {
                $0.prefix { $0 != ":" }
            }
            #expect(labels.count == 2 && Set(labels).count == 2, "\(planned)")
            #expect(labels.allSatisfy { $0.hasSuffix("10000000A1") || $0.hasSuffix("10000000B2") }, "\(labels)")
        }
    }
}
