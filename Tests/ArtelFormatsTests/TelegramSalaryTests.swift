import Testing

@testable import ArtelFormats

@Suite("Salaries in Telegram vacancy posts")
struct TelegramSalaryTests {
    @Test(
        "A range written with a hyphen between amounts in thousands keeps its top",
        arguments: [
            ("ЗП: 100к-120к", 100_000, 120_000),
            ("вилка 150k-200k", 150_000, 200_000),
            ("ЗП: 100тыс-150тыс руб.", 100_000, 150_000),
        ] as [(String, Int64, Int64)]
    )
    func hyphenRanges(line: String, minimum: Int64, maximum: Int64) {
        #expect(SalaryText.parse(line) == SalaryText(minimum: minimum, maximum: maximum), "\(line)")
    }

}
