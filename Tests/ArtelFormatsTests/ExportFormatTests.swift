import ArtelCore
import ArtelFormats
import ArtelTestKit
import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("Exports: schema.org, JSON Feed, Atom, CSV and Markdown digests")
struct ExportFormatTests {
    static let community = TestKeys.techLeaders.publicKey

    static func job(_ number: UInt64) -> JobListing {
        var job = JobListing(
            id: DeltaFactory.recordID(number),
            community: community,
            title: "Комьюнити-менеджер №\(number)",
            updated: 1_795_219_200_000
        )
        job.communityName = "Tech Leaders Moscow"
        job.employer = "Studio-29, \"Взгляд на 360\""
        job.duties = "заниматься продвижением сообщества;\nсоставлять контент-план;\nобщаться с участниками"
        job.requirements = "опыт ведения сообществ; коммуникабельность"
        job.salaryMin = 50_000
        job.salaryCurrency = "RUB"
        job.salaryPeriod = "month"
        job.employment = ["part_time"]
        job.workMode = number.isMultiple(of: 2) ? "remote" : "onsite"
        job.city = "Москва"
        job.tags = ["комьюнити"]
        job.applyURL = "https://example.org/apply/\(number)"
        job.datePosted = 1_795_100_000_000
        job.validThrough = 1_797_000_000_000
        return job
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("JobPosting objects carry what Google's guidance asks for, and read back as the same jobs")
    func schemaOrgJobs() throws {
        let jobs = [Self.job(1), Self.job(2)]
        let document = try Self.object(SchemaOrgWriter.document(jobs: jobs, events: []))
        #expect(document["@context"] as? String == "https://schema.org")
        let graph = try #require(document["@graph"] as? [[String: Any]])
        for posting in graph {
            for property in [
                "title", "description", "datePosted", "validThrough", "hiringOrganization", "employmentType",
                "baseSalary",
            ] {
                #expect(posting[property] != nil, "\(property) is missing")
            }
            #expect(posting["jobLocation"] != nil || posting["jobLocationType"] as? String == "TELECOMMUTE")
            let salary = try #require(posting["baseSalary"] as? [String: Any])
            #expect(salary["currency"] as? String == "RUB")
            #expect((salary["value"] as? [String: Any])?["unitText"] as? String == "MONTH")
        }
        let read = try SchemaOrgReader.records(in: Array(SchemaOrgWriter.document(jobs: jobs, events: []).utf8))
        #expect(read.map(\.record) == jobs.map(\.id), "Artel's own postings keep their records")
        let schema = RecordKind.job.schema
        let operations = read[1].operations
        #expect(operations.contains(.set(schema["salary_min"].id, .integer(50_000))))
        #expect(operations.contains(.set(schema["work_mode"].id, .string("remote"))))
        #expect(operations.contains(.add(schema["employment"].id, .string("part_time"))))
        #expect(operations.contains(.set(schema["employer"].id, .string("Studio-29, \"Взгляд на 360\""))))
    }

    @Test("Event objects carry their status as a schema.org URL and read back with the same times")
    func schemaOrgEvents() throws {
        var event = CalendarEvent(
            uid: "\(DeltaFactory.recordID(5).hex)@artel",
            summary: "Мастермайнд",
            start: 1_796_000_000_000
        )
        event.end = 1_796_005_400_000
        event.status = "cancelled"
        event.location = "Москва, ул. Льва Толстого, 16"
        var day = CalendarEvent(
            uid: "day@example.org",
            summary: "Стратегическая сессия",
            start: 1_796_083_200_000,
            allDay: true
        )
        day.end = day.start + 2 * 86_400_000
        let text = SchemaOrgWriter.document(jobs: [], events: [event, day])
        let graph = try #require(try Self.object(text)["@graph"] as? [[String: Any]])
        #expect(graph[0]["eventStatus"] as? String == "https://schema.org/EventCancelled")
        #expect(graph[1]["endDate"] as? String == "2026-12-02", "an all-day event's endDate is its last day")
        let read = try SchemaOrgReader.records(in: Array(text.utf8))
        #expect(read[0].record == DeltaFactory.recordID(5))
        let start = RecordKind.event.schema["start"].id
        let end = RecordKind.event.schema["end"].id
        #expect(read[1].operations.contains(.set(start, .timestamp(day.start))))
        #expect(read[1].operations.contains(.set(end, .timestamp(day.end!))))
    }

    @Test("Malformed JSON-LD is refused with the object at fault")
    func malformedJSONLD() {
        let cases: [(String, String, String)] = [
            ("{\"@type\": \"JobPosting\"", "the file", "not JSON"),
            ("[{\"@type\": \"JobPosting\", \"title\": \"\"}]", "object 1", "no title"),
            (
                "{\"@graph\": [{\"@type\": \"Event\", \"name\": \"x\", \"startDate\": \"завтра\"}]}", "object 1",
                "startDate"
            ),
            (
                "{\"@type\": \"JobPosting\", \"title\": \"x\", \"baseSalary\": {\"currency\": \"RUB\", \"value\": {\"minValue\": -1}}}",
                "object 1", "not a salary"
            ),
        ]
        for (text, place, message) in cases {
            do {
                _ = try SchemaOrgReader.records(in: Array(text.utf8))
                Issue.record("accepted: \(text)")
            } catch {
                #expect(error.place == place && error.message.contains(message), "\(text): \(error)")
            }
        }
    }

    @Test("JSON Feed 1.1 names its version, and every item has a unique id and RFC 3339 dates")
    func jsonFeed() throws {
        let feed = try Self.object(JobFeeds.jsonFeed([Self.job(1), Self.job(2)], title: "Вакансии"))
        #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
        let items = try #require(feed["items"] as? [[String: Any]])
        #expect(Set(items.compactMap { $0["id"] as? String }).count == 2)
        #expect(
            items.allSatisfy { ($0["date_published"] as? String)?.hasSuffix("Z") == true && $0["content_text"] != nil }
        )
    }

    @Test("The Atom feed is well-formed XML with an entry per job, escaped")
    func atom() throws {
        var job = Self.job(1)
        job.title = "R&D <лид> сообщества"
        let text = JobFeeds.atom([job, Self.job(2)], title: "Вакансии & события", id: "urn:artel:jobs:test", now: 0)
        final class Counter: NSObject, XMLParserDelegate {
            var entries = 0
            var titles: [String] = []
            var inTitle = false
            func parser(
                _ parser: XMLParser,
                didStartElement name: String,
                namespaceURI: String?,
                qualifiedName: String?,
                attributes: [String: String] = [:]
            ) {
                if name == "entry" { entries += 1 }
                inTitle = name == "title"
                if inTitle { titles.append("") }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) {
                if inTitle { titles[titles.count - 1] += string }
            }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?)
            {
                inTitle = false
            }
        }
        let parser = XMLParser(data: Data(text.utf8))
        let counter = Counter()
        parser.delegate = counter
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(counter.entries == 2 && counter.titles.contains("R&D <лид> сообщества"))
    }

    @Test("CSV quotes what must be quoted, doubles quotes, and ends lines in CRLF")
    func csv() {
        let text = CSVWriter.jobs([Self.job(1)])
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.count == 3 && lines[2].isEmpty)
        #expect(lines[1].contains(",\"Studio-29, \"\"Взгляд на 360\"\"\","))
    }

    @Test("The Markdown digest reads like the channel's: company, what to do, requirements, salary, part-time, link")
    func markdown() {
        let text = MarkdownDigest.render([Self.job(1), Self.job(2)], title: "неделя 47")
        #expect(text.hasPrefix("#комьюнити_вакансия — неделя 47\n"))
        #expect(text.components(separatedBy: "\n_________________\n").count == 3)
        #expect(
            text.contains(
                "**Studio-29, \"Взгляд на 360\"** — Комьюнити-менеджер №1\n\nЧто нужно делать:\n— заниматься продвижением сообщества\n"
            )
        )
        #expect(text.contains("Какие требования:\n— опыт ведения сообществ\n— коммуникабельность\n"))
        #expect(text.contains("💰 от 50 000 ₽ в месяц\n⏰ частичная занятость\n"))
        #expect(text.contains("Откликнуться: [здесь](https://example.org/apply/1)"))
    }
}

@Suite("schema.org from a job board")
struct SchemaOrgBoardTests {
    @Test("A board's @graph gives its JobPosting and Event, other types skipped")
    func board() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: TestFiles.path("Tests/Fixtures/jsonld/board.jsonld")))
        let records = try SchemaOrgReader.records(in: [UInt8](bytes))
        #expect(records.map(\.kind) == [.job, .event])
        let job = RecordKind.job.schema
        let operations = records[0].operations
        #expect(operations.contains(.set(job["employer"].id, .string("Skillbox"))))
        #expect(operations.contains(.set(job["work_mode"].id, .string("hybrid"))), "an address and TELECOMMUTE")
        #expect(operations.contains(.set(job["salary_max"].id, .integer(160_000))))
        #expect(operations.contains(.set(job["salary_period"].id, .string("month"))))
        #expect(operations.contains(.add(job["employment"].id, .string("contract"))))
        #expect(
            operations.contains(
                .set(
                    job["description"].id,
                    .string("Развивать сообщество пользователей продукта.\n\n— проводить митапы;\n— модерировать чаты.")
                )
            )
        )
        let event = RecordKind.event.schema
        #expect(records[1].operations.contains(.set(event["start"].id, .timestamp(1_797_004_800_000))))
        #expect(records[1].operations.contains(.set(event["place.name"].id, .string("Точка кипения"))))
    }
}
