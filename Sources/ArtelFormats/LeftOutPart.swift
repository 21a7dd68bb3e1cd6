/// A part of a file that a reader left out, and why: a part of a vacancy post, or a calendar's
/// event. The command line says it in English (``description``), the site's dry run in the
/// reader's language, by case.
public enum LeftOutPart: Sendable, Equatable, CustomStringConvertible {
    /// A vacancy that names a job and gives nothing else a vacancy needs: no duties,
    /// requirements, salary, contact or link. `title` is clipped to 60 characters.
    case noSubstance(title: String)
    /// Text with vacancy labels ("Обязанности:", "Зарплата:") but no line naming a job. `start` is
    /// its first line, clipped to 50 characters.
    case noTitle(start: String)
    /// A salary whose amount is no salary: a monthly amount outside 1 000 to 100 000 000 roubles
    /// (100 for dollars and euros). The vacancy is imported without a salary. `line` is the
    /// salary's text, clipped to 60 characters.
    case salaryOutOfRange(line: String)
    /// A salary whose range goes down ("от 300 до 150 тыс."). The vacancy is imported without a
    /// salary. `line` is the salary's text, clipped to 60 characters.
    case salaryGoesDown(line: String)
    /// A calendar's VEVENT that gives no event (``SkippedEvent``).
    case event(SkippedEvent)

    /// The case's name, as the site's words know it.
    public var name: String {
        switch self {
        case .noSubstance: "noSubstance"
        case .noTitle: "noTitle"
        case .salaryOutOfRange: "salaryOutOfRange"
        case .salaryGoesDown: "salaryGoesDown"
        case .event(let skipped): "event.\(skipped.name)"
        }
    }

    /// The text the case quotes from the post.
    public var quoted: String {
        switch self {
        case .noSubstance(let title): title
        case .noTitle(let start): start
        case .salaryOutOfRange(let line), .salaryGoesDown(let line): line
        case .event(let skipped): skipped.quoted
        }
    }

    public var description: String {
        switch self {
        case .noSubstance(let title):
            "“\(title)” names a job but gives no duties, requirements, salary, contact or link; left out"
        case .noTitle(let start): "text without a job title (“\(start)”) has vacancy labels; left out"
        case .salaryOutOfRange(let line): "the salary “\(line)” is out of range; the vacancy is imported without it"
        case .salaryGoesDown(let line):
            "the salary “\(line)” goes from more down to less; the vacancy is imported without it"
        case .event(let skipped): skipped.description
        }
    }
}
