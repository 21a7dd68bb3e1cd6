/// A VEVENT the reader could not make an event of, and why. The rest of the calendar is read
/// without it: one event a calendar app wrote oddly does not keep a community's other events out.
public struct SkippedEvent: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why a VEVENT gives no event.
    public enum Problem: Sendable, Equatable {
        /// It has no UID, so an import again could not tell it from a new event.
        case noUID
        /// It has no SUMMARY (RFC 5545 allows it; a listing needs a name).
        case noSummary
        /// It has no DTSTART.
        case noStart
        /// DTEND comes before DTSTART.
        case endsBeforeStart
        /// A DATE or DATE-TIME that is not one, as written (clipped to 40 characters).
        case notATime(String)
        /// A TZID that is neither an IANA name, a Windows name (``WindowsZones``) nor defined in the
        /// file, as written (clipped to 60).
        case unknownTimeZone(String)
        /// A SEQUENCE that is not a count, as written (clipped to 20 characters).
        case notASequence(String)
        /// A DURATION that is not one, or is negative, as written (clipped to 40 characters).
        case notADuration(String)
    }

    /// The line of its BEGIN:VEVENT.
    public let line: Int
    /// The line at fault: the property's, or the BEGIN:VEVENT's when a property is missing.
    public let problemLine: Int
    /// Its SUMMARY, when it has one (clipped to 60 characters).
    public let summary: String?
    /// Why it was skipped.
    public let problem: Problem

    /// A skipped event.
    public init(line: Int, problemLine: Int? = nil, summary: String?, problem: Problem) {
        self.line = line
        self.problemLine = problemLine ?? line
        self.summary = summary.map { String($0.prefix(60)) }
        self.problem = problem
    }

    /// The problem's name, as the site's words know it (`import.skippedEvent.noStart`).
    public var name: String {
        switch problem {
        case .noUID: "noUID"
        case .noSummary: "noSummary"
        case .noStart: "noStart"
        case .endsBeforeStart: "endsBeforeStart"
        case .notATime: "notATime"
        case .unknownTimeZone: "unknownTimeZone"
        case .notASequence: "notASequence"
        case .notADuration: "notADuration"
        }
    }

    /// The text the problem quotes from the file; empty when it quotes none.
    public var quoted: String {
        switch problem {
        case .notATime(let text), .unknownTimeZone(let text), .notASequence(let text), .notADuration(let text):
            text
        case .noUID, .noSummary, .noStart, .endsBeforeStart: ""
        }
    }

    public var description: String {
        let event = summary.map { "event “\($0)”" } ?? (problemLine == line ? "an event" : "the event of line \(line)")
        let why =
            switch problem {
            case .noUID: "has no UID"
            case .noSummary: "has no SUMMARY"
            case .noStart: "has no DTSTART"
            case .endsBeforeStart: "ends before it starts"
            case .notATime(let text): "has “\(text)”, which is not a date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS)"
            case .unknownTimeZone(let text): "is in time zone “\(text)”, neither an IANA name nor defined in the file"
            case .notASequence(let text): "has SEQUENCE “\(text)”, which is not a count"
            case .notADuration(let text): "has DURATION “\(text)”, which is not a length of time (PT1H30M, P2D)"
            }
        return "line \(problemLine): \(event) \(why); skipped"
    }
}
