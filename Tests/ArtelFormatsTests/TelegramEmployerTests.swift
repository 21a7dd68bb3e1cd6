import ArtelCore
import Testing

@testable import ArtelFormats

@Suite("Employers and contacts in Telegram vacancy posts")
struct TelegramEmployerTests {
    @Test(
        "The employer is named as people name it: with its kind before the quotes, without a flag after it",
        arguments: [
            ("Фандрайзер в Фонд «Вера»", "Фонд «Вера»"),
            ("Комьюнити-менеджер в АНО «Больше, чем путешествие»", "АНО «Больше, чем путешествие»"),
            ("Комьюнити-менеджер в компанию «Альфа»", "Альфа"),
            ("Комьюнити-менеджер в Relocode 🇷🇸", "Relocode"),
        ]
    )
    func employer(title: String, employer: String) throws {
        let text = "#вакансия\n\n\(title)\n\nОбязанности: вести чат сообщества\nКонтакты: @hr_team"
        let job = try #require(try TelegramSalaryTests.report(text).jobs.first)
        #expect(TelegramReaderTests.value(job, "employer") == .string(employer))
    }

    @Test("A phone number Telegram marks as one is a contact")
    func phone() throws {
        let job = try #require(
            try TelegramSalaryTests.report(
                [
                    "#вакансия\n\nКомьюнити-менеджер в Теплицу\n\nОбязанности: модерация чата\nКонтакты: ",
                    ["type": "phone", "text": "+7 999 123-45-67"],
                ] as [Any]
            ).jobs.first
        )
        #expect(TelegramReaderTests.value(job, "contact") == .string("+7 999 123-45-67"))
    }
}
