/// A company's name as a title line declines it after `в`/`во` (`Комьюнити-менеджер в Яндексе`,
/// `Ищем куратора в Академию`), put back in the nominative (`Яндекс`, `Академия`).
///
/// The rules are few on purpose, and leave a name as written whenever they are unsure:
/// - the word that declines is the first that has a case ending; words before it must look
///   nominative already (`Яндекс Практикуме`, `Т-Банке`, `МТС Банке`), and what follows it stays
///   (`Лаборатории Касперского` → `Лаборатория Касперского`);
/// - a word with a Latin letter or a digit, an abbreviation (`МТС`, `ВТБ`) and a noun that never
///   declines (`Кафе`) stay as written;
/// - prepositional `-ии` and accusative `-ию` → `-ия`;
/// - prepositional `-е` after a consonant drops (`Сбере` → `Сбер`), except on the few feminine
///   words companies are named with, whose `-е` becomes `-а` (`Школе` → `Школа`, `Точке` → `Точка`)
///   and whose accusative `-у`, `-ю` becomes `-а`, `-я` (`Теплицу` → `Теплица`); any other `-у`
///   stays (`Пикабу`);
/// - a word that ends like a declined adjective (`Московском`) stops the rules: the name stays.
enum CompanyName {
    /// The name in the nominative, or as written when the rules do not apply.
    static func nominative(_ name: String) -> String {
        var words = name.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        for index in words.indices {
            if let word = nominative(word: words[index]) {
                words[index] = word
                return words.joined(separator: " ")
            }
            guard looksNominative(words[index]) else { return name }
        }
        return name
    }

    /// Feminine stems whose prepositional `-е` and accusative `-у` are `-а` in the nominative.
    private static let feminineStems: Set<String> = [
        "школ", "команд", "платформ", "лиг", "групп", "бирж", "фабрик", "библиотек", "лавк", "азбук", "ярмарк",
        "точк", "студи", "компани", "сет", "мастерск", "редакци", "теплиц", "кухн", "книг", "карт", "пицц", "работ",
    ]

    /// Nouns that end in `-е` in every case.
    private static let indeclinable: Set<String> = ["кафе", "кофе", "резюме", "пюре", "шоссе", "фойе", "ателье"]

    private static let vowels: Set<Character> = ["а", "е", "ё", "и", "о", "у", "ы", "э", "ю", "я"]

    /// A word back in the nominative when it has a case ending these rules know; nil otherwise.
    /// A compound (`Т-Банке`, `Циан.Академию`) declines in its last part.
    private static func nominative(word: String) -> String? {
        let split = word.lastIndex { $0 == "-" || $0 == "." }.map { word.index(after: $0) } ?? word.startIndex
        let (head, part) = (word[..<split], word[split...])
        guard part.count >= 4, part.allSatisfy(isCyrillic), !isAbbreviation(part) else { return nil }
        let lower = part.lowercased()
        guard !indeclinable.contains(lower) else { return nil }
        func replacing(_ ending: Int, with replacement: String) -> String {
            String(head) + String(part.dropLast(ending)) + replacement
        }
        if lower.hasSuffix("ии") || lower.hasSuffix("ию") { return replacing(1, with: "я") }
        let beforeLast = lower.dropLast().last ?? "а"
        guard !vowels.contains(beforeLast), !"йьъ".contains(beforeLast) else { return nil }
        let feminine = feminineStems.contains(String(lower.dropLast()))
        switch lower.last {
        case "у" where feminine: return replacing(1, with: "а")
        case "ю" where feminine: return replacing(1, with: "я")
        case "е": return replacing(1, with: feminine ? "а" : "")
        default: return nil
        }
    }

    /// Whether a word may stand before the declined one as it is: Latin or digits, an
    /// abbreviation, a Cyrillic word ending in `-о`, which no case changes after `в` (`Додо`,
    /// `Авито`), or in a consonant (`Яндекс`, `Тинькофф`) that is not a declined adjective (`-ом`,
    /// `-ем`, `-ой`, `-ей`, `-ий`).
    private static func looksNominative(_ word: String) -> Bool {
        guard word.allSatisfy(isCyrillic) else { return true }
        if isAbbreviation(Substring(word)) { return true }
        let lower = word.lowercased()
        if lower.count >= 3 && lower.hasSuffix("о") { return true }
        guard let last = lower.last, !vowels.contains(last), last != "й" else { return false }
        return !["ом", "ем"].contains(where: lower.hasSuffix)
    }

    private static func isCyrillic(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { (0x0400...0x04FF).contains($0.value) } || character == "-"
    }

    /// Two or more letters, all capitals.
    private static func isAbbreviation(_ word: Substring) -> Bool {
        word.count >= 2 && word.allSatisfy { !$0.isLetter || $0.isUppercase }
    }
}
