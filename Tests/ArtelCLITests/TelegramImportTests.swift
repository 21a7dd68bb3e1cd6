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
    /// A vacancy of a digest post: its title, and its salary as the post gives it and as read.
    struct DigestVacancy {
        let title: String
        let salary: String
        let minimum: Int
    }

    /// A channel's export holding one digest post of `vacancies`.
    static func digest(_ vacancies: [DigestVacancy]) throws -> Data {
        let text =
            "Дайджест вакансий\n"
            + vacancies.map {
                "▶️ \($0.title)\nКоманда растит сообщество.\n🟡 Что нужно делать:\n— вести чаты;\n— отвечать на вопросы.\n"
                    + "🟡 ЗП: \($0.salary)\n"
            }.joined(separator: "_________\n") + "#комьюнити_вакансия"
        let message: [String: Any] = ["id": 2001, "type": "message", "date": "2026-12-01T10:00:00", "text": text]
        return try JSONSerialization.data(withJSONObject: ["name": "Комьюнити-менеджеры", "messages": [message]])
    }

    @Test("Editing a digest post moves no vacancy into another's record")
    func editedDigest() async throws {
        try await TestNode.with { node in
            let skyeng = DigestVacancy(title: "Комьюнити-менеджер в Skyeng", salary: "от 80 000 ₽", minimum: 80_000)
            let netology = DigestVacancy(
                title: "Координатор выпускников в Нетологию",
                salary: "90–110 тыс. руб.",
                minimum: 90_000
            )
            let runlab = DigestVacancy(title: "Модератор чатов в Лабораторию Бега", salary: "60 000 ₽", minimum: 60_000)
            let litres = DigestVacancy(title: "Контент-менеджер в Литрес", salary: "100 000 ₽", minimum: 100_000)
            let yandex = DigestVacancy(title: "Ведущий мероприятий в Яндекс", salary: "120 000 ₽", minimum: 120_000)
            let corrected = DigestVacancy(
                title: "Координатор выпускников в Нетологии",
                salary: netology.salary,
                minimum: netology.minimum
            )
            let versions: [(vacancies: [DigestVacancy], counts: String, stored: Int)] = [
                ([skyeng, netology, runlab, litres], "4 in all, 4 new, 0 updated, 0 unchanged", 4),
                // The third removed: the fourth keeps its record, and the third's stays as it was.
                ([skyeng, netology, litres], "3 in all, 0 new, 0 updated, 3 unchanged", 4),
                // One added at the top: a record of its own.
                ([yandex, skyeng, netology, litres], "4 in all, 1 new, 0 updated, 3 unchanged", 5),
                // A title corrected: its own record is updated, not the removed one beside it.
                ([yandex, skyeng, corrected, litres], "4 in all, 0 new, 1 updated, 3 unchanged", 5),
            ]
            func importDigest(_ file: String) throws -> String {
                try node.expectSuccess(
                    "import",
                    "telegram",
                    file,
                    "--channel",
                    "cm_jobs",
                    "--community",
                    "Tech Leaders Moscow"
                )
            }
            // The record each vacancy was first stored in, by its first title.
            var records: [String: String] = [:]
            for (number, version) in versions.enumerated() {
                let file = "\(node.directory)/digest-\(number).json"
                try Self.digest(version.vacancies).write(to: URL(fileURLWithPath: file))
                let output = try importDigest(file)
                #expect(output.contains("Imported vacancies from \(file): \(version.counts)."), "\(number): \(output)")
                let runlabGone =
                    "post 2001: “\(runlab.title)” is no longer in the post; its job stays (artel job delete "
                #expect(output.contains(runlabGone) == (number > 0), "\(number): \(output)")
                let jobs = try #require(try node.json("list", "jobs") as? [[String: Any]])
                #expect(jobs.count == version.stored)
                for job in jobs {
                    let id = try #require(job["id"] as? String)
                    let fields = try #require(job["fields"] as? [String: Any])
                    let title = try #require(fields["title"] as? String)
                    let vacancy = try #require(
                        [skyeng, netology, runlab, litres, yandex, corrected].first { $0.title == title }
                    )
                    let first = vacancy.title == corrected.title ? netology.title : vacancy.title
                    #expect(records[first, default: id] == id, "\(number): \(title) is in another record")
                    records[first] = id
                    #expect((fields["salary_min"] as? NSNumber)?.intValue == vacancy.minimum, "\(number): \(fields)")
                    #expect(fields["sources"] as? [String] == ["telegram:cm_jobs/2001 https://t.me/cm_jobs/2001"])
                }
            }
            #expect(records.count == 5)

            // An editor corrects a salary here: importing the same export again keeps the correction.
            let litresRecord = try #require(records[litres.title])
            try node.expectSuccess("job", "edit", litresRecord, "--salary-min", "105000")
            let file = "\(node.directory)/digest-\(versions.count - 1).json"
            let again = try importDigest(file)
            #expect(
                again.contains(
                    "4 in all, 0 new, 0 updated, 3 unchanged, 1 edited here since the last import and kept so."
                ),
                "\(again)"
            )
            let kept = try #require(try node.json("job", "show", litresRecord) as? [String: Any])
            #expect(((kept["fields"] as? [String: Any])?["salary_min"] as? NSNumber)?.intValue == 105_000)
        }
    }
}
