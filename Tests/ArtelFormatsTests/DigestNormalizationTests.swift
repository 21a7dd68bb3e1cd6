import Testing

@testable import ArtelFormats

/// The digest's rule reads links and words fast for the common cases; the fast readings must agree
/// with the general ones wherever they answer.
@Suite("Digest normalization, fast and general")
struct DigestNormalizationTests {
    static let links = [
        "https://hh.ru/vacancy/90000001", "http://www.Example.org/jobs/cm/", " https://t.me/studio29_jobs ",
        "https://WWW.HH.RU/Vacancy/1///", "https://hh.ru", "https://hh.ru/", "https://a-b.example/x_y~z!$&'()*+,;=",
        "https://hh.ru/vacancy/1?utm_source=tg&from=x", "https://hh.ru/vacancy/1#apply", "https://hh.ru:443/vacancy/1",
        "https://user@hh.ru/vacancy/1", "https://hh.ru/vacancy/%D0%BA", "https://hh.ru/вакансия/1", "ftp://hh.ru/x",
        "https:///vacancy", "https://hh_ru/x", "mailto:jobs@example.org", "",
    ]

    @Test("Links read byte by byte normalize as URLComponents does", arguments: links)
    func simpleLinksAgree(link: String) {
        if let simple = DigestComposer.simpleNormalizedURL(link) {
            #expect(simple == DigestComposer.componentsNormalizedURL(link))
        }
    }

    @Test("The common links are read byte by byte")
    func commonLinksAreSimple() {
        #expect(DigestComposer.simpleNormalizedURL("https://hh.ru/vacancy/90000001") == "hh.ru/vacancy/90000001")
        #expect(DigestComposer.simpleNormalizedURL("http://www.Example.org/jobs/cm/") == "example.org/jobs/cm")
        #expect(DigestComposer.simpleNormalizedURL("https://hh.ru/vacancy/1?utm_source=tg") == nil)
    }

    /// Words as the first version read them: the whole text lowered, then every scalar by its properties.
    static func referenceWords(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                word.unicodeScalars.append(scalar == "ё" ? "е" : scalar)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    @Test(
        "Title keys read ASCII and Cyrillic directly, and give the words the properties give",
        arguments: [
            "Комьюнити-менеджер (Москва, удалённо)", "ЁЛКА и ёж: ЕЩЁ 2 вакансии!", "Community Lead @ Skyeng, 150k",
            "ООО «Ромашка»", "Ѐ Ѐ Ї ї Ђ ђ Ѳ ѳ ӝ", "Ωμέγα Straße café", "\u{212A}elvin 😀 Σ", "менеджер_по_продажам №7",
            "  ",
        ]
    )
    func wordsAgree(text: String) {
        let key = DigestComposer.titleKey(text)
        #expect(String(decoding: key.bytes, as: UTF8.self) == Self.referenceWords(text).joined(separator: " "))
    }

    @Test("A letter that lowers to several scalars keeps the first: İ is read as i, not split from its word")
    func severalScalars() {
        #expect(String(decoding: DigestComposer.titleKey("İstanbul").bytes, as: UTF8.self) == "istanbul")
    }
}
