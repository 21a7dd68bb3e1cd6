import ArtelCore
import ArtelFormats
import ArtelTestKit
import Foundation
import Testing

@Suite("Feeds and JSON-LD word a job in its community's language, from one catalog")
struct CatalogTests {
    /// The job of ``ExportFormatTests`` (from 50 000 RUB a month, part-time, on-site in Москва) in a
    /// community of this language.
    static func job(language: String?, remote: Bool = false) -> JobListing {
        var job = ExportFormatTests.job(remote ? 2 : 1)
        job.language = language
        return job
    }

    static func contentText(_ job: JobListing) throws -> String {
        let feed = try ExportFormatTests.object(JobFeeds.jsonFeed([job], title: "Вакансии"))
        let items = try #require(feed["items"] as? [[String: Any]])
        return try #require(items.first?["content_text"] as? String)
    }

    @Test("Every language's table has a text for every message")
    func complete() {
        for catalog in Catalog.all {
            #expect(catalog.isComplete, "\(catalog.language)")
        }
    }

    @Test("ru, ru-RU and no language read Russian; en and languages without a table read English")
    func choice() {
        #expect(Catalog.forLanguage(nil) == .russian)
        #expect(Catalog.forLanguage("") == .russian)
        #expect(Catalog.forLanguage("ru") == .russian)
        #expect(Catalog.forLanguage("ru-RU") == .russian)
        #expect(Catalog.forLanguage("en") == .english)
        #expect(Catalog.forLanguage("en-GB") == .english)
        #expect(Catalog.forLanguage("de") == .english)
    }

    @Test("A Russian community's feed reads ₽/мес · удалённо, not RUB/month · remote")
    func russianFeed() throws {
        for language in [nil, "ru"] {
            let remote = try Self.contentText(Self.job(language: language, remote: true))
            #expect(!remote.contains("RUB") && !remote.contains("month") && !remote.contains("remote"), "\(remote)")
            #expect(remote.contains("от 50\u{00A0}000 ₽/мес · удалённо · частичная занятость · Москва"), "\(remote)")
            let office = try Self.contentText(Self.job(language: language))
            #expect(office.contains("₽/мес · офис · частичная занятость"), "\(office)")
        }
        var hybrid = Self.job(language: "ru")
        hybrid.workMode = "hybrid"
        hybrid.salaryMax = 80_000
        hybrid.salaryGross = false
        #expect(try Self.contentText(hybrid).contains("50\u{00A0}000–80\u{00A0}000 ₽/мес на руки · гибрид"))
    }

    @Test("An English community's feed reads ₽/month · remote · part-time")
    func englishFeed() throws {
        let text = try Self.contentText(Self.job(language: "en", remote: true))
        #expect(text.contains("from 50,000 ₽/month · remote · part-time · Москва"), "\(text)")
        var dollars = Self.job(language: "en")
        dollars.salaryCurrency = "USD"
        dollars.salaryMin = 2_000
        dollars.salaryMax = 3_000
        dollars.salaryPeriod = "project"
        dollars.salaryGross = true
        #expect(try Self.contentText(dollars).contains("2,000–3,000 $ per project before tax · on-site"))
    }

    @Test("The Atom feed words its entries the same way")
    func atom() {
        let text = JobFeeds.atom([Self.job(language: nil, remote: true)], title: "Вакансии", id: "urn:x", now: 0)
        #expect(text.contains("₽/мес · удалённо"), "\(text)")
    }

    @Test("JSON-LD descriptions head duties and requirements in the community's language")
    func schemaOrgHeadings() throws {
        func description(_ language: String?) throws -> String {
            let document = try ExportFormatTests.object(
                SchemaOrgWriter.document(jobs: [Self.job(language: language)], events: [])
            )
            let graph = try #require(document["@graph"] as? [[String: Any]])
            return try #require(graph.first?["description"] as? String)
        }
        let russian = try description(nil)
        #expect(
            russian.contains("<strong>Что нужно делать:</strong>") && russian.contains("<strong>Требования:</strong>")
        )
        let english = try description("en")
        #expect(
            english.contains("<strong>Responsibilities:</strong>") && english.contains("<strong>Requirements:</strong>")
        )
        #expect(!english.contains("Требования"))
    }
}
