import Foundation
import Testing

@testable import ArtelWeb

/// The templates and the words they show.
@Suite("Site templates and words")
struct SiteTemplateTests {
    @Test("Every word a template names exists in both languages")
    func wordsExist() throws {
        let pattern = try NSRegularExpression(pattern: #"\{\{[#^/]?w\.([A-Za-z0-9_.]+)\}\}"#)
        for (name, source) in SiteTemplates.sources {
            let range = NSRange(source.startIndex..., in: source)
            for match in pattern.matches(in: source, range: range) {
                let key = String(source[Range(match.range(at: 1), in: source)!])
                for words in [SiteWords.russian, SiteWords.english] {
                    #expect(words.table[key] != nil, "\(name) names \(key), which \(words.language) lacks")
                }
            }
        }
    }

    @Test("Every template parses and fills the layout")
    func templatesRender() {
        let frame = PageFrame(language: .english, section: .jobs, path: "/", parameters: [], siteName: "node")
        let page = SitePage.error(frame, status: 400, message: "<b>bad</b>")
        #expect(page.html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(page.html.contains("<p>&lt;b&gt;bad&lt;/b&gt;</p>"))
        #expect(page.html.contains("<title>Something is wrong · node</title>"))
    }

    @Test("Russian counts take the right form of the noun")
    func plurals() {
        let words = SiteWords.russian
        #expect(words.count("jobs.found", 1) == "Нашлась 1 вакансия")
        #expect(words.count("jobs.found", 3) == "Нашлось 3 вакансии")
        #expect(words.count("jobs.found", 11) == "Нашлось 11 вакансий")
        #expect(words.count("jobs.found", 21) == "Нашлась 21 вакансия")
        #expect(words.count("jobs.found", 112) == "Нашлось 112 вакансий")
        #expect(SiteWords.english.count("jobs.found", 1) == "1 vacancy found")
    }

    @Test("The visitor's choice, then the browser's languages by weight, then Russian")
    func languageChoice() {
        #expect(SiteLanguage.choose(parameter: nil, cookie: nil, acceptLanguage: nil) == .russian)
        #expect(
            SiteLanguage.choose(parameter: nil, cookie: nil, acceptLanguage: "de-DE, en;q=0.8, ru;q=0.9") == .russian
        )
        #expect(SiteLanguage.choose(parameter: nil, cookie: nil, acceptLanguage: "en-US,en;q=0.9") == .english)
        #expect(SiteLanguage.choose(parameter: nil, cookie: nil, acceptLanguage: "ru;q=0, en;q=0.1") == .english)
        #expect(SiteLanguage.choose(parameter: nil, cookie: "en", acceptLanguage: "ru") == .english)
        #expect(SiteLanguage.choose(parameter: "ru", cookie: "en", acceptLanguage: "en") == .russian)
        #expect(SiteLanguage.choose(parameter: "xx", cookie: nil, acceptLanguage: "en") == .english)
    }

    @Test("JSON in a script element cannot close it")
    func scriptSafeJSON() {
        #expect(PageFrame.scriptSafeJSON(#"{"a":"</script><script>"}"#) == #"{"a":"\u003c/script>\u003cscript>"}"#)
    }
}
