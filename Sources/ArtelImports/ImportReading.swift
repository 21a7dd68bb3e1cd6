public import ArtelCore
public import ArtelFormats
public import ArtelStore

/// What a file holds for an import, entry by entry in the file's order (a Telegram message, a
/// calendar event, an hh.ru vacancy): the records each gives, or why it gives none. The command
/// line's `--dry-run` and the site's dry run show it; the import stores ``items``.
public struct ImportReading: Sendable {
    /// Why an entry gives no record.
    public enum Skip: String, Sendable {
        /// A Telegram service message (a pin, a join…).
        case serviceMessage = "service"
        /// A post without a vacancy hashtag.
        case noHashtag = "no hashtag"
        /// A post with a vacancy hashtag in which no vacancy could be read.
        case noVacancy = "no vacancy"
        /// A calendar's VEVENT that gives no event; its note says why (``LeftOutPart/event(_:)``).
        case unreadableEvent = "unreadable event"

        /// The kind of a reason ``TelegramReader`` gives.
        public init(reason: String) {
            self =
                reason.hasPrefix("service") ? .serviceMessage : reason.hasPrefix("no vacancy") ? .noHashtag : .noVacancy
        }
    }

    /// One entry of the file.
    public struct Entry: Sendable {
        /// What the file calls it: a message id, an event's UID, a record's label.
        public let source: String
        /// The records it gives, in order.
        public let items: [ImportItem]
        /// Why it gives none; `nil` when it gives some.
        public let skip: Skip?
        /// Parts of it that were left out, each with its reason.
        public let notes: [LeftOutPart]
        /// The Telegram post it is, whose vacancies' records are derived from their places in it
        /// (``TelegramReader/vacancyRecord(channel:post:place:)``); `nil` for other entries.
        public let post: TelegramPostID?
        /// The vacancies stored from this post that it no longer has: their jobs stay as they are
        /// (``ImportReading/matchingStoredVacancies(in:community:)``).
        public let noLongerInPost: [StoredVacancy]

        /// An entry.
        public init(
            source: String,
            items: [ImportItem],
            skip: Skip? = nil,
            notes: [LeftOutPart] = [],
            post: TelegramPostID? = nil,
            noLongerInPost: [StoredVacancy] = []
        ) {
            self.source = source
            self.items = items
            self.skip = skip
            self.notes = notes
            self.post = post
            self.noLongerInPost = noLongerInPost
        }
    }

    /// A vacancy's job stored from a Telegram post.
    public struct StoredVacancy: Sendable, Equatable {
        /// The job.
        public let record: RecordID
        /// Its title.
        public let title: String
    }

    /// A post of a Telegram channel.
    public struct TelegramPostID: Sendable, Hashable {
        /// The channel's username.
        public let channel: String
        /// The message id.
        public let id: Int64
    }

    /// The entries, in the file's order.
    public let entries: [Entry]

    /// What the import stores: every record given, once; when a record is given twice, its last
    /// appearance counts.
    public var items: [ImportItem] {
        var seen: Set<RecordID> = []
        return Array(entries.flatMap(\.items).reversed().filter { seen.insert($0.record).inserted }.reversed())
    }

    /// A reading whose entries are given.
    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// A reading of a format whose every entry is one record.
    public init(items: [ImportItem]) {
        self.entries = items.map { Entry(source: $0.label, items: [$0]) }
    }

    /// A Telegram export: every message with its vacancies or why it was skipped
    /// (``TelegramReader/read(_:channel:chat:tags:)``), then its event announcements when asked.
    static func telegram(_ bytes: [UInt8], _ options: ImportOptions) throws(FormatError) -> ImportReading {
        let report = try TelegramReader.read(bytes, channel: options.channel, chat: options.chat, tags: options.tags)
        let events =
            options.events
            ? try TelegramReader.events(
                in: bytes,
                channel: options.channel,
                chat: options.chat,
                vacancyTags: options.tags
            )
            : []
        return ImportReading(telegram: report, events: events)
    }

    /// The reading of a Telegram export's report and event announcements: every message with its
    /// vacancies or the event it announces, or why it was skipped.
    public init(telegram report: TelegramReader.Report, events: [ImportedRecord]) {
        let announced = Dictionary(events.map { ($0.label, $0) }) { first, _ in first }
        self.init(
            entries: report.posts.map { post in
                let event = announced[TelegramReader.announcementLabel(post: post.id)]
                return Entry(
                    source: "\(post.id)",
                    items: post.jobs.map(ImportItem.init) + (event.map { [ImportItem($0)] } ?? []),
                    skip: event == nil ? post.skipped.map(Skip.init(reason:)) : nil,
                    notes: post.notes,
                    post: TelegramPostID(channel: report.channel, id: post.id)
                )
            }
        )
    }

    /// A calendar's events, then the VEVENTs that give none, each with why. The same UID twice:
    /// the version with the highest SEQUENCE, then the later one, counts. A repeating event with an
    /// occurrence after `now` is kept alive (``ImportItem/keepsAlive``).
    static func calendar(_ bytes: [UInt8], now: Int64) throws(FormatError) -> ImportReading {
        let calendar = try ICalendarReader.read(bytes)
        var latest: [RecordID: CalendarEvent] = [:]
        var order: [RecordID] = []
        for event in calendar.events {
            let id = event.recordID
            if let kept = latest[id], (kept.sequence ?? 0) > (event.sequence ?? 0) { continue }
            if latest.updateValue(event, forKey: id) == nil { order.append(id) }
        }
        let events = order.compactMap { latest[$0] }.map { event in
            ImportItem(
                kind: .event,
                record: event.recordID,
                operations: event.operations,
                controlled: CalendarEvent.importedFields,
                // Outlook's UIDs differ at their end: a long one keeps both ends.
                label: "event "
                    + (event.uid.count <= 60 ? event.uid : event.uid.prefix(29) + "…" + event.uid.suffix(30)),
                keepsAlive: event.hasOccurrence(after: now)
            )
        }
        let skipped = calendar.skipped.map {
            Entry(source: "line \($0.line)", items: [], skip: .unreadableEvent, notes: [.event($0)])
        }
        return ImportReading(entries: events.map { Entry(source: $0.label, items: [$0]) } + skipped)
    }
}
