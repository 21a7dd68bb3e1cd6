import Testing

@testable import ArtelWeb

@Suite("Sizes as people read them")
struct SiteSizesTests {
    @Test("Bytes read in whole bytes, then one decimal of the unit, with the language's comma or point")
    func sizes() {
        let cases: [(Int, String, String)] = [
            (0, "0 Б", "0 B"), (999, "999 Б", "999 B"), (1_234, "1,2 кБ", "1.2 kB"),
            (1_250_000, "1,3 МБ", "1.3 MB"), (345_600_000, "346 МБ", "346 MB"), (2_000_000_000, "2,0 ГБ", "2.0 GB"),
        ]
        for (count, russian, english) in cases {
            #expect(SiteSizes.text(count, SiteWords.russian) == russian)
            #expect(SiteSizes.text(count, SiteWords.english) == english)
        }
    }
}
