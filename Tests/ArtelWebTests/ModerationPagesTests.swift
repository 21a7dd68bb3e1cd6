import ArtelCore
import ArtelStore
import Foundation
import Testing

@testable import ArtelWeb

@Suite("Moderation pages")
struct ModerationPagesTests {
    static let key = String(repeating: "5f", count: 32)

    @Test("An action is read from its fields, or the problem with them is named")
    func parsesActions() throws {
        let key = try #require(PublicKey(hex: Self.key))
        #expect(
            try ModerationAction.parse("block", [("target", "author"), ("key", Self.key)]).get() == .block(.author, key)
        )
        #expect(
            try ModerationAction.parse("block", [("target", " Community "), ("key", Self.key.uppercased())]).get()
                == .block(.community, key)
        )
        #expect(try ModerationAction.parse("unblock", [("key", Self.key)]).get() == .unblock(.author, key))
        #expect(try ModerationAction.parse("hide", [("id", "01A2")]).get() == .hide("01a2"))
        let refused: [(String, [(String, String)], ModerationProblem)] = [
            ("block", [("key", Self.key)], .target), ("block", [("target", "person"), ("key", Self.key)], .target),
            ("block", [("target", "author"), ("key", "5f")], .key), ("unblock", [("key", Self.key + "0")], .key),
            ("hide", [("id", "")], .id), ("unhide", [("id", String(repeating: "a", count: 33))], .id),
            ("hide", [("id", "<script>")], .id),
        ]
        for (name, fields, problem) in refused {
            #expect(throws: problem) { try ModerationAction.parse(name, fields).get() }
        }
    }

    @Test("Each action links to its confirmation, reports itself and knows its undo")
    func addresses() throws {
        let key = try #require(PublicKey(hex: Self.key))
        let block = ModerationAction.block(.author, key)
        #expect(block.confirmation == "/moderation/block?target=author&key=\(Self.key)")
        #expect(block.report == "/moderation?done=block&target=author&key=\(Self.key)")
        #expect(block.undo == .unblock(.author, key) && block.undo.undo == block)
        #expect(ModerationAction.hide("01a2").undo == .unhide("01a2"))
        #expect(block.auditName == "block.author" && ModerationAction.unhide("01a2").auditName == "record.unhide")
        #expect(ModerationLinks.record(onPage: "/jobs/0123456789abcdef0123456789abcdef") != nil)
        #expect(ModerationLinks.record(onPage: "/jobs") == nil && ModerationLinks.record(onPage: "/moderation") == nil)
    }

    @Test("Every word the moderation pages use is in both languages")
    func words() throws {
        var keys = ModerationProblem.allCases.map { "moderation.problem.\($0.rawValue)" }
        keys += RecordKind.allCases.map { "moderation.kind.\($0.name)" }
        keys += ["blocked", "unblocked", "hidden", "unhidden"].map { "moderation.done.\($0)" }
        keys += ["block.author", "block.community", "unblock", "hide", "unhide"].flatMap {
            ["moderation.confirm.\($0)", "moderation.explain.\($0)"]
        }
        let pattern = try NSRegularExpression(pattern: #"\{\{[#^/]?w\.([A-Za-z0-9_.]+)\}\}"#)
        for name in SiteTemplates.sources.keys where name.hasPrefix("moderation") {
            let source = try #require(SiteTemplates.sources[name])
            keys += pattern.matches(in: source, range: NSRange(source.startIndex..., in: source)).compactMap {
                Range($0.range(at: 1), in: source).map { String(source[$0]) }
            }
        }
        for key in keys {
            #expect(SiteWords.russian.table[key] != nil && SiteWords.english.table[key] != nil, "\(key)")
        }
    }
}
