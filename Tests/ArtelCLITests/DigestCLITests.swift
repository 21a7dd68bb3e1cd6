import ArtelTestKit
import Foundation
import Testing

/// `digest compose` and `digest publish` spell their filters as `artel list jobs` does, and take
/// `--json` as every command does.
@Suite("digest compose and publish on the command line")
struct DigestCLITests {
    /// Two jobs of the test community: one remote, part-time, tagged and paid in RUB; one not.
    static func postJobs(_ node: TestNode) throws {
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
            "--employment",
            "part_time",
            "--salary-min",
            "90000",
            "--salary-currency",
            "RUB"
        )
        try node.expectSuccess(
            "job",
            "post",
            "--community",
            "tech-leaders",
            "--title",
            "Модератор",
            "--work-mode",
            "onsite",
            "--employment",
            "full_time"
        )
    }

    @Test("The filters are --tags, --work-mode, --employment and --salary-currency; the old spellings are gone")
    func filterSpellings() async throws {
        try await TestNode.with { node in
            try Self.postJobs(node)
            let all = try #require(try node.json("digest", "compose") as? [String: Any])
            #expect((all["entries"] as? [Any])?.count == 2, "\(all)")
            for filter in [
                ["--tags", "edtech"], ["--work-mode", "remote"], ["--employment", "part_time"],
                ["--salary-currency", "RUB"], ["--salary-min", "80000", "--salary-currency", "rub"],
                ["--work-mode", "hybrid", "--work-mode", "remote"],
            ] {
                let result = try node.artel.run(["digest", "compose", "--json"] + filter)
                #expect(result.status == 0, "\(filter): \(result.error)")
                let object = try #require(
                    try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
                )
                let entries = try #require(object["entries"] as? [[String: Any]])
                #expect(entries.map { $0["title"] as? String } == ["Комьюнити-менеджер"], "\(filter)")
            }
            for gone in [["--tag", "edtech"], ["--remote"], ["--part-time"], ["--currency", "RUB"]] {
                #expect(try node.artel.run(["digest", "compose"] + gone).status == 2, "\(gone)")
                let publish = ["digest", "publish", "--to", "tech-leaders", "--title", "x"]
                #expect(try node.artel.run(publish + gone).status == 2, "\(gone)")
            }
            let wrong = try node.artel.run(["digest", "compose", "--work-mode", "office"])
            #expect(wrong.status == 2 && wrong.error.contains("--work-mode office is not one of"), "\(wrong.error)")
        }
    }

    @Test("compose --json prints the entries; --format takes markdown and html, not json")
    func composeJSON() async throws {
        try await TestNode.with { node in
            try Self.postJobs(node)
            let object = try #require(try node.json("digest", "compose", "--title", "Вакансии") as? [String: Any])
            #expect(object["title"] as? String == "Вакансии")
            let entries = try #require(object["entries"] as? [[String: Any]])
            #expect(entries.count == 2 && entries.allSatisfy { $0["also_listed"] is [Any] })
            #expect(try node.artel.run(["digest", "compose", "--format", "json"]).status == 2)
            let html = try node.expectSuccess("digest", "compose", "--format", "html")
            #expect(html.contains("<article>"))
        }
    }

    @Test("publish --json prints the digest as digest show --json does, and its delta")
    func publishJSON() async throws {
        try await TestNode.with { node in
            try Self.postJobs(node)
            let published = try #require(
                try node.json(
                    "digest",
                    "publish",
                    "--to",
                    "tech-leaders",
                    "--title",
                    "Удалённо",
                    "--work-mode",
                    "remote",
                    "--tags",
                    "edtech"
                ) as? [String: Any]
            )
            #expect((published["delta"] as? String)?.count == 64)
            let record = try #require(published["record"] as? [String: Any])
            #expect(record["kind"] as? String == "digest")
            let id = try #require(record["id"] as? String)
            var shown = try #require(try node.json("digest", "show", id) as? [String: Any])
            shown["jobs"] = nil
            #expect(NSDictionary(dictionary: shown).isEqual(to: record), "\(shown)\n\(record)")
            let fields = try #require(record["fields"] as? [String: Any])
            #expect(fields["title"] as? String == "Удалённо" && fields["tags"] as? [String] == ["edtech"])
        }
    }
}
