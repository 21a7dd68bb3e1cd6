import Foundation
import Testing

@testable import ArtelFormats

/// The text readers hh.ru vacancies go through, byte by byte, against what they promise.
@Suite("Plain text from job boards")
struct HTMLTextTests {
    @Test(
        "Tags become line breaks and list items, entities are decoded, lines are trimmed",
        arguments: [
            ("Опыт развития <highlighttext>сообществ</highlighttext> от года.", "Опыт развития сообществ от года."),
            ("<p>Задачи:</p><ul><li>вести чат</li><li>митапы</li></ul>", "Задачи:\n\n— вести чат\n— митапы"),
            ("  a &amp; b &laquo;c&raquo; &#8212; &#x41;&nbsp;", "a & b «c» — A"),
            ("x<br/>y<BR>z", "x\ny\nz"), ("&unknown; &", "&unknown; &"), ("<p></p>", ""), ("5 < 6", "5 < 6"),
        ]
    )
    func plain(html: String, text: String) {
        #expect(HTMLText.plain(html) == text)
    }

    @Test(
        "A text read as one line already is returned as it is; any other is collapsed as by Character",
        arguments: [
            "Комьюнити-менеджер №7", "a  b", " a", "a ", "a\tb", "a\u{00A0}b", "a\u{2003}b", "a\u{3000}b", "«Ромашка»",
            "a\u{1680}b", "", "ok",
        ]
    )
    func singleLine(text: String) {
        #expect(text.singleLine == text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
    }

    @Test("Lines are trimmed of exactly what Foundation's whitespace set trims, whatever the script")
    func trimming() {
        let spaces = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter { "x\($0)".trimmingSpaces == "x" }
        #expect(
            spaces == (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter { CharacterSet.whitespaces.contains($0) }
        )
        let pieces = [
            " ", "\t", "\u{00A0}", "\u{2003}", "\u{3000}", "\u{1680}", "\u{200B}", "\u{0301}", "\u{0085}", "\n",
            "а", "Ё", "x", "🔹", "—", "e\u{0301}",
        ]
        var generator = SystemRandomNumberGenerator()
        var texts = pieces + pieces.map { $0 + $0 }
        for _ in 0..<2_000 {
            texts.append((0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement()! }.joined())
        }
        for text in texts {
            #expect(text.trimmingSpaces == text.trimmingCharacters(in: .whitespaces), "\(Array(text.unicodeScalars))")
        }
    }

    @Test("Clipping counts characters only for texts longer than the limit in bytes")
    func clipping() {
        #expect("Москва".clipped(to: 6) == "Москва")
        #expect("Москва".clipped(to: 5) == "Моск…")
        #expect("abc".clipped(to: 3) == "abc")
    }
}
