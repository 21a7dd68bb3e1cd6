import ArtelTestKit
import Foundation
import Testing

@testable import ArtelFormats

/// The in-place reader of hh.ru pages gives what `JSONDecoder` gives, and refuses, for
/// `JSONDecoder` to report, what it does not expect.
@Suite("hh.ru vacancies read in place")
struct HHCursorReadingTests {
    /// Every vacancy of a page, read both ways.
    static func bothWays(_ page: [UInt8]) throws -> (cursor: [HHVacancy], decoder: [HHVacancy]) {
        let decoded = try JSONDecoder().decode(HHPage.self, from: Data(page)).items
        let elements = try #require(JSONArraySplitter.elements(of: "items", in: page))
        return (try elements.map(HHReader.vacancy(in:)), decoded)
    }

    @Test("The fixtures read the same both ways", arguments: ["search-page.json", "newer-fields.json"])
    func fixtures(name: String) throws {
        let page = try [UInt8](Data(contentsOf: URL(fileURLWithPath: TestFiles.path("Tests/Fixtures/hh/\(name)"))))
        let (cursor, decoder) = try Self.bothWays(page)
        #expect(!cursor.isEmpty)
        #expect(cursor == decoder)
    }

    @Test("Escapes, surrogate pairs, nulls, numbers and values it does not read are read as JSONDecoder reads them")
    func edges() throws {
        let page = """
            {"items": [
              {"id": "1", "name": "Ком\\u044cюнити \\"лид\\" \\ud83d\\ude00\\n\\t\\/\\\\", "area": null, "salary":
               {"from": 1.5e5, "to": -0, "currency": "RUR", "gross": true, "extra": [1, {"a": [null, true]}]},
               "key_skills": [], "work_format": [{"id": "REMOTE"}], "contacts": {"phones": [{"formatted": "+7"}]},
               "archived": false, "unknown": {"deep": [[[]]]}, "internship": null},
              {"id": "2", "name": "x", "professional_roles": [{"id": "40", "name": "Другое"}]}
            ], "found": 2}
            """
        let (cursor, decoder) = try Self.bothWays(Array(page.utf8))
        #expect(cursor == decoder)
        #expect(cursor.first?.name == "Комьюнити \"лид\" 😀\n\t/\\")
    }

    @Test(
        "What JSONDecoder would refuse is refused, for JSONDecoder to report",
        arguments: [
            #"{"id": 1, "name": "x"}"#, #"{"id": "1", "name": null}"#, #"{"id": "1"}"#,
            #"{"id": "1", "name": "x", "salary": {"from": "100"}}"#, #"{"id": "1", "name": "\q"}"#,
            #"{"id": "1", "name": "\ud83d"}"#, #"{"id": "1", "name": "x", "key_skills": [null]}"#,
            #"{"id": "1", "name": "x",}"#, #"{"id": "1", "name": "x", "archived": 1}"#, #"{"id": "1", "name": "x"} 5"#,
        ]
    )
    func refused(element: String) {
        #expect(throws: JSONCursor.Mismatch.self) { try HHReader.vacancy(in: ArraySlice(element.utf8)) }
    }
}
