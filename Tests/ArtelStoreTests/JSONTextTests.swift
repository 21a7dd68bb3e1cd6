import Foundation
import Testing

@testable import ArtelStore

/// A JSON string literal copies text that needs no escape whole, and escapes the rest scalar by scalar:
/// both paths must give what a JSON parser reads back as the same text.
@Suite("JSON string literals")
struct JSONTextTests {
    @Test(
        "a literal reads back as its text",
        arguments: [
            "", "Разработчик в «Skyeng»", "C++ / C#", "ёлка 🙂", "say \"hi\"", "back\\slash", "line\nbreak\ttab\r",
            "bell\u{07} and \u{1F}", "\u{7F} delete and \u{2028} separator",
        ]
    )
    func roundTrip(text: String) throws {
        let literal = JSON.string(text).compact
        let decoded = try JSONDecoder().decode(String.self, from: Data(literal.utf8))
        #expect(decoded == text)
    }

    @Test("plain text is quoted as it is, and control characters as escapes")
    func spelling() {
        #expect(JSON.string("Москва").compact == "\"Москва\"")
        #expect(JSON.string("a\"b\\c\nd\u{01}").compact == #""a\"b\\c\nd\u0001""#)
    }

    @Test("an array column reads back as its elements, in order")
    func arrays() throws {
        for elements in [[], ["full_time"], ["Управление сообществом", "say \"hi\"", "a\\b", "line\nbreak", ""]] {
            let text = JSONText.array(elements)
            #expect(try JSONDecoder().decode([String].self, from: Data(text.utf8)) == elements, "\(text)")
        }
        #expect(JSONText.array(["a", "b"]) == #"["a","b"]"#)
    }
}
