import GRDB

/// The words a search looks for, folded as the full-text index folds the text it holds.
///
/// Russian text writes ё as е as often as not, so both sides fold ё to е, and "елка" finds "Ёлка":
/// the index in its tokenizer (``SearchTokenizer``), a search here, before its words are matched
/// against the index's list of words (``SearchMatch``) or a column without an index.
enum SearchText {
    /// Text with ё and Ё as е and Е. It works on bytes: ё is `D1 91` in UTF-8 and Ё is `D0 81`; е
    /// is `D0 B5` and Е is `D0 95`, as long, so the letters are replaced in place.
    static func fold(_ text: String) -> String {
        var previous: UInt8 = 0
        let hasYo = text.utf8.contains { byte in
            defer { previous = byte }
            return (previous == 0xD1 && byte == 0x91) || (previous == 0xD0 && byte == 0x81)
        }
        guard hasYo else { return text }
        var bytes = Array(text.utf8)
        for index in bytes.indices.dropFirst() {
            switch (bytes[index - 1], bytes[index]) {
            case (0xD1, 0x91): (bytes[index - 1], bytes[index]) = (0xD0, 0xB5)
            case (0xD0, 0x81): bytes[index] = 0x95
            default: break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The words of a search: runs of letters and digits, in any script, folded like indexed text.
    static func words(_ text: String) -> [String] {
        fold(text).split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// Cyrillic vowels and signs that end Russian inflections.
    private static let endings: Set<Character> = Set("аеиоуыэюяйьАЕИОУЫЭЮЯЙЬ")

    /// Russian case endings of more than a vowel, longest first: plural and instrumental nouns
    /// ("менеджеров", "сообществами", "менеджером") and adjectives ("городского").
    private static let longEndings = [
        "ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ов", "ев", "ей", "ам", "ям", "ах", "ях", "ом", "ем",
        "ой", "ий", "ый", "ая", "яя", "ое", "ее", "ые", "ие", "ую", "юю", "ых", "их", "ью",
    ]

    /// A search word cut to a stem that prefix search can use: Russian inflects by ending
    /// ("сообщество", "сообщества", "сообществом", "сообществами"), so a word loses a case ending of
    /// two or three letters when four letters stay, else up to two final vowels or signs when it
    /// has five letters or more. A light heuristic, not a stemmer: it widens matches, never
    /// narrows them.
    static func stem(_ word: String) -> String {
        let lowered = word.lowercased()
        if let ending = longEndings.first(where: { lowered.hasSuffix($0) && lowered.count - $0.count >= 4 }) {
            return String(word.dropLast(ending.count))
        }
        var stem = Substring(word)
        var dropped = 0
        while dropped < 2, stem.count > 4, let last = stem.last, endings.contains(last) {
            stem = stem.dropLast()
            dropped += 1
        }
        return String(stem)
    }

    /// The SQL function that folds a column like search words, for kinds without a full-text index:
    /// SQLite's own `lower()` and `LIKE` fold ASCII only, and names here are mostly Cyrillic.
    static let functionName = "artel_fold"

    /// ``functionName``, to register on every connection.
    static let function = DatabaseFunction(functionName, argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0]).map { fold($0).lowercased() }
    }
}
