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
                [
                    "«Контент-менеджер в Литрес» — только название вакансии: ни обязанностей",
                    "текст с пунктами вакансии, но без её названия («Сеть кофеен, Москва.»)",
                    "зарплата «от 5 руб» — сумма вне разумных пределов; вакансия вошла без неё",
                    "зарплата «от 300 до 150 тыс.» — «от» больше, чем «до»; вакансия вошла без неё",
                ]
            ),
            (
                .english,
                [
                    "“Контент-менеджер в Литрес” names a job but gives no duties",
                    "text with a vacancy&#39;s labels but no job title (“Сеть кофеен, Москва.”)",
                    "the salary “от 5 руб” is out of range; the vacancy is imported without it",
                    "the salary “от 300 до 150 тыс.” goes from more down to less",
                ]
            ),
        ]
    )
    func leftOutParts(language: SiteLanguage, wordings: [String]) {
        let frame = PageFrame(language: language, section: .jobs, path: "/editor/import", parameters: [], siteName: "n")
        let entry = ImportPages.Entry(
            post: 1021,
            records: [(title: "Комьюнити-менеджер", outcome: "created", isEvent: false)],
            skip: nil,
            notes: [
                .noSubstance(title: "Контент-менеджер в Литрес"), .noTitle(start: "Сеть кофеен, Москва."),
                .salaryOutOfRange(line: "от 5 руб"), .salaryGoesDown(line: "от 300 до 150 тыс."),
            ]
        )
        let html = ImportPages.dryRun(
            frame,
            entries: [entry],
            token: "t",
            file: "result.json",
            community: "c",
            upload: .init()
        ).html
        for wording in wordings { #expect(html.contains(wording), "\(wording)") }
    }

    @Test(
        "a calendar's skipped events are worded in the page's language, naming the event and its line",
        arguments: [
            (
                SiteLanguage.russian,
                [
                    "пропущено: событие не прочитано",
                    "событие «Завтрак лидеров» (строка 8): нет даты начала (DTSTART)",
                    "событие на строке 20: нет названия (SUMMARY)",
                    "событие «Марс» (строка 33): неизвестный часовой пояс «Mars/Olympus»",
                    "событие без названия (строка 40): нет UID",
                ]
            ),
            (
                .english,
                [
                    "skipped: the event could not be read",
                    "the event “Завтрак лидеров” (line 8): no start (DTSTART)",
                    "the event on line 20: no title (SUMMARY)",
                    "the event “Марс” (line 33): unknown time zone “Mars/Olympus”",
                    "an untitled event (line 40): no UID",
                ]
            ),
        ]
    )
    func skippedEvents(language: SiteLanguage, wordings: [String]) {
        let frame = PageFrame(
            language: language,
            section: .events,
            path: "/editor/import",
            parameters: [],
            siteName: "n"
        )
        let skipped = [
            SkippedEvent(line: 8, summary: "Завтрак лидеров", problem: .noStart),
            SkippedEvent(line: 20, summary: nil, problem: .noSummary),
            SkippedEvent(line: 30, problemLine: 33, summary: "Марс", problem: .unknownTimeZone("Mars/Olympus")),
            SkippedEvent(line: 40, summary: nil, problem: .noUID),
        ]
        let entries = skipped.map {
            ImportPages.Entry(post: nil, records: [], skip: "unreadable event", notes: [.event($0)])
        }
        let html = ImportPages.dryRun(
            frame,
            entries: entries,
            token: "t",
            file: "meetups.ics",
            community: "c",
            upload: .init()
        ).html
        for wording in wordings { #expect(html.contains(wording), "\(wording)") }
    }
}
