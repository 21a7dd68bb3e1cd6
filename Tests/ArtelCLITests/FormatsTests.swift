import ArtelTestKit
import Foundation
import Testing

@Suite("artel import and export: iCalendar, hh.ru, schema.org and feeds", .serialized)
struct FormatsTests {
    static let google = TestFiles.path("Tests/Fixtures/ics/google.ics")

    @Test(
        "Importing a calendar twice changes nothing; an edited calendar updates its events instead of duplicating them"
    )
    func idempotent() async throws {
        try await TestNode.with { node in
            let first = try node.expectSuccess("import", "ics", Self.google, "--community", "Tech Leaders Moscow")
            #expect(first.contains("3 new, 0 updated, 0 unchanged"), "\(first)")
            let exported = try node.exported()
            let again = try node.expectSuccess("import", "ics", Self.google, "--community", "Tech Leaders Moscow")
            #expect(again.contains("0 new, 0 updated, 3 unchanged"), "\(again)")
            #expect(try node.exported() == exported)

            let edited = "\(node.directory)/edited.ics"
            let text = try String(contentsOfFile: Self.google, encoding: .utf8)
                .replacingOccurrences(
                    of: "SUMMARY:Мастермайнд лидеров сообществ",
                    with: "SUMMARY:Мастермайнд: перенос в онлайн"
                )
                .replacingOccurrences(of: "SEQUENCE:2", with: "SEQUENCE:3")
                .replacingOccurrences(of: "LOCATION:Москва\\, ул. Льва Толстого\\, 16\r\n", with: "")
            try text.write(toFile: edited, atomically: true, encoding: .utf8)
            let updated = try node.expectSuccess("import", "ics", edited, "--community", "Tech Leaders Moscow")
            #expect(updated.contains("0 new, 1 updated, 2 unchanged"), "\(updated)")
            let events = try #require(try node.json("list", "events") as? [[String: Any]])
            #expect(events.count == 3)
            let shown = try node.expectSuccess("list", "events", "--query", "онлайн")
            #expect(shown.contains("Мастермайнд: перенос в онлайн"))
            let id = String(shown.prefix { $0 != " " })
            let show = try node.expectSuccess("event", "show", id)
            #expect(!show.contains("Льва Толстого"), "the location the source dropped is cleared")
            #expect(show.contains("sequence") && show.contains("3"))
            try node.expectSuccess("check")
        }
    }

    @Test("A calendar with a line that is no content line is refused with the line at fault, and nothing is stored")
    func malformed() async throws {
        try await TestNode.with { node in
            let before = try node.exported()
            let broken = "\(node.directory)/broken.ics"
            let text = try String(contentsOfFile: Self.google, encoding: .utf8)
                .replacingOccurrences(of: "DTSTART:20261210T150000Z", with: "DTSTART 20261210T150000Z")
            try text.write(toFile: broken, atomically: true, encoding: .utf8)
            let result = try node.run("import", "ics", broken, "--community", "Tech Leaders Moscow")
            #expect(result.status != 0)
            #expect(
                result.error.contains("line 49") && result.error.contains("nothing was imported"),
                "\(result.error)"
            )
            #expect(try node.exported() == before)
        }
    }

    @Test("The exported feed holds only public events; imported on another node it gives the same events")
    func exportThenImport() async throws {
        try await TestNode.with { node in
            try node.expectSuccess("import", "ics", Self.google, "--community", "Tech Leaders Moscow")
            try node.expectSuccess(
                "event",
                "post",
                "--community",
                "Tech Leaders Moscow",
                "--title",
                "Закрытая встреча",
                "--start",
                "2026-12-20 18:00",
                "--visibility",
                "federation"
            )
            let feed = "\(node.directory)/feed.ics"
            let exported = try node.expectSuccess("export", "--format", "ics", "--output", feed)
            #expect(exported.contains("Exported 3 public events"), "\(exported)")
            let text = try String(contentsOfFile: feed, encoding: .utf8)
            #expect(!text.contains("Закрытая встреча") && text.contains("STATUS:CANCELLED"))

            let other = TestNode(artel: ArtelProcess(data: "\(node.directory)/other"), directory: node.directory)
            try other.expectSuccess("init", "--name", "other")
            try other.expectSuccess("community", "create", "--name", "Partner Club", "--kind", "club")
            try other.expectSuccess("import", "ics", feed, "--community", "Partner Club")
            let mine = try #require(try node.json("list", "events", "--visibility", "public") as? [[String: Any]])
            let theirs = try #require(try other.json("list", "events") as? [[String: Any]])
            func summary(_ events: [[String: Any]]) -> [String] {
                events.map { "\($0["id"] ?? "") \($0["title"] ?? "") \($0["start"] ?? "") \($0["end"] ?? "")" }.sorted()
            }
            #expect(summary(mine) == summary(theirs))
            let again = try other.expectSuccess("import", "ics", feed, "--community", "Partner Club")
            #expect(again.contains("3 unchanged"), "\(again)")
        }
    }

    @Test(
        "hh.ru: a page and then the full vacancy update one job; the same page again changes nothing; bad JSON stores nothing"
    )
    func headHunter() async throws {
        try await TestNode.with { node in
            let page = TestFiles.path("Tests/Fixtures/hh/search-page.json")
            #expect(
                try node.expectSuccess("import", "hh", page, "--community", "Tech Leaders Moscow").contains("3 new")
            )
            let full = TestFiles.path("Tests/Fixtures/hh/vacancy.json")
            #expect(
                try node.expectSuccess("import", "hh", full, "--community", "Tech Leaders Moscow").contains("1 updated")
            )
            let jobs = try node.expectSuccess("list", "jobs", "--work-mode", "remote")
            #expect(jobs.contains("Studio-29") && jobs.contains("from 50000 RUB/month"), "\(jobs)")
            #expect(try node.expectSuccess("list", "jobs").contains("160000–220000 RUB/month"))
            let exported = try node.exported()
            #expect(
                try node.expectSuccess("import", "hh", full, "--community", "Tech Leaders Moscow").contains(
                    "1 unchanged"
                )
            )
            #expect(try node.exported() == exported)

            let broken = "\(node.directory)/broken.json"
            try Data("{\"items\": [{\"id\": \"1\", \"name\": \"КМ\", \"salary\": {\"from\": 1e12}}]}".utf8)
                .write(to: URL(fileURLWithPath: broken))
            let result = try node.run("import", "hh", broken, "--community", "Tech Leaders Moscow")
            #expect(
                result.status != 0 && result.error.contains("vacancy 1 (id 1)") && result.error.contains("not a salary")
            )
            #expect(try node.exported() == exported)
            try node.expectSuccess("check")
        }
    }

    @Test(
        "Open jobs exported as JSON-LD import on another node as the same jobs; every feed format writes only public ones"
    )
    func schemaOrgAndFeeds() async throws {
        try await TestNode.with { node in
            try node.expectSuccess(
                "import",
                "hh",
                TestFiles.path("Tests/Fixtures/hh/search-page.json"),
                "--community",
                "Tech Leaders Moscow"
            )
            try node.expectSuccess(
                "job",
                "post",
                "--community",
                "Tech Leaders Moscow",
                "--title",
                "Внутренняя вакансия",
                "--visibility",
                "federation"
            )
            let document = "\(node.directory)/jobs.jsonld"
            #expect(
                try node.expectSuccess("export", "--format", "jsonld", "--kinds", "job", "--output", document).contains(
                    "2 public jobs"
                ),
                "the archived vacancy is closed: it leaves every export"
            )
            for format in ["jsonfeed", "atom", "csv", "markdown"] {
                let file = "\(node.directory)/jobs.\(format)"
                try node.expectSuccess("export", "--format", format, "--output", file)
                let text = try String(contentsOfFile: file, encoding: .utf8)
                #expect(!text.contains("Внутренняя вакансия"), "\(format) leaked a federation-only job")
                #expect(text.contains("Studio-29"), "\(format)")
            }
            let wrongKind = try node.run(
                "export",
                "--format",
                "atom",
                "--kinds",
                "event",
                "--output",
                "\(node.directory)/x.atom"
            )
            #expect(wrongKind.status != 0 && wrongKind.error.contains("writes job records"), "\(wrongKind.error)")

            let other = TestNode(artel: ArtelProcess(data: "\(node.directory)/other"), directory: node.directory)
            try other.expectSuccess("init", "--name", "other")
            try other.expectSuccess("community", "create", "--name", "HR Association", "--kind", "association")
            #expect(
                try other.expectSuccess("import", "jsonld", document, "--community", "HR Association").contains("2 new")
            )
            func rows(_ node: TestNode) throws -> [String] {
                let jobs = try #require(try node.json("list", "jobs", "--visibility", "public") as? [[String: Any]])
                return jobs.map {
                    "\($0["id"] ?? "") \($0["title"] ?? "") \($0["salary_min"] ?? "") \($0["work_mode"] ?? "")"
                }.sorted()
            }
            #expect(try rows(node) == rows(other))
            #expect(
                try other.expectSuccess("import", "jsonld", document, "--community", "HR Association").contains(
                    "2 unchanged"
                )
            )
            let before = try other.exported()
            try Data("{\"@type\": \"JobPosting\", \"title\": \"x\", \"datePosted\": \"вчера\"}".utf8)
                .write(to: URL(fileURLWithPath: "\(node.directory)/bad.jsonld"))
            let bad = try other.run("import", "jsonld", "\(node.directory)/bad.jsonld", "--community", "HR Association")
            #expect(
                bad.status != 0 && bad.error.contains("object 1") && bad.error.contains("datePosted"),
                "\(bad.error)"
            )
            #expect(try other.exported() == before)
        }
    }

    @Test("A Telegram channel's digests import once, and come back out as a digest in the channel's style")
    func telegram() async throws {
        try await TestNode.with { node in
            let export = TestFiles.path("Tests/Fixtures/telegram/result.json")
            let arguments = [
                "import", "telegram", export, "--channel", "community_managers", "--community", "Tech Leaders Moscow",
            ]
            #expect(try node.artel.run(arguments).output.contains("4 new"))
            #expect(try node.artel.run(arguments).output.contains("4 unchanged"))
            let digest = "\(node.directory)/digest.md"
            try node.expectSuccess(
                "export",
                "--format",
                "markdown",
                "--community",
                "Tech Leaders Moscow",
                "--output",
                digest
            )
            let text = try String(contentsOfFile: digest, encoding: .utf8)
            #expect(
                text.contains(
                    "**Федерация компьютерного спорта России** — Комьюнити менеджер в Федерацию компьютерного спорта России"
                )
            )
            #expect(
                text.contains(
                    "💰 50 000–70 000 ₽ в месяц\n🏠 удалённо\nОткликнуться: [здесь](https://resf.ru/jobs/community)"
                )
            )
            let planned = try node.expectSuccess(
                "import",
                "telegram",
                export,
                "--channel",
                "community_managers",
                "--dry-run",
                "--events"
            )
            #expect(
                planned.contains(
                    "post 410: 1 event\n  1. Митап комьюнити-менеджеров в Москве · 2026-12-05 19:00 Europe/Moscow"
                )
                    && !planned.contains("post 410: skipped"),
                "\(planned)"
            )
            #expect(planned.contains("4 vacancies from 2 posts, 2 events; 3 skipped"), "\(planned)")
            let withEvents = try node.artel.run(arguments + ["--events"]).output
            #expect(
                withEvents.contains("Imported vacancies and events from ")
                    && withEvents.contains("6 in all, 2 new, 0 updated, 4 unchanged"),
                "\(withEvents)"
            )
            #expect(try node.expectSuccess("list", "events").contains("Митап комьюнити-менеджеров в Москве"))
            let bad = try node.run(
                "import",
                "telegram",
                export,
                "--channel",
                "t.me/x",
                "--community",
                "Tech Leaders Moscow"
            )
            #expect(bad.status != 0 && bad.error.contains("--channel takes the channel's username"))
        }
    }

    @Test("An association composes one digest from two communities' overlapping vacancies, publishes it and renders it")
    func composeAndPublish() async throws {
        try await TestNode.with { node in
            try node.expectSuccess("community", "create", "--name", "Partner Club", "--kind", "club")
            try node.expectSuccess(
                "community",
                "create",
                "--name",
                "HR Association",
                "--kind",
                "association",
                "--topics",
                "#hr_вакансии"
            )
            let export = TestFiles.path("Tests/Fixtures/telegram/result.json")
            for (channel, community) in [
                ("community_managers", "Tech Leaders Moscow"), ("partner_club", "Partner Club"),
            ] {
                try node.expectSuccess("import", "telegram", export, "--channel", channel, "--community", community)
            }
            let composed = try node.expectSuccess("digest", "compose", "--from", "2026-11-01", "--until", "2026-11-30")
            #expect(
                composed.components(separatedBy: "\n_________________\n").count == 5,
                "four vacancies, once each:\n\(composed)"
            )
            #expect(composed.contains("Также опубликовано: "))
            let remote = try node.expectSuccess(
                "digest",
                "compose",
                "--from",
                "2026-11-01",
                "--until",
                "2026-11-30",
                "--work-mode",
                "remote"
            )
            #expect(remote.contains("Федерация компьютерного спорта России") && !remote.contains("Studio-29"))

            let published = try node.expectSuccess(
                "digest",
                "publish",
                "--to",
                "HR Association",
                "--title",
                "Вакансии ноября",
                "--from",
                "2026-11-01",
                "--until",
                "2026-11-30"
            )
            #expect(published.contains("with 4 vacancies (4 of them listed more than once)"), "\(published)")
            let id = String(published.split(separator: " ")[2])
            // Published, the digest still says where else each vacancy was listed (it said nothing).
            let markdown = try node.expectSuccess("digest", "show", id, "--format", "markdown")
            #expect(
                markdown.hasPrefix("#hr_вакансии — Вакансии ноября") && markdown.contains("Откликнуться: [здесь]"),
                "the publishing community's hashtag:\n\(markdown)"
            )
            #expect(
                markdown.components(separatedBy: "Также опубликовано: ").count == 5,
                "each of the four vacancies says where else it was listed:\n\(markdown)"
            )
            let tagged = try node.expectSuccess(
                "digest",
                "show",
                id,
                "--format",
                "markdown",
                "--hashtag",
                "вакансии недели"
            )
            #expect(tagged.hasPrefix("#вакансии_недели — Вакансии ноября"))
            let json = try node.expectSuccess("digest", "show", id, "--format", "json")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let entries = try #require(object["entries"] as? [[String: Any]])
            #expect(entries.count == 4 && entries.allSatisfy { ($0["also_listed"] as? [Any])?.count == 1 })
            let html = try node.expectSuccess("digest", "show", id, "--format", "html")
            #expect(html.contains("<h1>Вакансии ноября</h1>") && html.components(separatedBy: "<article>").count == 5)
            #expect(html.contains("<meta name=\"viewport\"") && html.contains("<style>"))
            #expect(html.components(separatedBy: "class=\"also\"").count == 5)
            let none = try node.run(
                "digest",
                "publish",
                "--to",
                "HR Association",
                "--title",
                "x",
                "--from",
                "2020-01-01",
                "--until",
                "2020-01-31"
            )
            #expect(none.status != 0 && none.error.contains("no job matches"))
        }
    }

    @Test(
        "stats jobs prints figures with their n as a table, CSV or JSON, and writes --output as its extension or --format says"
    )
    func stats() async throws {
        try await TestNode.with { node in
            try node.expectSuccess(
                "import",
                "hh",
                TestFiles.path("Tests/Fixtures/hh/search-page.json"),
                "--community",
                "Tech Leaders Moscow"
            )
            let table = try node.expectSuccess("stats", "jobs", "--from", "2026-11-01", "--until", "2026-11-30")
            #expect(table.hasPrefix("3 vacancies from 3 listings"), "\(table)")
            #expect(table.contains("Sources side by side") && table.contains("hh.ru"), "\(table)")
            let csv = try node.expectSuccess(
                "stats",
                "jobs",
                "--from",
                "2026-11-01",
                "--until",
                "2026-11-30",
                "--format",
                "csv"
            )
            #expect(csv.hasPrefix("dimension,group,vacancies,listings,remote_share,remote_n"))
            #expect(csv.contains("\r\nmonth,2026-11,3,3,"), "\(csv)")
            let json = try node.expectSuccess(
                "stats",
                "jobs",
                "--from",
                "2026-11-01",
                "--until",
                "2026-11-30",
                "--json"
            )
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(object["vacancies"] as? Int == 3)
            #expect((object["source"] as? [[String: Any]])?.map { $0["key"] as? String } == ["hh.ru"])
            let chart = "\(node.directory)/market.svg"
            let wrote = try node.expectSuccess("stats", "jobs", "--from", "2026-11-01", "--output", chart)
            #expect(wrote.contains("Wrote the figures as svg to \(chart)."), "\(wrote)")
            #expect(try String(contentsOfFile: chart, encoding: .utf8).hasPrefix("<svg"))
            let figures = "\(node.directory)/market.csv"
            try node.expectSuccess("stats", "jobs", "--from", "2026-11-01", "--output", figures)
            #expect(try String(contentsOfFile: figures, encoding: .utf8).hasPrefix("dimension,group,vacancies"))
            // --format wins over the extension; --json prints the figures after writing the file.
            let named = "\(node.directory)/market.data"
            let printed = try node.expectSuccess(
                "stats",
                "jobs",
                "--from",
                "2026-11-01",
                "--format",
                "svg",
                "--output",
                named,
                "--json"
            )
            let again = try #require(try JSONSerialization.jsonObject(with: Data(printed.utf8)) as? [String: Any])
            #expect(again["vacancies"] as? Int == 3)
            #expect(try String(contentsOfFile: named, encoding: .utf8).hasPrefix("<svg"))
            let svg = try node.expectSuccess("stats", "jobs", "--from", "2026-11-01", "--format", "svg")
            #expect(svg.hasPrefix("<svg"))
            if FileManager.default.isExecutableFile(atPath: "/usr/bin/rsvg-convert") {
                let png = "\(node.directory)/market.png"
                try node.expectSuccess("stats", "jobs", "--from", "2026-11-01", "--output", png)
                let bytes = try #require(FileManager.default.contents(atPath: png))
                #expect(Array(bytes.prefix(4)) == [0x89, 0x50, 0x4E, 0x47], "a PNG")
            }
            for (arguments, said) in [
                (["--output", named], "cannot tell the format of \(named)"),
                (["--format", "png"], "--format png writes a file"),
                (["--format", "csv", "--json"], "--json and --format csv: give one"),
                (["--chart", chart], "--chart"), (["--png", chart], "--png"),
            ] {
                let refused = try node.artel.run(["stats", "jobs"] + arguments)
                #expect(refused.status == 2, "\(arguments)")
                #expect(refused.error.contains(said), "\(arguments): \(refused.error)")
            }
            let bad = try node.run("stats", "jobs", "--from", "2026-12-01", "--until", "2026-11-01")
            #expect(bad.status != 0 && bad.error.contains("--from is after --until"))
        }
    }
}
