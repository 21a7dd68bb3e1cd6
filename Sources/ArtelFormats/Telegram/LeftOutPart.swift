/// A part of a vacancy post that the reader left out, and why: the command line says it in
/// English (``description``), the site's dry run in the reader's language, by case.
public enum LeftOutPart: Sendable, Equatable, CustomStringConvertible {
    /// A vacancy that names a job and gives nothing else a vacancy needs: no duties,
    /// requirements, salary, contact or link. `title` is clipped to 60 characters.
    case noSubstance(title: String)
    /// Text with vacancy labels ("Обязанности:", "Зарплата:") but no line naming a job. `start` is
    /// its first line, clipped to 50 characters.
    case noTitle(start: String)

    /// The case's name, as the site's words know it.
    public var name: String {
        switch self {
        case .noSubstance: "noSubstance"
        case .noTitle: "noTitle"
        }
    }

    /// The text the case quotes from the post.
    public var quoted: String {
        switch self {
        case .noSubstance(let title): title
        case .noTitle(let start): start
        }
    }

    public var description: String {
        switch self {
        case .noSubstance(let title):
            "“\(title)” names a job but gives no duties, requirements, salary, contact or link; left out"
        case .noTitle(let start): "text without a job title (“\(start)”) has vacancy labels; left out"
        }
    }
}
