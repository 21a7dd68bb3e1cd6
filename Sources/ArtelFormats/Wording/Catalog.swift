/// The words people read in exports and feeds, in the language of the community that lists a
/// record: one table per language, keyed by ``Message``, so that feeds, JSON-LD and a later web
/// face say the same thing the same way.
///
/// A community's `language` field chooses the table ``forLanguage(_:)``: `ru`, or no language at
/// all, reads Russian, the language of this federation; `en` reads English; a language without a
/// table of its own reads English, the one its readers most likely share with the rest.
public struct Catalog: Sendable, Equatable {
    /// A text a person reads, whatever the language.
    public enum Message: String, CaseIterable, Sendable {
        /// Before the lower end of an open salary range: "от", "from".
        case salaryFrom
        /// Before the upper end of an open salary range: "до", "up to".
        case salaryUpTo
        /// After a salary paid by the hour, day, month, year or project.
        case perHour, perDay, perMonth, perYear, perProject
        /// A salary before income tax.
        case salaryGross
        /// A salary as paid out, after income tax ("на руки").
        case salaryTakeHome
        /// Work modes.
        case remote, hybrid, onsite
        /// Kinds of employment.
        case fullTime, partTime, contract, internship, volunteer
        /// The heading before a job's duties.
        case dutiesHeading
        /// The heading before a job's requirements.
        case requirementsHeading
    }

    /// The language tag of the table: `ru` or `en`.
    public let language: String
    /// Thousands are grouped with this: a no-break space in Russian, a comma in English.
    public let groupSeparator: String
    /// How a currency reads after an amount, by ISO 4217 code; other codes read as themselves.
    public let currencies: [String: String]
    private let table: [Message: String]

    /// A table. Every ``Message`` must have its text (``isComplete``; the tests check each language).
    init(language: String, groupSeparator: String, currencies: [String: String], table: [Message: String]) {
        self.language = language
        self.groupSeparator = groupSeparator
        self.currencies = currencies
        self.table = table
    }

    /// The text of a message in this language.
    public subscript(_ message: Message) -> String {
        guard let text = table[message] else {
            preconditionFailure("the \(language) catalog has no text for \(message)")
        }
        return text
    }

    /// Whether every message has a text in this table.
    public var isComplete: Bool { Message.allCases.allSatisfy { table[$0] != nil } }

    /// The tables there are, by language.
    public static let all: [Catalog] = [.russian, .english]

    /// The table for a community's `language` (a language tag such as `ru`, `en-GB`): Russian when
    /// it is `ru…` or absent, English for `en…` and for every language without a table.
    public static func forLanguage(_ language: String?) -> Catalog {
        guard let language, !language.isEmpty else { return .russian }
        let primary = language.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return all.first { $0.language == primary } ?? .english
    }
}
