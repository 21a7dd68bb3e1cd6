/// Input that a format reader cannot take, with the place it went wrong.
public struct FormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Where: `line 12`, `vacancy 3, salary`.
    public let place: String
    /// What is wrong, for people.
    public let message: String
    /// When the whole file is of another kind than the format, which kind of problem that is: the
    /// web face words it in the reader's language by it, where ``message`` is English.
    public let fileProblem: FileProblem?
    /// What the file offers to choose from, when the problem is a choice: the chats of an export.
    public let choices: [String]

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
        /// A whole account's Telegram export holding several channels, or several chats of the
        /// chosen name: one must be chosen (``FormatError/choices``).
        case severalChats
        /// A whole account's Telegram export without the chat asked for, or without a channel.
        case noSuchChat
    }

    /// An error at a place.
    ///
    /// - Parameters:
    ///   - fileProblem: when the whole file is of another kind, or needs a choice, which.
    ///   - choices: what the file offers to choose from.
    public init(_ place: String, _ message: String, fileProblem: FileProblem? = nil, choices: [String] = []) {
        self.place = place
        self.message = message
        self.fileProblem = fileProblem
        self.choices = choices
    }

    public var description: String { "\(place): \(message)" }
}
