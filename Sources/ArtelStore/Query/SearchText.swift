import GRDB

/// The text the full-text index sees, and the words a search looks for.
///
/// SQLite's `unicode61` tokenizer folds case and Latin diacritics, but not the Cyrillic ё, which
/// Russian text writes as е as often as not: both sides fold ё to е, so "елка" finds "Ёлка".
enum SearchText {
    /// Text as indexed.
    static func fold(_ text: String) -> String {
        guard text.contains(where: { $0 == "ё" || $0 == "Ё" }) else { return text }
        return String(text.map { $0 == "ё" ? "е" : $0 == "Ё" ? "Е" : $0 })
    }

    /// The words of a search: runs of letters and digits, in any script, folded like indexed text.
    static func words(_ text: String) -> [String] {
        fold(text).split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// The SQL function that folds a column like search words, for kinds without a full-text index:
    /// SQLite's own `lower()` and `LIKE` fold ASCII only, and names here are mostly Cyrillic.
    static let functionName = "artel_fold"

    /// ``functionName``, to register on every connection.
    static let function = DatabaseFunction(functionName, argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0]).map { fold($0).lowercased() }
    }
}
