import Foundation

/// The labels vacancy posts put before their parts: `Обязанности:`, `ЗП:`, `Компания:`…, with the
/// words that count as each.
enum VacancyLabel: CaseIterable {
    case title, employer, city, workMode, employment, salary, duties, requirements, conditions, contacts, apply

    /// The words a label starts with, lowercased.
    var words: [String] {
        switch self {
        case .title: ["должность", "вакансия", "позиция"]
        case .employer: ["компания", "работодатель", "организация", "проект"]
        case .city: ["город", "локация", "местоположение", "где"]
        case .workMode: ["формат работы", "формат", "режим работы"]
        case .employment: ["занятость", "тип занятости", "тип работы", "график"]
        case .salary:
            ["зп", "з/п", "зарплата", "заработная плата", "оплата", "вилка", "доход", "компенсация", "salary"]
        case .duties:
            [
                "что нужно делать", "что делать", "обязанности", "задачи", "чем предстоит заниматься",
                "чем заниматься", "что предстоит делать",
            ]
        case .requirements:
            [
                "какие требования", "требования", "мы ждём", "мы ждем", "ожидания", "что важно", "кого ищем",
                "от тебя", "от вас",
            ]
        case .conditions: ["условия", "мы предлагаем", "что мы предлагаем", "что предлагаем", "что мы даём", "бонусы"]
        case .contacts: ["контакты", "контакт", "связь", "пишите", "писать", "резюме", "cv"]
        case .apply: ["откликнуться", "отклик", "подробнее", "ссылка на вакансию", "анкета", "apply"]
        }
    }

    /// Parts that are lists of items on the lines below the label.
    var isList: Bool { [.duties, .requirements, .conditions].contains(self) }

    /// The label a line starts with, and the value written after it on the same line (empty when
    /// the line is only the label). A line is a label when a label word is followed by `:`, `—`,
    /// the end of the line, or the line ends with `:` (`Задачи, которые тебя ждут:`).
    static func parse(_ content: String) -> (label: VacancyLabel, value: String)? {
        let start = content.prefix { $0.isLetter || $0 == "/" }.lowercased()
        guard let candidates = byFirstWord[start] else { return nil }
        let lowered = content.lowercased()
        for (label, word) in candidates where lowered.startsWithBytes(word) {
            guard endsWord(lowered.utf8.dropFirst(word.utf8.count).first) else { continue }
            let value = content.dropFirst(word.count).drop { $0.isWhitespace }
            if value.first == ":" || value.hasPrefix("— ") || value.hasPrefix("- ") || value.hasPrefix("– ") {
                return (label, value.dropFirst().trimmingCharacters(in: .whitespaces))
            }
            if value.isEmpty || content.hasSuffix(":") && content.count <= 60 { return (label, "") }
            if label == .salary || label == .apply { return (label, String(value)) }
        }
        return nil
    }

    /// The label words by their first word, longest first, so that a line is compared with the
    /// few labels that can match it.
    private static let byFirstWord: [String: [(VacancyLabel, String)]] = Dictionary(
        grouping: allCases.flatMap { label in label.words.map { (label, $0) } },
        by: { String($0.1.prefix { $0.isLetter || $0 == "/" }) }
    ).mapValues { $0.sorted { $0.1.count > $1.1.count } }

    /// Whether the byte after a word ends it: the end of the text, or ASCII other than a letter,
    /// a digit or `-` (a byte of a Cyrillic letter continues the word).
    private static func endsWord(_ byte: UInt8?) -> Bool {
        guard let byte else { return true }
        let letter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
        let digit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        return byte < 0x80 && !letter && !digit && byte != UInt8(ascii: "-")
    }
}
