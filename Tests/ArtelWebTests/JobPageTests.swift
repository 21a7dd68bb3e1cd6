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
}
