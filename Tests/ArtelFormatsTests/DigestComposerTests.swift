import ArtelCore
import ArtelFormats
import ArtelTestKit
import Testing

@Suite("Composing digests")
struct DigestComposerTests {
    static func listing(
        _ number: UInt64,
        community: UInt8,
        title: String,
        employer: String?,
        url: String?
    ) -> JobListing {
        var job = JobListing(
            id: DeltaFactory.recordID(number),
            community: TestKeys.key(community).publicKey,
            title: title,
            updated: 1_795_219_200_000 + Int64(number)
        )
        job.communityName = "Сообщество \(community)"
        job.employer = employer
        job.applyURL = url
        return job
    }

    @Test("The same vacancy from three sources becomes one entry that says where else it was listed")
    func threeSources() {
        let fromTelegram = Self.listing(
            1,
            community: 1,
            title: "Комьюнити-менеджер",
            employer: "Studio-29",
            url: "https://studio29.example/jobs/cm"
        )
        let fromHH = Self.listing(2, community: 2, title: "комьюнити менеджер", employer: "ООО «Studio-29»", url: nil)
        var fromBoard = Self.listing(
            3,
            community: 3,
            title: "Community manager",
            employer: "Студия 29",
            url: "http://www.studio29.example/jobs/cm/?utm_source=board"
        )
        fromBoard.description = "Развивать закрытое сообщество."
        fromBoard.salaryMin = 50_000
        let other = Self.listing(
            4,
            community: 1,
            title: "Комьюнити-менеджер",
            employer: "Runlab",
            url: "https://runlab.example/cm"
        )
        let entries = DigestComposer.compose([fromTelegram, fromHH, fromBoard, other])
        #expect(entries.count == 2)
        let studio = entries.first { $0.job.id != other.id }!
        #expect(studio.job.id == fromBoard.id, "the fullest listing is shown")
        #expect(Set(studio.alsoListed.map(\.id)) == [fromTelegram.id, fromHH.id])
        let markdown = MarkdownDigest.render(entries: entries)
        #expect(markdown.contains("Также опубликовано: Сообщество 1, Сообщество 2"))
    }

    @Test("Different vacancies of one employer stay apart, and listings without employer or link are never merged")
    func apart() {
        let entries = DigestComposer.compose([
            Self.listing(1, community: 1, title: "Комьюнити-менеджер", employer: "Яндекс", url: nil),
            Self.listing(2, community: 2, title: "Модератор чата", employer: "Яндекс", url: nil),
            Self.listing(3, community: 1, title: "Комьюнити-менеджер", employer: nil, url: nil),
            Self.listing(4, community: 2, title: "Комьюнити-менеджер", employer: nil, url: nil),
        ])
        #expect(entries.count == 4 && entries.allSatisfy(\.alsoListed.isEmpty))
    }
}
