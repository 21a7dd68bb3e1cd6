import ArtelTestKit
import Foundation
import Testing

@Suite("artel, as a community manager uses it", .serialized)
struct WorkflowTests {
    @Test("Post, list, search, show, edit, log, renew and delete a job")
    func jobLifecycle() async throws {
        try await TestNode.with { node in
            let posted = try node.expectSuccess(
                "job",
                "post",
                "--community",
                "Tech Leaders Moscow",
                "--title",
                "Комьюнити-менеджер",
                "--employer",
                "Studio-29",
                "--duties",
                "заниматься продвижением закрытого сообщества",
                "--salary-min",
                "50000",
                "--salary-currency",
                "RUB",
                "--salary-period",
                "month",
                "--employment",
                "part_time",
                "--work-mode",
                "remote",
                "--tags",
                "комьюнити_вакансия"
            )
            let id = TestNode.createdID(posted)
            #expect(posted.contains("expires"))

            let list = try node.expectSuccess("list", "jobs", "--query", "сообщества", "--work-mode", "remote")
            #expect(list.contains(id) && list.contains("50000 RUB/month") && list.contains("Tech Leaders Moscow"))
            #expect(try node.expectSuccess("list", "jobs", "--salary-min", "60000").contains("No job records match"))

            let shown = try #require(try node.json("job", "show", String(id.prefix(20))) as? [String: Any])
            let fields = try #require(shown["fields"] as? [String: Any])
            #expect(shown["id"] as? String == id)
            #expect(fields["title"] as? String == "Комьюнити-менеджер")
            #expect(fields["salary_min"] as? Int == 50_000)
            #expect(fields["employment"] as? [String] == ["part_time"])

            try node.expectSuccess(
                "job",
                "edit",
                id,
                "--status",
                "filled",
                "--remove",
                "tags=комьюнити_вакансия",
                "--location-city",
                "Москва"
            )
            let edited = try #require(try node.json("job", "show", id) as? [String: Any])
            let editedFields = try #require(edited["fields"] as? [String: Any])
            #expect(editedFields["status"] as? String == "filled")
            #expect(editedFields["tags"] == nil)
            #expect((editedFields["location"] as? [String: Any])?["city"] as? String == "Москва")

            let log = try node.expectSuccess("log", id)
            #expect(
                log.contains("2 deltas kept") && log.contains("set status = filled")
                    && log.contains("by Tech Leaders Moscow")
            )

            #expect(try node.expectSuccess("job", "renew", id, "--days", "30").contains("Renewed"))
            try node.expectSuccess("job", "delete", id)
            let gone = try node.run("job", "show", id)
            #expect(gone.status == 1 && gone.error.contains("has been deleted"))
            #expect(try node.expectSuccess("check").contains("consistent"))
        }
    }

    @Test("Events are read in their own time zone")
    func eventTimeZone() async throws {
        try await TestNode.with { node in
            let id = TestNode.createdID(
                try node.expectSuccess(
                    "event",
                    "post",
                    "--community",
                    "tech-leaders",
                    "--title",
                    "Мастермайнд",
                    "--type",
                    "mastermind",
                    "--start",
                    "2026-12-10 19:00",
                    "--end",
                    "2026-12-10 21:00",
                    "--timezone",
                    "Europe/Moscow"
                )
            )
            let event = try #require(try node.json("event", "show", id) as? [String: Any])
            let fields = try #require(event["fields"] as? [String: Any])
            #expect(fields["start"] as? String == "2026-12-10T16:00:00Z")
            #expect(
                try node.expectSuccess("list", "events", "--from", "2026-12-10", "--until", "2026-12-10").contains(
                    "Мастермайнд"
                )
            )
            try node.expectSuccess("event", "edit", id, "--status", "postponed")
            let edited = try #require(try node.json("event", "show", id) as? [String: Any])
            #expect((edited["fields"] as? [String: Any])?["sequence"] as? Int == 1)
        }
    }

    @Test("People, memberships, ties and a digest of jobs")
    func leaderNetwork() async throws {
        try await TestNode.with { node in
            let anna = TestNode.createdID(
                try node.expectSuccess(
                    "person",
                    "add",
                    "--community",
                    "tech-leaders",
                    "--display-name",
                    "Анна Смирнова",
                    "--contacts",
                    "telegram:@anna_cm"
                )
            )
            let ilya = TestNode.createdID(
                try node.expectSuccess("person", "add", "--community", "tech-leaders", "--display-name", "Илья Петров")
            )
            try node.expectSuccess(
                "membership",
                "add",
                "--person",
                anna,
                "--community",
                "tech-leaders",
                "--roles",
                "leader",
                "--roles",
                "organizer"
            )
            try node.expectSuccess(
                "membership",
                "add",
                "--person",
                anna,
                "--community",
                "tech-leaders",
                "--roles",
                "ambassador"
            )
            let memberships = try #require(try node.json("membership", "list", "--person", anna) as? [[String: Any]])
            #expect(memberships.count == 1)
            #expect(
                Set((memberships[0]["fields"] as? [String: Any])?["roles"] as? [String] ?? []) == [
                    "leader", "organizer", "ambassador",
                ]
            )

            try node.expectSuccess(
                "tie",
                "add",
                "--from",
                ilya,
                "--to",
                anna,
                "--type",
                "collaborates",
                "--community",
                "tech-leaders"
            )
            let again = try node.run(
                "tie",
                "add",
                "--from",
                anna,
                "--to",
                ilya,
                "--type",
                "collaborates",
                "--community",
                "tech-leaders"
            )
            #expect(again.status == 0)
            #expect((try node.json("tie", "list", "--person", anna) as? [Any])?.count == 1)

            let job1 = TestNode.createdID(
                try node.expectSuccess(
                    "job",
                    "post",
                    "--community",
                    "tech-leaders",
                    "--title",
                    "Координатор",
                    "--employer",
                    "Runlab"
                )
            )
            let job2 = TestNode.createdID(
                try node.expectSuccess("job", "post", "--community", "tech-leaders", "--title", "Модератор")
            )
            let digest = TestNode.createdID(
                try node.expectSuccess(
                    "digest",
                    "create",
                    "--community",
                    "tech-leaders",
                    "--title",
                    "Вакансии недели",
                    "--items",
                    job2,
                    "--items",
                    job1
                )
            )
            let shown = try node.expectSuccess("digest", "show", digest)
            let second = try #require(shown.range(of: "2. Координатор — Runlab"))
            #expect(try #require(shown.range(of: "1. Модератор")).lowerBound < second.lowerBound)
            #expect(try node.expectSuccess("list", "people", "--query", "анна").contains("Анна Смирнова"))
        }
    }

    @Test("Two nodes hold the same records after exchanging delta files")
    func exchange() async throws {
        try await TestNode.with { first in
            try await TestNode.with(community: false) { second in
                try first.expectSuccess("job", "post", "--community", "tech-leaders", "--title", "Комьюнити-менеджер")
                try first.expectSuccess("person", "add", "--community", "tech-leaders", "--display-name", "Анна")
                let file = "\(first.directory)/all.deltas"
                try first.expectSuccess("export", "--output", file)
                let refused = try second.run("apply", file)
                #expect(
                    refused.status == 1 && refused.output.contains("3 refused")
                        && refused.output.contains("not_followed")
                )
                let community = try #require(
                    (try first.json("follows") as? [[String: Any]])?.first?["community"] as? String
                )
                try second.expectSuccess("follow", community)
                let applied = try second.expectSuccess("apply", file)
                #expect(applied.contains("3 accepted"))
                #expect(try second.expectSuccess("apply", file).contains("3 already kept"))
                for what in ["jobs", "people", "communities"] {
                    let left = try first.json("list", what) as? [[String: Any]]
                    let right = try second.json("list", what) as? [[String: Any]]
                    #expect(
                        left.map { $0.map { $0["id"] as? String } } == right.map { $0.map { $0["id"] as? String } },
                        "\(what)"
                    )
                }
                #expect(try first.exported() == second.exported())
            }
        }
    }

    @Test("Keys: list, export, import; a community key moved to another node lets it write")
    func keys() async throws {
        try await TestNode.with { first in
            try await TestNode.with(community: false) { second in
                let keys = try #require(try first.json("keys", "list") as? [[String: Any]])
                #expect(Set(keys.compactMap { $0["role"] as? String }) == ["node", "community"])
                #expect(!(try first.run("keys", "list", "--json").output.contains("seed")))
                let file = "\(first.directory)/community.key"
                try first.expectSuccess("keys", "export", "tech-leaders", "--output", file)
                try first.expectSuccess("export", "--output", "\(first.directory)/profile.deltas")
                let community = try #require(
                    (try first.json("follows") as? [[String: Any]])?.first?["community"] as? String
                )
                try second.expectSuccess("follow", community)
                try second.expectSuccess("apply", "\(first.directory)/profile.deltas")
                try second.expectSuccess("keys", "import", file)
                #expect(
                    try second.expectSuccess(
                        "job",
                        "post",
                        "--community",
                        "Tech Leaders Moscow",
                        "--title",
                        "Модератор"
                    ).contains("Created job")
                )
            }
        }
    }

    @Test("Status reports the node and what it holds")
    func status() async throws {
        try await TestNode.with { node in
            let status = try #require(try node.json("status") as? [String: Any])
            #expect(status["name"] as? String == "test-node")
            #expect((status["records"] as? [String: Any])?["communities"] as? Int == 1)
        }
    }
}
