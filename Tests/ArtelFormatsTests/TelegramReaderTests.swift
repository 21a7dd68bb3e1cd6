import ArtelCore
import ArtelTestKit
import Foundation
import Testing

@testable import ArtelFormats

@Suite("Telegram channel exports")
struct TelegramReaderTests {
    static func jobs(_ bytes: [UInt8]? = nil, chat: String? = nil) throws -> [ImportedRecord] {
        let data =
            try bytes
            ?? [UInt8](Data(contentsOf: URL(fileURLWithPath: TestFiles.path("Tests/Fixtures/telegram/result.json"))))
        return try TelegramReader.jobs(in: data, channel: "community_managers", chat: chat)
    }

    static func value(_ record: ImportedRecord, _ name: String) -> Value? {
        let id = RecordKind.job.schema[name].id
        for case .set(id, let value) in record.operations { return value }
        return nil
    }

    static func elements(_ record: ImportedRecord, _ name: String) -> [Value] {
        let id = RecordKind.job.schema[name].id
        return record.operations.compactMap { if case .add(id, let value) = $0 { value } else { nil } }
    }

    @Test("Digest posts become one job per vacancy; service messages and posts that only mention the tag are skipped")
    func digests() throws {
        let jobs = try Self.jobs()
        #expect(jobs.count == 4)
        let yandex = jobs[0]
        #expect(Self.value(yandex, "title") == .string("Комьюнити менеджер для сообщества руководителей Яндекс"))
        #expect(Self.value(yandex, "employer") == .string("Яндекс"))
        #expect(
            Self.value(yandex, "apply_url") == .string("https://yandex.ru/jobs/vacancies/community-manager-leaders")
        )
        #expect(Self.value(yandex, "date_posted") == .timestamp(1_794_564_000_000))
        #expect(
            Self.elements(yandex, "sources") == [
                .string("telegram:community_managers/168 https://t.me/community_managers/168")
            ]
        )
        guard case .string(let duties)? = Self.value(yandex, "duties") else {
            Issue.record("no duties")
            return
        }
        #expect(duties.split(separator: "\n").count == 3 && duties.hasPrefix("— создать и развивать"))

        let federation = jobs[1]
        #expect(Self.value(federation, "employer") == .string("Федерация компьютерного спорта России"))
        #expect(
            Self.value(federation, "salary_min") == .integer(50_000)
                && Self.value(federation, "salary_max") == .integer(70_000)
        )
        #expect(Self.value(federation, "work_mode") == .string("remote"))
        #expect(Self.elements(federation, "tags").contains(.string(TelegramReader.assumedPeriodTag)))

        let school = jobs[3]
        #expect(Self.value(school, "requirements") == .string("— опыт в комьюнити-менеджменте от 1 года."))
        #expect(Self.elements(school, "employment") == [.string("part_time")])
        #expect(Self.value(school, "apply_url") == .string("https://ffschool.example/career"))
        #expect(
            Set(Self.elements(school, "tags")) == [
                .string("комьюнити_вакансия"), .string("мода"), .string(TelegramReader.assumedPeriodTag),
            ]
        )
        #expect(Set(jobs.map(\.record)).count == 4)
        for job in jobs {
            let key = TestKeys.techLeaders.publicKey
            let delta = Delta(
                kind: .job,
                community: key,
                author: key,
                record: job.record,
                timestamp: HLC(milliseconds: DeltaFactory.epoch),
                expiry: DeltaFactory.epoch + 86_400_000,
                operations: job.operations
            )
            #expect(throws: Never.self) { try RecordKind.job.schema.validate(delta) }
        }
    }

    @Test(
        "Salaries as channels write them",
        arguments: [
            ("ЗП: от 50,000 руб (частичная занятость)", 50_000, nil, "RUB"),
            ("Зарплата: до 120 000 ₽", nil, 120_000, "RUB"),
            ("ЗП: 50–70 тыс.", 50_000, 70_000, "RUB"),
            ("ЗП: от 100 до 150 тыс. рублей", 100_000, 150_000, "RUB"),
            ("Оплата: 2 000 - 3 000 $", 2_000, 3_000, "USD"),
            ("ЗП: от 100к", 100_000, nil, "RUB"),
        ] as [(String, Int64?, Int64?, String)]
    )
    func salaries(line: String, minimum: Int64?, maximum: Int64?, currency: String) {
        let salary = SalaryText.parse(line)
        #expect(salary == SalaryText(minimum: minimum, maximum: maximum, currency: currency), "\(line)")
    }

    @Test(
        "Take-home and gross pay, periods and currencies as people write them",
        arguments: [
            ("💰 от 80 000 ₽ на руки", 80_000, nil, "RUB", false, nil),
            ("до 120к на руки", nil, 120_000, "RUB", false, nil),
            ("100–150 тыс. руб. до вычета", 100_000, 150_000, "RUB", true, nil),
            ("150k gross", 150_000, nil, "RUB", true, nil),
            ("Salary: $2000–2500", 2_000, 2_500, "USD", nil, nil),
            ("ЗП: €1 500 net в месяц", 1_500, nil, "EUR", false, "month"),
            ("от 1 500 ₽ в час", 1_500, nil, "RUB", nil, "hour"),
            ("2 500 ₽ за смену", 2_500, nil, "RUB", nil, "day"),
            ("Studio-29, 60 000 ₽, https://x.example/vacancy/1", 60_000, nil, "RUB", nil, nil),
        ] as [(String, Int64?, Int64?, String, Bool?, String?)]
    )
    func payKinds(line: String, minimum: Int64?, maximum: Int64?, currency: String, gross: Bool?, period: String?) {
        let expected = SalaryText(minimum: minimum, maximum: maximum, currency: currency, gross: gross, period: period)
        #expect(SalaryText.parse(line) == expected, "\(line)")
        #expect(SalaryText.mentionsMoney(line), "\(line)")
    }

    @Test(
        "Lines without an amount of money are no salary",
        arguments: ["Опыт от 2 лет", "30 часов в неделю", "B2B-сообщество"]
    )
    func noMoney(line: String) {
        #expect(!SalaryText.mentionsMoney(line))
    }

    @Test("Only the configured hashtags mark vacancy posts, compared without case")
    func hashtags() throws {
        let post = """
            {"messages": [{"id": 7, "type": "message", "date_unixtime": "1794564000", "text": \
            "#Job Community Manager at Notion\\nRemote, $3000 per month\\nApply: https://notion.example/cm"}]}
            """
        let skipped = try TelegramReader.read(Array(post.utf8), channel: "c")
        #expect(skipped.jobs.isEmpty && skipped.posts[0].skipped?.hasPrefix("no vacancy hashtag") == true)
        let read = try TelegramReader.read(Array(post.utf8), channel: "c", tags: ["#вакансия", "#job"])
        let job = try #require(read.jobs.first)
        #expect(Self.value(job, "employer") == .string("Notion") && Self.value(job, "salary_min") == .integer(3_000))
        #expect(Self.value(job, "apply_url") == .string("https://notion.example/cm"))
    }

    /// A whole-account export holding `channel` named `name` and an empty channel beside it.
    func twinsOf(_ channel: [String: Any], _ name: String) throws -> [UInt8] {
        var named = channel
        named["name"] = name
        var other = channel
        (other["name"], other["messages"]) = ("Другой канал", [Any]())
        return [UInt8](try JSONSerialization.data(withJSONObject: ["chats": ["list": [named, other]]]))
    }

    @Test("A whole-account export needs --chat when it holds several channels, by name or, for twins, by id")
    func wholeAccount() throws {
        let single =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: TestFiles.path("Tests/Fixtures/telegram/result.json")))
            ) as! [String: Any]
        var other = single
        other["name"] = "Другой канал"
        other["messages"] = []
        let account: [String: Any] = ["about": "export", "chats": ["about": "chats", "list": [single, other]]]
        let bytes = [UInt8](try JSONSerialization.data(withJSONObject: account))
        #expect(throws: FormatError.self) { try Self.jobs(bytes) }
        do {
            _ = try Self.jobs(bytes)
        } catch let error as FormatError {
            #expect(error.message.contains("choose one with --chat") && error.message.contains("Другой канал"))
        } catch {
            Issue.record("\(error)")
        }
        #expect(try Self.jobs(bytes, chat: "Комьюнити-менеджеры").count == 4)
        #expect(try Self.jobs(bytes, chat: " комьюнити-МЕНЕДЖЕРЫ ").count == 4, "without case or spaces around")
        #expect(try Self.jobs(twinsOf(single, "Вакансии для  менеджеров"), chat: "вакансии для менеджеров").count == 4)

        // The export of one chat holds no other.
        let one = [UInt8](try JSONSerialization.data(withJSONObject: single))
        #expect(try Self.jobs(one, chat: "комьюнити-менеджеры").count == 4)
        do {
            _ = try Self.jobs(one, chat: "Другой канал")
            Issue.record("a chat the export does not hold was read")
        } catch let error as FormatError {
            #expect(
                error.fileProblem == .noSuchChat && error.choices.first?.hasPrefix("Комьюнити-менеджеры (id ") == true
            )
        }

        // Two chats of the same name, as a channel and its discussion group often are: chosen by id.
        var group = single
        group["id"] = 1_700_000_002
        group["type"] = "public_supergroup"
        group["messages"] = []
        var channel = single
        channel["id"] = 1_700_000_001
        let twins = ["chats": ["list": [channel, group]]]
        let twinBytes = [UInt8](try JSONSerialization.data(withJSONObject: twins))
        do {
            _ = try Self.jobs(twinBytes, chat: "Комьюнити-менеджеры")
            Issue.record("two chats of one name were read as one")
        } catch let error as FormatError {
            #expect(error.message.contains("Комьюнити-менеджеры (id 1700000001), Комьюнити-менеджеры (id 1700000002)"))
        }
        #expect(try Self.jobs(twinBytes, chat: "1700000001").count == 4)
        #expect(try Self.jobs(twinBytes, chat: "1700000002").isEmpty)
    }

    @Test("Malformed exports are refused with the place at fault")
    func malformed() throws {
        let cases: [(String, String, String)] = [
            ("{\"messages\": [", "the file", "not JSON"),
            ("[1, 2]", "the file", "not a Telegram export"),
            ("{\"name\": \"x\"}", "the file", "neither messages nor chats.list"),
            ("{\"messages\": [{\"type\": \"message\", \"text\": \"x\"}]}", "message 1", "no numeric id"),
            (
                "{\"messages\": [{\"id\": 3, \"type\": \"message\", \"text\": 5}]}", "post 3",
                "neither a string nor a list"
            ),
            (
                "{\"messages\": [{\"id\": 4, \"type\": \"message\", \"text\": [\"#вакансия \", {\"type\": \"bold\"}]}]}",
                "post 4", "text part 2 is neither a string nor an entity with a text"
            ),
            ("{\"messages\": [{\"id\": 5, \"type\": \"message\", \"text\": [\"a\", 7]}]}", "post 5", "text part 2"),
            ("{\"chats\": {\"list\": []}}", "the file", "holds no chat that is a channel"),
        ]
        for (text, place, message) in cases {
            do {
                _ = try Self.jobs(Array(text.utf8))
                Issue.record("accepted: \(text)")
            } catch let error as FormatError {
                #expect(error.place == place && error.message.contains(message), "\(text): \(error)")
            } catch {
                Issue.record("\(text): \(error)")
            }
        }
    }

    @Test("A salary that is no salary is left out of its vacancy, which is imported, and the report says so")
    func salariesThatAreNoSalary() throws {
        func post(_ id: Int, _ salary: String) -> String {
            """
            {"id": \(id), "type": "message", "date_unixtime": "1794564000", "text": \
            "#комьюнити_вакансия\\n▶️ Модератор чата\\nКлуб — клуб\\nЧто нужно делать:\\n— модерировать\\n\(salary)"}
            """
        }
        let export = """
            {"messages": [\(post(9, "ЗП: от 5 руб")), \(post(10, "Зарплата: от 300 000 до 150 000 ₽")), \
            \(post(11, "Зарплата: от 90 000 до 120 000 ₽"))]}
            """
        let report = try TelegramReader.read(Array(export.utf8), channel: "community_managers")
        #expect(report.posts.map(\.jobs.count) == [1, 1, 1], "each vacancy is imported")
        #expect(
            report.posts.map(\.notes) == [
                [.salaryOutOfRange(line: "от 5 руб")], [.salaryGoesDown(line: "от 300 000 до 150 000 ₽")], [],
            ]
        )
        for job in report.jobs.prefix(2) {
            for field in ["salary_min", "salary_max", "salary_currency", "salary_period"] {
                #expect(Self.value(job, field) == nil, "\(job.label): \(field)")
            }
            #expect(!Self.elements(job, "tags").contains(.string(TelegramReader.assumedPeriodTag)))
        }
        #expect(Self.value(report.jobs[2], "salary_min") == .integer(90_000))
        #expect(Self.value(report.jobs[2], "salary_max") == .integer(120_000))
    }
}

@Suite("Telegram event announcements")
struct TelegramEventTests {
    @Test("Posts that invite to register and give a date become events: all day without a time, Moscow time with one")
    func announcements() throws {
        let bytes = try [UInt8](
            Data(contentsOf: URL(fileURLWithPath: TestFiles.path("Tests/Fixtures/telegram/result.json")))
        )
        let events = try TelegramReader.events(in: bytes, channel: "community_managers")
        #expect(events.count == 2, "vacancy digests and other posts are not events")
        let schema = RecordKind.event.schema
        let series = events[0].operations
        #expect(
            series.contains(.set(schema["title"].id, .string("Как создавать живые сообщества — серия онлайн-событий")))
        )
        let twelfth: Int64 = 1_796_083_200_000 + 11 * 86_400_000
        #expect(series.contains(.set(schema["start"].id, .timestamp(twelfth))), "12 December, all day")
        #expect(series.contains(.set(schema["all_day"].id, .boolean(true))))
        #expect(
            series.contains(.set(schema["registration_url"].id, .string("https://epicgrowth.example/live-communities")))
        )
        let meetup = events[1].operations
        // 5 December 2026, 19:00 in Moscow is 16:00 UTC.
        let fifth: Int64 = 1_796_083_200_000 + 4 * 86_400_000 + 16 * 3_600_000
        #expect(meetup.contains(.set(schema["start"].id, .timestamp(fifth))))
        #expect(meetup.contains(.set(schema["registration_url"].id, .string("https://events.example/cm-meetup"))))
    }

    @Test("Russian dates: the year rolls over for a month already past, numeric dates, times with UTC")
    func dates() {
        let november = Int64(1_795_219_200_000)  // 2026-11-21
        #expect(RussianDates.first(in: "пройдёт 15 января", after: november)?.start == 1_799_971_200_000)
        #expect(RussianDates.first(in: "встреча 03.12.2026, 10:30 UTC", after: november)?.start == 1_796_293_800_000)
        #expect(RussianDates.first(in: "без даты", after: november) == nil)
    }
}
