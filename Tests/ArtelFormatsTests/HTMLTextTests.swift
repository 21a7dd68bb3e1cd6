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

    @Test("Clipping counts characters only for texts longer than the limit in bytes")
    func clipping() {
        #expect("Москва".clipped(to: 6) == "Москва")
        #expect("Москва".clipped(to: 5) == "Моск…")
        #expect("abc".clipped(to: 3) == "abc")
    }
}
