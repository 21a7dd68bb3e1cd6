import ArtelTestKit
import Foundation
import Testing

@Suite("artel import telegram")
struct TelegramImportTests {
    static let corpus = TestFiles.path("Tests/Fixtures/telegram/corpus/result.json")
    static let summary =
        "Read 51 messages: 66 vacancies from 44 posts; 7 skipped (2 service messages, 4 without a vacancy "
        + "hashtag, 1 with a hashtag but no vacancy); 2 parts of vacancy posts left out (see --dry-run)."

    /// Runs a command that must succeed; returns its output.
    static func succeed(_ node: TestNode, _ arguments: [String]) throws -> String {
        let result = try node.artel.run(arguments)
        #expect(result.status == 0, "artel \(arguments.joined(separator: " ")): \(result.error)")
        return result.output
    }

    @Test("--dry-run prints every post with what was read or why it was skipped, and stores nothing")
    func dryRun() async throws {
        try await TestNode.with { node in
            let output = try node.expectSuccess("import", "telegram", Self.corpus, "--channel", "cm_jobs", "--dry-run")
            #expect(output.contains("post 1001: skipped: service message (create_channel)"))
            #expect(
                output.contains(
                    "post 1002: 3 vacancies\n  1. Комьюнити-менеджер в Skyeng — Skyeng · remote · from 80000 RUB/month net"
                )
            )
            #expect(output.contains("Ozon · Санкт-Петербург · onsite · up to 120000 RUB/month net"), "\(output)")
            #expect(output.contains("post 1015: 1 vacancy\n"))
            #expect(
                output.contains("post 1017: skipped: no vacancy hashtag (#комьюнити_вакансия, #вакансия, #вакансии)")
            )
            #expect(output.contains("post 1020: skipped: has a vacancy hashtag, but no line names a job"))
            #expect(output.contains("left out: “Контент-менеджер в Литрес” names a job but gives no duties"))
            #expect(output.contains("left out: text without a job title (“Сеть кофеен, Москва.”)"))
            #expect(output.contains(Self.summary + " Nothing was stored (--dry-run)."), "\(output)")
            #expect((try node.json("list", "jobs") as? [Any])?.isEmpty == true)
        }
    }

    @Test("An import reports the dry run's counts, and the vacancies it stored")
    func importCounts() async throws {
        try await TestNode.with { node in
            let arguments = [
                "import", "telegram", Self.corpus, "--channel", "cm_jobs", "--community", "Tech Leaders Moscow",
            ]
            let output = try Self.succeed(node, arguments)
            #expect(output.contains(Self.summary), "\(output)")
            #expect(
                output.contains("Imported vacancies from \(Self.corpus): 66 in all, 66 new, 0 updated, 0 unchanged.")
            )
            let jobs = try #require(try node.json("list", "jobs", "--limit", "100") as? [Any])
            #expect(jobs.count == 66)
        }
    }

    @Test("--hashtags replaces the default hashtags, repeated or as a list")
    func tags() async throws {
        try await TestNode.with { node in
            let base = ["import", "telegram", Self.corpus, "--channel", "cm_jobs", "--dry-run"]
            for tags in [["--hashtags", "#job", "--hashtags", "#вакансия"], ["--hashtags", "#job, #вакансия"]] {
                let output = try Self.succeed(node, base + tags)
                #expect(output.contains("post 1032: 1 vacancy\n  1. Community Manager at Notion — Notion"), "\(output)")
                #expect(output.contains("post 1002: skipped: no vacancy hashtag (#job, #вакансия)"))
            }
            let bad = try node.artel.run(base + ["--hashtags", "вакансия"])
            #expect(bad.status != 0 && bad.error.contains("--hashtags takes hashtags"))
            let missing = try node.artel.run(Array(base.dropLast()))
            #expect(missing.status != 0 && missing.error.contains("--community is needed to import"))
        }
    }

    @Test("A broken export is refused with the post at fault, and nothing is stored")
    func malformed() async throws {
        try await TestNode.with { node in
            let cases = [
                ("not json", "is not JSON"),
                (#"{"name": "Канал"}"#, "neither messages nor chats.list"),
                (
                    ##"{"messages": [{"id": 1, "type": "message", "text": "#вакансия\nМодератор в Skyeng\nЗП: 80 000 ₽"}, "##
                        + ##"{"id": 2, "type": "message", "text": ["#вакансия ", {"type": "bold"}]}]}"##,
                    "post 2: text part 2 is neither a string nor an entity with a text"
                ),
            ]
            for (number, (text, message)) in cases.enumerated() {
                let file = "\(node.directory)/broken-\(number).json"
                try Data(text.utf8).write(to: URL(fileURLWithPath: file))
                for extra in [["--community", "Tech Leaders Moscow"], ["--dry-run"]] {
                    let result = try node.artel.run(["import", "telegram", file, "--channel", "cm_jobs"] + extra)
                    #expect(result.status != 0, "\(text)")
                    #expect(
                        result.error.contains(message) && result.error.contains("nothing was imported"),
                        "\(result.error)"
                    )
                }
            }
            #expect((try node.json("list", "jobs") as? [Any])?.isEmpty == true)
        }
    }
}
