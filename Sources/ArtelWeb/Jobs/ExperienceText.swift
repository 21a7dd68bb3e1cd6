import Foundation

/// A job's experience as a page shows it. hh.ru names its four levels in Russian ("От 1 года до 3
/// лет"), and an import keeps the name: an English page shows them in English. Any other text is
/// shown as the community wrote it.
enum ExperienceText {
    /// hh.ru's names (its `experience` dictionary), lowercased, in English.
    private static let english = [
        "нет опыта": "No experience",
        "от 1 года до 3 лет": "1–3 years",
        "от 3 до 6 лет": "3–6 years",
        "более 6 лет": "More than 6 years",
    ]

    /// The text for a page in `language`.
    static func shown(_ text: String, in language: SiteLanguage) -> String {
        guard language == .english else { return text }
        return english[text.lowercased().trimmingCharacters(in: .whitespaces)] ?? text
    }
}
