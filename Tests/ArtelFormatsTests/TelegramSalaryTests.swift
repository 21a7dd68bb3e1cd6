import ArtelCore
import Foundation
import Testing

@testable import ArtelFormats

@Suite("Salaries in Telegram vacancy posts")
struct TelegramSalaryTests {
    /// The report of a one-message export whose text is as Telegram writes it: a string, or a list
    /// of strings and entity objects.
    static func report(_ text: Any) throws -> TelegramReader.PostReport {
        let message: [String: Any] = ["id": 7, "type": "message", "date_unixtime": "1796396400", "text": text]
        let bytes = try JSONSerialization.data(withJSONObject: ["messages": [message]])
        return try #require(try TelegramReader.read([UInt8](bytes), channel: "cm_jobs").posts.first)
    }

    /// A job's salary fields: minimum, maximum, currency and period.
    static func salary(_ job: ImportedRecord) -> [Value?] {
        ["salary_min", "salary_max", "salary_currency", "salary_period"].map { TelegramReaderTests.value(job, $0) }
    }

    @Test(
        "A range written with a hyphen between amounts in thousands keeps its top",
        arguments: [
            ("ЗП: 100к-120к", 100_000, 120_000),
            ("вилка 150k-200k", 150_000, 200_000),
            ("ЗП: 100тыс-150тыс руб.", 100_000, 150_000),
        ] as [(String, Int64, Int64)]
    )
    func hyphenRanges(line: String, minimum: Int64, maximum: Int64) {
        #expect(SalaryText.parse(line) == SalaryText(minimum: minimum, maximum: maximum), "\(line)")
    }

    @Test(
        "A decimal point or comma in an amount in thousands or millions is read as one",
        arguments: [
            ("2.5k EUR", 2_500, nil, "EUR"),
            ("1.5-2k$", 1_500, 2_000, "USD"),
            ("ЗП: 1,2–1,5 тыс. $", 1_200, 1_500, "USD"),
            ("$1,500–2,000", 1_500, 2_000, "USD"),
            ("ЗП: 80.000-100.000 руб.", 80_000, 100_000, "RUB"),
        ] as [(String, Int64, Int64?, String)]
    )
    func decimals(line: String, minimum: Int64, maximum: Int64?, currency: String) {
        #expect(SalaryText.parse(line) == SalaryText(minimum: minimum, maximum: maximum, currency: currency), "\(line)")
        #expect(SalaryText.mentionsMoney(line), "\(line)")
    }

    @Test(
        "Amounts in millions are read, and a line with one is a salary line",
        arguments: [
            ("от 3 млн руб. в год", 3_000_000, nil),
            ("от 1,5 млн ₽ в год", 1_500_000, nil),
            ("1,2–1,8 млн ₽ в год", 1_200_000, 1_800_000),
        ] as [(String, Int64, Int64?)]
    )
    func millions(line: String, minimum: Int64, maximum: Int64?) {
        #expect(SalaryText.parse(line) == SalaryText(minimum: minimum, maximum: maximum, period: "year"), "\(line)")
        #expect(SalaryText.mentionsMoney(line), "\(line)")
    }

    @Test("A yearly salary in millions on its own line is the vacancy's salary")
    func yearlyMillionsInAPost() throws {
        let post = try Self.report(
            "#вакансия\nHead of Community в Точка Банк\nМосква, гибрид.\nот 3 млн руб. в год\nОтклик: https://tochka.example/job"
        )
        let job = try #require(post.jobs.first)
        #expect(Self.salary(job) == [.integer(3_000_000), nil, .string("RUB"), .string("year")])
        #expect(post.notes.isEmpty)
    }

    @Test(
        "`тр` is thousands of rubles, and an amount followed by `gross` or `net` is a salary",
        arguments: [
            ("40-60 тр", 40_000, 60_000, nil),
            ("ЗП 80 тр на руки", 80_000, nil, false),
            ("120 000 gross", 120_000, nil, true),
            ("150 000 net", 150_000, nil, false),
        ] as [(String, Int64, Int64?, Bool?)]
    )
    func thousandRublesAndGross(line: String, minimum: Int64, maximum: Int64?, gross: Bool?) {
        #expect(SalaryText.parse(line) == SalaryText(minimum: minimum, maximum: maximum, gross: gross), "\(line)")
        #expect(SalaryText.mentionsMoney(line), "\(line)")
    }

    @Test("A crossed-out salary is not read; the amount that replaced it is")
    func crossedOutSalary() throws {
        let post = try Self.report([
            ["type": "hashtag", "text": "#вакансия"], "\n",
            ["type": "bold", "text": "Комьюнити-менеджер в Додо Пиццу"],
            "\nЗП: ", ["type": "strikethrough", "text": "70 000 ₽"], " 90 000 ₽\nМосква, офис\nКонтакты: ",
            ["type": "email", "text": "hr@dodo.example"], "\n",
        ])
        let job = try #require(post.jobs.first)
        #expect(Self.salary(job) == [.integer(90_000), nil, .string("RUB"), .string("month")])
    }

    @Test("A number of people is no salary: the 💰 line after it gives the salary")
    func countsAreNoSalary() throws {
        let post = try Self.report([
            "Дайджест вакансий недели\n\n1️⃣ ", ["type": "bold", "text": "Комьюнити-менеджер в Хекслет"],
            "\nХекслет — онлайн-школа программирования, 22к участников в Slack.\n",
            "📍 Удалённо, полная занятость\n💰 от 80к\n👉 Откликнуться: ",
            ["type": "text_link", "text": "здесь", "href": "https://hexlet.example/jobs/cm"], "\n\n",
            ["type": "hashtag", "text": "#комьюнити_вакансия"],
        ])
        let job = try #require(post.jobs.first)
        #expect(Self.salary(job) == [.integer(80_000), nil, .string("RUB"), .string("month")])
        for line in ["22к участников в Slack", "команда из 5 000 сотрудников", "100 тыс. подписчиков"] {
            #expect(!SalaryText.mentionsMoney(line), "\(line)")
        }
    }

    @Test("A line marked as salary wins over an amount of money on an unmarked line before it")
    func markedLineWins() throws {
        let post = try Self.report(
            """
            #вакансия
            Координатор сообщества в Бегущий город
            Бегущий город — клуб бегунов, бюджет на ивенты 500 000 ₽ в месяц.
            Москва, офис.
            Оклад 90 000 ₽ + премии
            Пишите @runcity_hr
            """
        )
        let job = try #require(post.jobs.first)
        #expect(Self.salary(job) == [.integer(90_000), nil, .string("RUB"), .string("month")])
    }
}
