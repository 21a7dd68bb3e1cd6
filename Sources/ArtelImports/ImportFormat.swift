public import ArtelCore
public import ArtelFormats
public import ArtelStore

/// A format whose files an editor can import from the site, as `artel import telegram|ics|hh` does
/// at the command line.
public enum ImportFormat: String, Sendable, CaseIterable {
    /// A Telegram channel export (`result.json`): its vacancy posts become jobs.
    case telegram
    /// An iCalendar file (`.ics`): its events become events.
    case calendar = "ics"
    /// hh.ru vacancies (the API's JSON): each becomes a job.
    case hh

    /// The kinds an import of this format writes, with ``ImportOptions/events`` for a Telegram
    /// export's event announcements: an editor needs the right to write each of them.
    public func kinds(_ options: ImportOptions) -> [RecordKind] {
        switch self {
        case .telegram: options.events ? [.job, .event] : [.job]
        case .calendar: [.event]
        case .hh: [.job]
        }
    }

    /// Reads a file of this format for an import into `community` of `replica`: ``read(_:_:)``,
    /// then a Telegram export's vacancies given the records their posts already have
    /// (``ImportReading/matchingStoredVacancies(in:community:)``).
    ///
    /// - Throws: ``FormatError`` as ``read(_:_:)`` does; ``StoreError`` when the replica cannot be read.
    public func read(
        _ bytes: [UInt8],
        _ options: ImportOptions,
        into community: PublicKey,
        of replica: Replica
    ) async throws -> ImportReading {
        try await read(bytes, options).matchingStoredVacancies(in: replica, community: community)
    }

    /// Reads a file of this format: entry by entry, what it gives and what it skips and why.
    ///
    /// - Throws: ``FormatError`` naming the place at fault when the file is not of this format.
    public func read(_ bytes: [UInt8], _ options: ImportOptions) throws(FormatError) -> ImportReading {
        switch self {
        case .telegram: try ImportReading.telegram(bytes, options)
        case .calendar: try ImportReading.calendar(bytes, now: options.now)
        case .hh:
            ImportReading(items: try HHReader.jobs(in: bytes, withContacts: options.withContacts).map(ImportItem.init))
        }
    }
}

/// What an import reads besides the file: a Telegram export's channel, chat and hashtags, whether
/// to bring its event announcements, whether to bring hh.ru contacts, and the time a calendar's
/// series are measured from.
public struct ImportOptions: Sendable {
    /// The Telegram channel's username, for the links to its posts (the export does not hold it).
    public var channel: String
    /// The chat to read when a Telegram export holds several.
    public var chat: String?
    /// The hashtags that mark vacancy posts.
    public var tags: [String]
    /// Whether a Telegram export's event announcements are imported too.
    public var events: Bool
    /// Whether hh.ru vacancies bring their contact person (personal data).
    public var withContacts: Bool
    /// Now, in Unix milliseconds: a repeating event with an occurrence after it is kept alive.
    public var now: Int64

    /// Options; every one but `now` has the command line's default.
    public init(
        channel: String = "",
        chat: String? = nil,
        tags: [String] = TelegramReader.defaultTags,
        events: Bool = false,
        withContacts: Bool = false,
        now: Int64
    ) {
        self.channel = channel
        self.chat = chat
        self.tags = tags
        self.events = events
        self.withContacts = withContacts
        self.now = now
    }

    /// Whether a Telegram channel's username is one: letters, digits and `_` (`t.me/USERNAME`).
    public static func isChannelName(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
