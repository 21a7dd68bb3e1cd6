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
}
