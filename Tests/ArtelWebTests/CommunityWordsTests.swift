import Foundation
import Testing

@testable import ArtelWeb

@Suite("Community and node words")
struct CommunityWordsTests {
    @Test("Every word the community and node templates name is in the catalog")
    func templatesNameKnownWords() throws {
        let pattern = try NSRegularExpression(pattern: #"\{\{[#^/]?w\.([A-Za-z0-9_.]+)\}\}"#)
        for name in ["communities", "community", "node"] {
            let source = try #require(SiteTemplates.sources[name])
            let range = NSRange(source.startIndex..., in: source)
            let keys = pattern.matches(in: source, range: range).compactMap { match in
                Range(match.range(at: 1), in: source).map { String(source[$0]) }
            }
            #expect(!keys.isEmpty)
            for key in keys {
                #expect(SiteWords.russian.table[key] != nil, "\(name) names the missing word \(key)")
            }
        }
    }

    @Test("Every role, tie type, community kind and peer state has its words in both languages")
    func recordValuesHaveWords() {
        let keys =
            ["leader", "ambassador", "moderator", "organizer", "founder", "member"].map { "communities.role.\($0)" }
            + ["mentors", "co_organizes", "referred", "collaborates"].flatMap {
                ["communities.tie.\($0)", "communities.legend.\($0)"]
            }
            + ["community", "association", "club"].map { "communities.kind.\($0)" }
            + ["new", "syncing", "live", "disconnected", "backingOff"].map { "node.state.\($0)" }
        for key in keys {
            #expect(SiteWords.russian.table[key] != nil && SiteWords.english.table[key] != nil, "\(key)")
        }
    }
}
