import ArtelStore
import Foundation
import Testing

/// `JSON.quoted` copies text that needs no escape whole, and escapes the rest scalar by scalar:
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
        let literal = JSON.quoted(text)
        let decoded = try JSONDecoder().decode(String.self, from: Data(literal.utf8))
        #expect(decoded == text)
    }

    @Test("plain text is quoted as it is, and control characters as escapes")
    func spelling() {
        #expect(JSON.quoted("Москва") == "\"Москва\"")
        #expect(JSON.quoted("a\"b\\c\nd\u{01}") == #""a\"b\\c\nd\u0001""#)
    }
}
