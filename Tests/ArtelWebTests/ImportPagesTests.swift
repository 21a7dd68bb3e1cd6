import ArtelFormats
import Testing

@testable import ArtelWeb

@Suite("Import pages")
struct ImportPagesTests {
    @Test("every kind of wrong file has its words in both languages")
    func fileProblemWords() {
        for problem in FormatError.FileProblem.allCases {
            let key = "import.problem.\(problem.rawValue)"
            #expect(SiteWords.russian.table[key] != nil && SiteWords.english.table[key] != nil, "\(key)")
        }
    }

    @Test(
        "the parts of a post left out are worded in the page's language, quoting the post",
        arguments: [
            (
                SiteLanguage.russian,
                "«Контент-менеджер в Литрес» — только название вакансии: ни обязанностей",
                "текст с пунктами вакансии, но без её названия («Сеть кофеен, Москва.»)"
            ),
            (
                .english,
                "“Контент-менеджер в Литрес” names a job but gives no duties",
                "text with a vacancy&#39;s labels but no job title (“Сеть кофеен, Москва.”)"
            ),
        ]
    )
    func leftOutParts(language: SiteLanguage, noSubstance: String, noTitle: String) {
        let frame = PageFrame(language: language, section: .jobs, path: "/editor/import", parameters: [], siteName: "n")
        let entry = ImportPages.Entry(
            post: 1021,
            records: [(title: "Комьюнити-менеджер", outcome: "created")],
            skip: nil,
            notes: [.noSubstance(title: "Контент-менеджер в Литрес"), .noTitle(start: "Сеть кофеен, Москва.")]
        )
        let html = ImportPages.dryRun(frame, entries: [entry], token: "t", file: "result.json", community: "c").html
        #expect(html.contains(noSubstance), "\(html)")
        #expect(html.contains(noTitle))
    }
}
