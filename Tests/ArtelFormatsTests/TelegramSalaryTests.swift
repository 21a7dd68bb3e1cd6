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

    @Test(
        "A decimal point or comma in an amount in thousands or millions is read as one",
        arguments: [
            ("2.5k EUR", 2_500, nil, "EUR"),
            ("1.5-2k$", 1_500, 2_000, "USD"),
            ("ЗП: 1,2–1,5 тыс. $", 1_200, 1_500, "USD"),
            ("$1,500–2,000", 1_500, 2_000, "USD"),
            ("ЗП: 80.000-100.000 руб.", 80_000, 100_000, "RUB"),
        ] as [(String, Int64, Int64?, String)]
    )
    func decimals(line: String, minimum: Int64, maximum: Int64?, currency: String) {
        #expect(SalaryText.parse(line) == SalaryText(minimum: minimum, maximum: maximum, currency: currency), "\(line)")
        #expect(SalaryText.mentionsMoney(line), "\(line)")
    }

}
