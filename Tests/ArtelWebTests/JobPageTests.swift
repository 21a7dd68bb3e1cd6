import ArtelCore
import ArtelFormats
import ArtelTestKit
import Foundation
import Testing

@testable import ArtelWeb

@Suite("A job's page")
struct JobPageTests {
    static func listing(_ number: UInt64, community: UInt8) -> JobListing {
        var job = JobListing(
            id: DeltaFactory.recordID(number),
            community: TestKeys.key(community).publicKey,
            title: "Комьюнити-менеджер",
            updated: 1_795_219_200_000
        )
        job.communityName = "Сообщество \(community)"
        job.applyURL = "https://studio29.example/jobs/cm"
        return job
    }

    @Test("Each community that listed the vacancy is named once, however many times it listed it")
    func eachPublisherOnce() {
        let frame = PageFrame(language: .russian, section: .jobs, path: "/jobs/x", parameters: [], siteName: "n")
        let html = JobPage.render(
            frame,
            job: Self.listing(1, community: 1),
            listings: [Self.listing(2, community: 1), Self.listing(3, community: 2), Self.listing(4, community: 1)]
        ).html
        #expect(html.components(separatedBy: ">Сообщество 1</a>").count == 2, "named once")
        #expect(html.components(separatedBy: ">Сообщество 2</a>").count == 2)
    }

    @Test(
        "hh.ru's experience levels are in English on an English page; a community's own words as written",
        arguments: [
            ("От 1 года до 3 лет", SiteLanguage.english, "1–3 years"), ("Нет опыта", .english, "No experience"),
            ("От 1 года до 3 лет", .russian, "От 1 года до 3 лет"),
            ("Два года в комьюнити", .english, "Два года в комьюнити"),
        ]
    )
    func experience(stored: String, language: SiteLanguage, shown: String) {
        let frame = PageFrame(language: language, section: .jobs, path: "/jobs/x", parameters: [], siteName: "n")
        var job = Self.listing(1, community: 1)
        job.experience = stored
        let html = JobPage.render(frame, job: job, listings: []).html
        #expect(html.contains("<dd>\(shown)</dd>"), "\(html)")
    }
}
