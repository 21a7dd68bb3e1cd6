import ArtelCore
import ArtelTestKit
import Foundation
import PropertyBased
import Testing

@testable import ArtelFormats

@Suite("Reading large files on every core")
struct ParallelReadingTests {
    @Test("The byte scan finds exactly the array's elements, whatever strings, escapes and nesting they hold")
    func splitter() throws {
        let tricky = ["a", "b\\\"c", "]", "[", "{", "}", ",", "\\\\", "ё", "🙂"]
        try FixedSeeds.check(count: 200) { seed, rng in
            var elements: [String] = []
            for _ in 0..<Int.random(in: 0...12, using: &rng) {
                let text = (0..<Int.random(in: 0...6, using: &rng)).map { _ in tricky.randomElement(using: &rng)! }
                    .joined()
                elements.append(
                    [
                        "\"\(text)\"", "{\"k\": \"\(text)\", \"n\": [1, {\"x\": \"]\"}]}", "[\"\(text)\", []]", "42",
                        "null",
                    ]
                    .randomElement(using: &rng)!
                )
            }
            let document =
                "{\"found\": \"items\", \"nested\": {\"items\": [9]}, \"items\" : [\(elements.joined(separator: " , "))]}"
            let found = try #require(JSONArraySplitter.elements(of: "items", in: Array(document.utf8)), "seed \(seed)")
            #expect(found.map { String(decoding: $0, as: UTF8.self) } == elements, "seed \(seed)")
        }
        #expect(JSONArraySplitter.elements(of: "items", in: Array("{\"id\": \"1\"}".utf8)) == nil)
    }

    @Test("A page big enough to be read on every core gives the same jobs, in order, as reading each vacancy alone")
    func bigPage() throws {
        let vacancies = (0..<3_000).map { index in
            """
            {"id": "\(index)", "name": "Комьюнити-менеджер №\(index)", "salary": {"from": \(50_000 + index), "currency": "RUR"}, \
            "snippet": {"responsibility": "Вести <highlighttext>сообщество</highlighttext>, \\"чат\\" и [ленту]."}}
            """
        }
        let page = try HHReader.jobs(in: Array("{\"items\": [\(vacancies.joined(separator: ","))]}".utf8))
        let alone = try vacancies.flatMap { try HHReader.jobs(in: Array($0.utf8)) }
        #expect(page.count == 3_000)
        #expect(page.map(\.record) == alone.map(\.record))
        #expect(page.map(\.operations) == alone.map(\.operations))
        let broken = "{\"items\": [\(vacancies.prefix(2_500).joined(separator: ",")), {\"id\": \"x\", \"name\": 7}]}"
        do {
            _ = try HHReader.jobs(in: Array(broken.utf8))
            Issue.record("a wrong shape was accepted")
        } catch {
            #expect(error.place == "items[2500].name", "\(error)")
        }
        // Two vacancies the rules refuse, in chunks read on different cores: the first is reported.
        var refused = vacancies
        for index in [2_800, 1_200] { refused[index] = "{\"id\": \"\(index)\", \"name\": \" \"}" }
        do {
            _ = try HHReader.jobs(in: Array("{\"items\": [\(refused.joined(separator: ","))]}".utf8))
            Issue.record("an empty name was accepted")
        } catch {
            #expect(error.place == "vacancy 1201 (id 1200)", "\(error)")
            #expect(error.message == "name is empty", "\(error)")
        }
        // A vacancy of the wrong shape comes first, as when the whole file is decoded before any
        // vacancy is read as a job.
        refused[2_500] = "{\"id\": \"x\", \"name\": 7}"
        do {
            _ = try HHReader.jobs(in: Array("{\"items\": [\(refused.joined(separator: ","))]}".utf8))
            Issue.record("a wrong shape was accepted")
        } catch {
            #expect(error.place == "items[2500].name", "\(error)")
        }
    }
}
