import Testing

@testable import ArtelFormats

/// Company names a title line declines after `в`/`во`, back in the nominative, and the names the
/// rules must leave as written.
@Suite("Company names in the nominative")
struct CompanyNameTests {
    @Test(
        "Prepositional and accusative endings go back to the nominative",
        arguments: [
            ("Яндексе", "Яндекс"), ("Сбере", "Сбер"), ("Лаборатории Касперского", "Лаборатория Касперского"),
            ("Т-Банке", "Т-Банк"), ("Альфа-Банке", "Альфа-Банк"), ("Яндекс Практикуме", "Яндекс Практикум"),
            ("МТС Банке", "МТС Банк"), ("Школе программистов", "Школа программистов"), ("Точке", "Точка"),
            ("Академию", "Академия"), ("Циан.Академию", "Циан.Академия"), ("Теплицу", "Теплица"),
            ("Студии Лебедева", "Студия Лебедева"), ("Ozon Банке", "Ozon Банк"), ("Школе 21", "Школа 21"),
            ("Додо Пиццу", "Додо Пицца"), ("Додо Пицце", "Додо Пицца"), ("Авито Работе", "Авито Работа"),
        ]
    )
    func declined(written: String, nominative: String) {
        #expect(CompanyName.nominative(written) == nominative)
    }

    @Test(
        "Latin, abbreviations, indeclinable words and what the rules do not know stay as written",
        arguments: [
            "Skyeng", "МТС", "ВТБ", "Тинькофф", "Авито", "Островок", "X5 Group", "Ozon", "Сбер", "Яндекс",
            "Московском музее", "Ле", "Кафе", "Кофе Хаус", "Пикабу", "Авито", "Кино Пикабу", "",
        ]
    )
    func unchanged(written: String) {
        #expect(CompanyName.nominative(written) == written)
    }
}
