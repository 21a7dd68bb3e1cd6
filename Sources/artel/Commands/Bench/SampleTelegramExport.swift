import Foundation

/// A Telegram Desktop export for the benchmark: posts in the layouts the Telegram reader splits.
enum SampleTelegramExport {
    private static let titles = ["Комьюнити-менеджер", "Координатор сообщества", "Модератор чатов", "Community lead"]
    private static let employers = ["Skyeng", "Т-Банк", "Runlab", "Studio-29", "Skillbox", "Ozon"]

    /// The export's JSON: `posts` messages, every tenth a service message.
    static func json(posts: Int, now: UInt64) throws -> Data {
        var messages: [[String: Any]] = []
        messages.reserveCapacity(posts)
        for index in 0..<posts {
            var message: [String: Any] = [
                "id": index + 1, "type": "message", "date_unixtime": String(now / 1_000 - UInt64(posts - index) * 600),
                "from": "Комьюнити-менеджеры",
            ]
            switch index % 10 {
            case 0: message = ["id": index + 1, "type": "service", "action": "pin_message", "text": ""]
            case 1, 4, 7: message["text"] = digest(index)
            case 2, 5: message["text"] = numbered(index)
            case 3, 8: message["text"] = single(index)
            default:
                message["text"] = "Встреча лидеров сообществ \(index % 28 + 1) декабря в 19:00, регистрация по ссылке."
            }
            messages.append(message)
        }
        return try JSONSerialization.data(withJSONObject: [
            "name": "bench", "type": "public_channel", "messages": messages,
        ])
    }

    private static func vacancy(_ index: Int, _ offset: Int) -> (title: String, employer: String, salary: Int) {
        (titles[(index + offset) % titles.count], employers[(index + offset) % employers.count], 60 + (index % 9) * 10)
    }

    /// Three vacancies between separator lines, with bold labels and "здесь" links.
    private static func digest(_ index: Int) -> [Any] {
        var parts: [Any] = ["Дайджест вакансий для комьюнити-менеджеров\n"]
        for offset in 0..<3 {
            let (title, employer, salary) = vacancy(index, offset)
            parts += [
                "▶️ \(title) в \(employer)\n\(employer) — сервис, который растит сообщество вокруг продукта.\n🟡 ",
                ["type": "bold", "text": "Что нужно делать:"],
                "\n— вести чаты и отвечать участникам;\n— проводить встречи раз в месяц;\n— считать вовлечённость.\n🟡 ",
                ["type": "bold", "text": "Какие требования:"],
                "\n— опыт в комьюнити от года;\n— грамотная речь.\n🟡 ЗП: от \(salary) 000 руб, удалённо\n🟡 Откликнуться: ",
                ["type": "text_link", "text": "здесь", "href": "https://example.com/jobs/\(index)-\(offset)"],
                offset < 2 ? "\n_________________\n" : "\n",
            ]
        }
        return parts + [["type": "hashtag", "text": "#комьюнити_вакансия"]]
    }

    /// A numbered one-line digest.
    private static func numbered(_ index: Int) -> [Any] {
        var parts: [Any] = [["type": "hashtag", "text": "#вакансии"], " недели\n\n"]
        for offset in 0..<4 {
            let (title, employer, salary) = vacancy(index, offset)
            parts += [
                "\(offset + 1). \(title) в \(employer) — \(salary)–\(salary + 40) тыс. ₽ на руки, гибрид, Москва — ",
                ["type": "link", "text": "https://example.com/n/\(index)-\(offset)"], "\n",
            ]
        }
        return parts
    }

    /// One vacancy with labels, written as a plain string.
    private static func single(_ index: Int) -> String {
        let (title, employer, salary) = vacancy(index, 1)
        return """
            #вакансия
            \(title)
            Компания: \(employer)
            Город: Санкт-Петербург, офис
            Занятость: частичная

            Обязанности:
            • модерировать чаты;
            • готовить дайджесты.

            Условия:
            • оплата \(salary)k gross;
            • обучение за счёт компании.

            Резюме: @hr_\(index % 50)
            """
    }
}
