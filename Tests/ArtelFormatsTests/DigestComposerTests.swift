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

@Suite("Digest records and pages")
struct DigestRenderingTests {
    @Test("A published digest keeps where else each vacancy was listed, and reads it back")
    func alsoListedRoundTrip() throws {
        let shown = DigestComposerTests.listing(1, community: 1, title: "КМ", employer: "Runlab", url: nil)
        var other = DigestComposerTests.listing(2, community: 2, title: "КМ", employer: "Runlab", url: nil)
        other.communityName = "Partner Club"
        let entry = DigestEntry(job: shown, alsoListed: [DigestEntry.Listing(other)])
        let item = "\(TestKeys.key(1).publicKey.hex):\(DeltaFactory.recordID(1).hex)"
        let listing = "\(TestKeys.key(2).publicKey.hex):\(DeltaFactory.recordID(2).hex)"
        #expect(DigestEntry.alsoListedElements([entry]) == ["\(item) \(listing) Partner Club"])
        let read = DigestEntry.alsoListed(from: ["\(item) \(listing) Partner Club", "not a pair", "\(item)"])
        let reference = try #require(Reference(text: item))
        #expect(read.count == 1)
        #expect(read[reference]?.map(\.communityName) == ["Partner Club"])
        #expect(read[reference]?.map(\.id) == [DeltaFactory.recordID(2)])
        #expect(RecordKind.digest.schema.field(named: "also_listed")?.cardinality == .set)
    }

    @Test("The Markdown digest opens with the community's hashtag, never a fixed one")
    func hashtag() {
        #expect(
            DigestHashtag.choose(explicit: nil, topics: ["комьюнити", "#hr_вакансии"], tags: ["x"]) == "#hr_вакансии"
        )
        #expect(DigestHashtag.choose(explicit: "вакансии недели", topics: ["#hr"], tags: []) == "#вакансии_недели")
        #expect(
            DigestHashtag.choose(explicit: nil, topics: ["комьюнити"], tags: ["комьюнити-вакансия"])
                == "#комьюнити_вакансия"
        )
        #expect(DigestHashtag.choose(explicit: nil, topics: [], tags: []) == nil)
        #expect(DigestHashtag.normalized("# !") == nil)
        let job = DigestComposerTests.listing(1, community: 1, title: "КМ", employer: "Runlab", url: nil)
        let markdown = MarkdownDigest.render(
            entries: [DigestEntry(job: job, alsoListed: [])],
            title: "Неделя",
            tag: nil
        )
        #expect(markdown.hasPrefix("Неделя\n") && !markdown.contains("#комьюнити_вакансия"))
        let tagged = MarkdownDigest.render(
            entries: [DigestEntry(job: job, alsoListed: [])],
            title: "Неделя",
            tag: "#hr"
        )
        #expect(tagged.hasPrefix("#hr — Неделя\n"))
    }

    @Test("The HTML digest is styled for a phone, complete, and escapes every text")
    func html() {
        var job = DigestComposerTests.listing(
            1,
            community: 1,
            title: "Комьюнити-менеджер <script>alert(1)</script>",
            employer: "Tom & Jerry \"LLC\"",
            url: "https://runlab.example/cm?a=1&b=2"
        )
        job.city = "Казань"
        job.country = "Россия"
        job.workMode = "hybrid"
        job.employment = ["part_time", "contract"]
        (job.salaryMin, job.salaryMax, job.salaryCurrency, job.salaryPeriod, job.salaryGross) = (
            80_000, 120_000, "RUB", "month", false
        )
        job.duties = "Вести чат <b>сообщества</b>"
        var other = DigestEntry.Listing(job)
        other.communityName = "Клуб <Партнёров>"
        let html = HTMLDigest.render(entries: [DigestEntry(job: job, alsoListed: [other])], title: "Вакансии & события")
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(html.contains("<style>") && html.contains("max-width:40em") && html.contains("-apple-system"))
        #expect(html.contains("<title>Вакансии &amp; события</title>"))
        #expect(html.contains("Комьюнити-менеджер &lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains("<script>"))
        #expect(html.contains("Tom &amp; Jerry &quot;LLC&quot;"))
        #expect(html.contains("href=\"https://runlab.example/cm?a=1&amp;b=2\""))
        #expect(html.contains("80 000–120 000 ₽ в месяц на руки"))
        #expect(html.contains("Казань, Россия") && html.contains(">гибрид<"))
        #expect(html.contains(">частичная занятость<") && html.contains(">проектная работа<"))
        #expect(html.contains("Вести чат &lt;b&gt;сообщества&lt;/b&gt;"))
        #expect(html.contains("Также опубликовано: Клуб &lt;Партнёров&gt;"))
    }
}
