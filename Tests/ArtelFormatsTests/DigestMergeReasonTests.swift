import ArtelFormats
import Testing

@Suite("Why digest listings were merged")
struct DigestMergeReasonTests {
    @Test("A merged listing says whether its link, its employer and title, or a third listing joined it")
    func reasons() {
        let shown = DigestComposerTests.listing(
            1,
            community: 1,
            title: "Комьюнити-менеджер",
            employer: "ООО «Альфа»",
            url: "https://www.example.org/jobs/1/"
        )
        let sameLink = DigestComposerTests.listing(
            2,
            community: 2,
            title: "Менеджер сообщества",
            employer: nil,
            url: "http://example.org/jobs/1?utm_source=telegram"
        )
        let sameName = DigestComposerTests.listing(
            3,
            community: 3,
            title: "комьюнити менеджер",
            employer: "Альфа",
            url: nil
        )
        let throughLink = DigestComposerTests.listing(
            4,
            community: 2,
            title: "Community manager",
            employer: "Alpha",
            url: "https://example.org/jobs/1"
        )
        let third = DigestComposerTests.listing(
            5,
            community: 3,
            title: "Community manager",
            employer: "Alpha",
            url: nil
        )
        #expect(DigestComposer.reason(shown, sameLink) == .sameLink)
        #expect(DigestComposer.reason(shown, sameName) == .sameEmployerAndTitle)
        #expect(DigestComposer.reason(shown, third) == .throughAnother)
        let entries = DigestComposer.compose([shown, sameLink, sameName, throughLink, third])
        #expect(entries.count == 1, "all five are one vacancy: \(entries.map(\.job.title))")
    }
}
