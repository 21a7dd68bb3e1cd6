import ArtelCore
import ArtelFormats
import ArtelTestKit
import Foundation
import Testing

@Suite("hh.ru vacancies")
struct HHReaderTests {
    static func fixture(_ name: String, withContacts: Bool = false) throws -> [ImportedRecord] {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: TestFiles.path("Tests/Fixtures/hh/\(name)")))
        return try HHReader.jobs(in: [UInt8](bytes), withContacts: withContacts)
    }

    /// The value a record's operations give a field.
    static func value(_ record: ImportedRecord, _ name: String) -> Value? {
        let id = RecordKind.job.schema[name].id
        for case .set(id, let value) in record.operations { return value }
        return nil
    }

    static func elements(_ record: ImportedRecord, _ name: String) -> [Value] {
        let id = RecordKind.job.schema[name].id
        return record.operations.compactMap { if case .add(id, let value) = $0 { value } else { nil } }
    }

    @Test("A page of search results: salary in RUR as RUB, gross or net, schedules old and new, snippets as text")
    func searchPage() throws {
        let jobs = try Self.fixture("search-page.json")
        #expect(jobs.count == 3)
        let yandex = jobs[0]
        #expect(Self.value(yandex, "title") == .string("Комьюнити-менеджер в команду развития лидерства"))
        #expect(Self.value(yandex, "employer") == .string("Яндекс"))
        #expect(
            Self.value(yandex, "salary_min") == .integer(150_000)
                && Self.value(yandex, "salary_max") == .integer(220_000)
        )
        #expect(
            Self.value(yandex, "salary_currency") == .string("RUB")
                && Self.value(yandex, "salary_gross") == .boolean(false)
        )
        #expect(Self.value(yandex, "salary_period") == .string("month"))
        #expect(Self.value(yandex, "work_mode") == .string("hybrid"), "work_format wins over schedule")
        #expect(
            Self.value(yandex, "requirements")
                == .string(
                    "Опыт запуска и развития сообществ от 2 лет. Умение работать с метриками: вовлечённость, UGC, охваты."
                )
        )
        #expect(Self.value(yandex, "date_posted") == .timestamp(1_794_986_100_000))
        #expect(Self.elements(yandex, "employment") == [.string("full_time")])
        #expect(Self.elements(yandex, "sources") == [.string("hh:93354567 https://hh.ru/vacancy/93354567")])
        #expect(
            Self.value(yandex, "apply_url") == .string("https://hh.ru/applicant/vacancy_response?vacancyId=93354567")
        )
        #expect(
            Self.value(jobs[1], "work_mode") == .string("remote")
                && Self.value(jobs[1], "salary_gross") == .boolean(true)
        )
        #expect(Self.value(jobs[1], "contact") == nil, "contacts are personal data")
        #expect(Self.value(jobs[2], "status") == .string("closed") && Self.value(jobs[2], "salary_min") == nil)
        #expect(Self.elements(jobs[2], "employment") == [.string("internship")])
        for job in jobs { #expect(throws: Never.self) { try RecordKind.job.schema.validate(Self.delta(job)) } }
    }

    @Test("Newer fields: salary_range when salary is null, its mode and frequency, roles, flexible schedule, address")
    func newerFields() throws {
        let jobs = try Self.fixture("newer-fields.json")
        #expect(jobs.count == 3)
        let hourly = jobs[0]
        #expect(
            Self.value(hourly, "salary_min") == .integer(450) && Self.value(hourly, "salary_max") == .integer(600),
            "the salary is not lost when salary is null"
        )
        #expect(
            Self.value(hourly, "salary_period") == .string("hour")
                && Self.value(hourly, "salary_currency") == .string("RUB")
        )
        #expect(Self.elements(hourly, "employment") == [.string("part_time")], "a side job is part-time")
        #expect(Self.value(hourly, "work_mode") == .string("remote"))
        #expect(Self.value(hourly, "experience") == .string("Нет опыта"))
        #expect(
            Set(Self.elements(hourly, "tags")) == [.string("SMM-менеджер, контент-менеджер"), .string("гибкий график")]
        )
        let club = jobs[1]
        #expect(Self.value(club, "salary_period") == .string("month"), "paid twice a month, for a month")
        #expect(
            Self.value(club, "location.city") == .string("Химки"),
            "the address names the town, the area its region"
        )
        #expect(Self.value(club, "work_mode") == .string("hybrid"))
        #expect(Self.elements(club, "tags").count == 2)
        let project = jobs[2]
        #expect(Self.value(project, "salary_period") == .string("project") && Self.value(project, "salary_max") == nil)
        #expect(Self.elements(project, "employment") == [.string("contract")])
        #expect(Self.value(project, "work_mode") == .string("onsite"))
        #expect(Self.elements(project, "tags").isEmpty)
        for job in jobs { #expect(throws: Never.self) { try RecordKind.job.schema.validate(Self.delta(job)) } }
    }

    @Test("A salary_range whose from is above its to is refused, naming salary_range")
    func badRange() throws {
        let text = try String(contentsOfFile: TestFiles.path("Tests/Fixtures/hh/newer-fields.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"from\": 450, \"to\": 600", with: "\"from\": 900, \"to\": 600")
        #expect(throws: FormatError("vacancy 1 (id 120044501)", "salary_range.from 900 is above salary_range.to 600")) {
            try HHReader.jobs(in: Array(text.utf8))
        }
    }

    @Test("One vacancy: its HTML description becomes plain text with list items as lines")
    func oneVacancy() throws {
        let job = try #require(try Self.fixture("vacancy.json").first)
        let description = try #require(Self.value(job, "description"))
        #expect(
            description
                == .string(
                    "Чем предстоит заниматься:\n\n— создать и развивать уникальную экосистему для лидеров Яндекса;\n"
                        + "— разработать стратегию и план развития сообщества;\n— проводить мероприятия онлайн и офлайн.\n\n"
                        + "Мы ждём, что вы умеете работать с метриками «вовлечённость» и UGC."
                )
        )
        #expect(Self.elements(job, "skills").count == 3)
        #expect(job.record == (try Self.fixture("search-page.json"))[0].record, "the same vacancy, the same record")
    }

    @Test("Contacts come only when asked for")
    func contacts() throws {
        let jobs = try Self.fixture("search-page.json", withContacts: true)
        #expect(Self.value(jobs[1], "contact") == .string("Татьяна Фомичева, hr@studio29.example, +7 (900) 000-00-00"))
    }

    @Test(
        "Malformed input is refused with the place at fault",
        arguments: [
            ("broken", "{\"items\": [", "the file", "not JSON"),
            ("wrong shape", "{\"items\": [{\"id\": \"1\", \"name\": 5}]}", "items[0].name", "expected"),
            ("no id", "{\"name\": \"Комьюнити-менеджер\"}", "id", "missing"),
            (
                "absurd salary", "{\"id\": \"7\", \"name\": \"КМ\", \"salary\": {\"from\": -5, \"currency\": \"RUR\"}}",
                "vacancy 1 (id 7)", "not a salary"
            ),
            (
                "inverted salary",
                "{\"id\": \"7\", \"name\": \"КМ\", \"salary\": {\"from\": 9, \"to\": 5, \"currency\": \"RUR\"}}",
                "vacancy 1 (id 7)", "above salary.to"
            ),
            (
                "bad date", "{\"id\": \"7\", \"name\": \"КМ\", \"published_at\": \"вчера\"}", "vacancy 1 (id 7)",
                "not a time"
            ),
            (
                "bad currency", "{\"id\": \"7\", \"name\": \"КМ\", \"salary\": {\"from\": 5, \"currency\": \"рубли\"}}",
                "vacancy 1 (id 7)", "not a currency"
            ),
        ]
    )
    func malformed(name: String, text: String, place: String, message: String) {
        do {
            _ = try HHReader.jobs(in: Array(text.utf8))
            Issue.record("\(name) was accepted")
        } catch {
            #expect(error.place == place, "\(name): \(error)")
            #expect(error.message.contains(message), "\(name): \(error)")
        }
    }

    static func delta(_ record: ImportedRecord) -> Delta {
        let key = TestKeys.techLeaders.publicKey
        return Delta(
            kind: .job,
            community: key,
            author: key,
            record: record.record,
            timestamp: HLC(milliseconds: DeltaFactory.epoch),
            expiry: DeltaFactory.epoch + 86_400_000,
            operations: record.operations
        )
    }
}
