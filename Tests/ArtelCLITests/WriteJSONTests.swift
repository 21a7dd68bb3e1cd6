import ArtelTestKit
import Foundation
import Testing

/// `--json` on writes: one JSON object, the record as `show --json` prints it plus the delta id,
/// or the counts of an import, so that scripts read the same shapes as from reads and the API.
@Suite("--json on writes")
struct WriteJSONTests {
    @Test("A created, edited, renewed and deleted record prints the record as show --json does, and its delta")
    func recordWrites() async throws {
        try await TestNode.with { node in
            let created = try #require(
                try node.json(
                    "job",
                    "post",
                    "--community",
                    "tech-leaders",
                    "--title",
                    "Комьюнити-менеджер",
                    "--tags",
                    "remote"
                ) as? [String: Any]
            )
            let record = try #require(created["record"] as? [String: Any])
            let id = try #require(record["id"] as? String)
            #expect((created["delta"] as? String)?.count == 64)
            let shown = try #require(try node.json("job", "show", id) as? [String: Any])
            #expect(NSDictionary(dictionary: shown).isEqual(to: record))

            let edited = try #require(try node.json("job", "edit", id, "--status", "filled") as? [String: Any])
            let fields = try #require((edited["record"] as? [String: Any])?["fields"] as? [String: Any])
            #expect(fields["status"] as? String == "filled")

            let renewed = try #require(try node.json("job", "renew", id, "--days", "10") as? [String: Any])
            #expect((renewed["record"] as? [String: Any])?["expires"] is String)

            let deleted = try #require(try node.json("job", "delete", id) as? [String: Any])
            #expect(deleted["deleted"] as? Bool == true && deleted["id"] as? String == id && deleted["delta"] is String)
        }
    }

    @Test("Communities, people, memberships, keys, follows and blocks print what they made")
    func otherWrites() async throws {
        try await TestNode.with { node in
            let community = try #require(
                try node.json("community", "create", "--name", "Partner Club", "--key-name", "club") as? [String: Any]
            )
            #expect((community["key"] as? [String: Any])?["name"] as? String == "club")
            #expect((community["record"] as? [String: Any])?["kind"] as? String == "community")
            let person = try #require(
                try node.json("person", "add", "--community", "club", "--display-name", "Анна") as? [String: Any]
            )
            let personID = try #require((person["record"] as? [String: Any])?["id"] as? String)
            let membership = try #require(
                try node.json("membership", "add", "--person", personID, "--community", "club", "--roles", "leader")
                    as? [String: Any]
            )
            #expect((membership["record"] as? [String: Any])?["kind"] as? String == "membership")
            let key = try #require(try node.json("keys", "new", "editor") as? [String: Any])
            #expect(key["role"] as? String == "author" && (key["public"] as? String)?.count == 64)
            let follows = try #require(try node.json("unfollow", "club", "--kinds", "event") as? [[String: Any]])
            #expect(!follows.isEmpty)
            let block = try #require(try node.json("block", "author", "editor") as? [String: Any])
            #expect((block["block"] as? [String: Any])?["target"] as? String == "author")
            let blocks = try #require(try node.json("blocks") as? [[String: Any]])
            #expect(blocks.count == 1)
        }
    }

    @Test("An import prints its counts, and an export what it wrote")
    func importsAndExports() async throws {
        try await TestNode.with { node in
            let file = "\(node.directory)/meetups.ics"
            try """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            BEGIN:VEVENT\r
            UID:one@example.org\r
            DTSTART:20361210T160000Z\r
            DTEND:20361210T180000Z\r
            SUMMARY:Митап\r
            END:VEVENT\r
            END:VCALENDAR\r

            """.write(toFile: file, atomically: true, encoding: .utf8)
            let counts = try #require(
                try node.json("import", "ics", file, "--community", "tech-leaders") as? [String: Any]
            )
            #expect(counts["total"] as? Int == 1 && counts["created"] as? Int == 1 && counts["updated"] as? Int == 0)
            let again = try #require(
                try node.json("import", "ics", file, "--community", "tech-leaders") as? [String: Any]
            )
            #expect(again["unchanged"] as? Int == 1)
            let exported = try #require(
                try node.json("export", "--format", "ics", "--output", "\(node.directory)/out.ics") as? [String: Any]
            )
            #expect(exported["events"] as? Int == 1 && exported["format"] as? String == "ics")
        }
    }

    @Test("Events are shown in their own time zone, named; records without one in UTC")
    func timesInTheEventsZone() async throws {
        try await TestNode.with { node in
            let created = try node.expectSuccess(
                "event",
                "post",
                "--community",
                "tech-leaders",
                "--title",
                "Мастермайнд",
                "--start",
                "2036-12-10 19:00",
                "--end",
                "2036-12-10 21:00",
                "--timezone",
                "Europe/Moscow"
            )
            #expect(created.contains("It expires 2037-01-09 21:00 Europe/Moscow unless renewed."), "\(created)")
            let id = TestNode.createdID(created)
            let shown = try node.expectSuccess("event", "show", id)
            #expect(shown.contains("  start") && shown.contains("2036-12-10 19:00 Europe/Moscow"), "\(shown)")
            #expect(shown.contains("expires 2037-01-09 21:00 Europe/Moscow"))
            let listed = try node.expectSuccess("list", "events")
            #expect(listed.contains("2036-12-10 19:00 Europe/Moscow"), "\(listed)")
            let window = try node.expectSuccess("list", "events", "--from", "2036-12-01")
            #expect(window.contains("2036-12-10 19:00 Europe/Moscow"), "\(window)")
            let log = try node.expectSuccess("log", id)
            #expect(log.contains("set start = 2036-12-10 19:00 Europe/Moscow"), "\(log)")
            #expect(!log.contains(" UTC"), "an event's history is in its own zone: \(log)")
            let job = try node.expectSuccess("job", "post", "--community", "tech-leaders", "--title", "Модератор")
            #expect(job.contains(" UTC unless renewed."))
        }
    }

    @Test("List filters are named after their fields: --tags, --work-mode, --salary-currency")
    func filterSpellings() async throws {
        try await TestNode.with { node in
            try node.expectSuccess(
                "job",
                "post",
                "--community",
                "tech-leaders",
                "--title",
                "Комьюнити-менеджер",
                "--tags",
                "edtech",
                "--work-mode",
                "remote",
                "--salary-min",
                "50000",
                "--salary-currency",
                "RUB"
            )
            try node.expectSuccess("job", "post", "--community", "tech-leaders", "--title", "Модератор")
            for filter in [["--tags", "edtech"], ["--work-mode", "remote"], ["--salary-currency", "RUB"]] {
                let jobs = try #require(
                    try node.artel.run(["list", "jobs", "--json"] + filter).output.data(using: .utf8)
                )
                let list = try #require(try JSONSerialization.jsonObject(with: jobs) as? [Any])
                #expect(list.count == 1, "\(filter)")
            }
            for gone in [["--tag", "edtech"], ["--remote"], ["--currency", "RUB"]] {
                #expect(try node.artel.run(["list", "jobs"] + gone).status == 2, "\(gone)")
            }
        }
    }
}
