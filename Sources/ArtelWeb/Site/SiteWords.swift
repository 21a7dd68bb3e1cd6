import Foundation

/// Every text of the site's pages, in one language, by key: the templates hold no words of their
/// own, only `{{w.key}}`. Each language has every key (the tests check it, and that every key a
/// template names exists).
///
/// Words in the records themselves (work modes, salaries, employment) come from ArtelFormats'
/// `Catalog`, which the feeds and exports share.
public struct SiteWords: Sendable {
    /// The language tag of the table.
    public let language: String
    /// The texts by key.
    public let table: [String: String]
    /// The texts as the templates read them: `{{w.jobs.title}}` is the text of `jobs.title`, so
    /// the keys are split at their dots into nested tables.
    let tree: [String: any Sendable]

    init(language: String, table: [String: String]) {
        self.language = language
        self.table = table
        tree = Self.tree(table)
    }

    /// Keys split at their first dot, recursively; a key may not be both a text and a prefix.
    private static func tree(_ table: [String: String]) -> [String: any Sendable] {
        var leaves: [String: any Sendable] = [:]
        var branches: [String: [String: String]] = [:]
        for (key, text) in table {
            if let dot = key.firstIndex(of: ".") {
                branches[String(key[..<dot]), default: [:]][String(key[key.index(after: dot)...])] = text
            } else {
                leaves[key] = text
            }
        }
        for (name, branch) in branches {
            precondition(leaves[name] == nil, "the site word \(name) is both a text and a group")
            leaves[name] = tree(branch)
        }
        return leaves
    }

    /// The text of a key; a missing key is a bug the tests catch.
    public subscript(_ key: String) -> String {
        guard let text = table[key] else { preconditionFailure("the \(language) site words have no \(key)") }
        return text
    }

    /// The text of a key, or `nil` for a key that only some fields or states have (a field's hint).
    func optional(_ key: String) -> String? { table[key] }

    /// The text of a key with `{n}` replaced by a number, chosen by the language's plural rule
    /// from `key.one`, `key.few` and `key.many` (Russian) or `key.one` and `key.many` (English).
    public func count(_ key: String, _ number: Int) -> String {
        self[key + "." + Self.pluralForm(number, language: language)].replacingOccurrences(of: "{n}", with: "\(number)")
    }

    /// The CLDR plural category of a whole number: Russian has one, few and many; English one and many.
    static func pluralForm(_ number: Int, language: String) -> String {
        let n = abs(number)
        guard language == "ru" else { return n == 1 ? "one" : "many" }
        if n % 10 == 1 && n % 100 != 11 { return "one" }
        if (2...4).contains(n % 10) && !(12...14).contains(n % 100) { return "few" }
        return "many"
    }
}
