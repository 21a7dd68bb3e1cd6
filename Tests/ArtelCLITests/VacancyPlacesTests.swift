import Testing

@testable import ArtelImports

/// How an edited digest post's vacancies find the records stored from it (`StoredPost`): by
/// title, then a corrected title between its neighbours, then a free place.
@Suite("Vacancies of an edited post, matched to their stored records")
struct VacancyPlacesTests {
    static let stored: [String?] = ["Интернет-маркетолог в Ozon Банк", "Модератор в Дзен", "SMM-менеджер в Skillbox"]

    @Test(
        "Each vacancy keeps its own record, whatever was removed, added or corrected around it",
        arguments: [
            // The first removed and the second corrected: the corrected one keeps its record,
            // and the removed one's record is not overwritten.
            (["Модератор в Дзене", "SMM-менеджер в Skillbox"], [1, 2]),
            // One added at the top: a free place.
            (["Контент-менеджер в Литрес", "Интернет-маркетолог в Ozon Банк", "Модератор в Дзен"], [3, 0, 1]),
            // Reordered: by title.
            (["SMM-менеджер в Skillbox", "Модератор в Дзен", "Интернет-маркетолог в Ozon Банк"], [2, 1, 0]),
            // Another job between the same neighbours takes no removed one's record.
            (["Интернет-маркетолог в Ozon Банк", "Бариста в Додо Пиццу", "SMM-менеджер в Skillbox"], [0, 3, 2]),
            // The same titles but for case and spaces.
            (["модератор  в ДЗЕН", "SMM-менеджер в Skillbox"], [1, 2]),
        ]
    )
    func places(titles: [String], expected: [Int]) {
        #expect(StoredPost(titles: Self.stored).places(forTitles: titles) == expected)
    }

    @Test("A vacancy deleted here keeps its record when the post still has it, and stays deleted")
    func deleted() {
        let stored: [String?] = ["Модератор в Дзен", "", "SMM-менеджер в Skillbox"]
        let titles = ["Модератор в Дзен", "Комьюнити-менеджер в Яндекс", "SMM-менеджер в Skillbox"]
        #expect(StoredPost(titles: stored).places(forTitles: titles) == [0, 1, 2])
    }

    @Test(
        "A title with an ending, a letter or a word changed is the same job; another employer is another job",
        arguments: [
            ("Модератор в Дзен", "Модератор в Дзене", true),
            ("Модератор чатов в Лабораторию Бега", "Модератор чатов в Лаборатории Бега", true),
            ("Комьюнити-менеджер в Skyeng", "Комьюнити менеджер в Skyeng (удалённо)", true),
            ("Модератр в Дзен", "Модератор в Дзен", true),
            ("Комьюнити-менеджер в Skyeng", "Комьюнити-менеджер в Нетологию", false),
            (
                "Комьюнити менеджер для сообщества руководителей Яндекс",
                "Комьюнити менеджер для сообщества руководителей Сбер", false
            ),
            ("Модератор", "Модератор сообщества в крупный онлайн-университет", false),
        ]
    )
    func corrections(stored: String, title: String, isCorrection: Bool) {
        #expect(StoredPost.isCorrection(of: stored, to: title) == isCorrection)
    }
}
