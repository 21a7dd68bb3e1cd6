/// Input that a format reader cannot take, with the place it went wrong.
public struct FormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Where: `line 12`, `vacancy 3, salary`.
    public let place: String
    /// What is wrong, for people.
    public let message: String
    /// When the whole file is of another kind than the format, which kind of problem that is: the
    /// web face words it in the reader's language by it, where ``message`` is English.
    public let fileProblem: FileProblem?

    /// What makes a whole file unreadable as its format, rather than one of its items.
    public enum FileProblem: String, Sendable, CaseIterable {
        /// The file is not JSON.
        case notJSON
        /// JSON, but not a Telegram Desktop export.
        case notTelegramExport
        /// Not an iCalendar file: it does not begin with BEGIN:VCALENDAR.
        case notICalendar
        /// Its text is not UTF-8.
        case notUTF8
    }

    /// An error at a place.
    ///
    /// - Parameter fileProblem: when the whole file is of another kind, which.
    public init(_ place: String, _ message: String, fileProblem: FileProblem? = nil) {
        self.place = place
        self.message = message
        self.fileProblem = fileProblem
    }

    public var description: String { "\(place): \(message)" }
}
