import ArtelCore
import Foundation

extension TelegramReader {
    /// The event announcements of an export: posts that invite to register and give a date
    /// ("12 сентября в 19:00", "12.09.2026"), as events on that day (all day when no time is given;
    /// times are Moscow time unless they say UTC). Vacancy posts are left to ``read(_:channel:chat:tags:)``.
    ///
    /// - Parameters:
    ///   - channel: the channel's username, for the events' ids.
    ///   - chat: the chat to read, by name, when the export holds several.
    ///   - vacancyTags: the hashtags of vacancy posts, which are never events.
    /// - Throws: ``FormatError`` when the file is no export or a post's text is broken.
    public static func events(
        in bytes: [UInt8],
        channel: String,
        chat: String? = nil,
        vacancyTags: [String] = defaultTags
    ) throws(FormatError) -> [ImportedRecord] {
        let vacancyTags = Set(vacancyTags.map { $0.lowercased() })
        var events: [ImportedRecord] = []
        for case .post(let post) in try messages(in: bytes, chat: chat) {
            let text = post.text
            guard text.lowercased().contains("регистрац"),
                !post.hashtags.map(normalized).contains(where: vacancyTags.contains),
                let date = post.date, let start = RussianDates.first(in: text, after: date)
            else { continue }
            let lines = post.lines.map { String($0.text.drop { $0.isWhitespace || LineMark.isMark($0) }) }
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard let title = lines.first else { continue }
            var event = CalendarEvent(
                uid: "telegram:\(channel)/\(post.id)",
                summary: title,
                start: start.start,
                allDay: !start.hasTime
            )
            event.end = start.hasTime ? nil : start.start + 86_400_000
            event.description = lines.dropFirst().joined(separator: "\n").nonEmpty
            event.timeZone = "Europe/Moscow"
            let links = post.lines.flatMap(\.links)
            let registration = links.first {
                ["ссылк", "здесь", "регистрац"].contains(where: $0.text.lowercased().contains)
            }
            event.url = (registration ?? links.first)?.url
            event.status = "scheduled"
            events.append(
                ImportedRecord(
                    kind: .event,
                    record: event.recordID,
                    operations: event.operations,
                    controlled: CalendarEvent.importedFields,
                    label: announcementLabel(post: post.id)
                )
            )
        }
        return events
    }

    /// The label of the event a post announces (`post 507`): by it the dry runs tell the post an
    /// event comes from.
    public static func announcementLabel(post id: Int64) -> String { "post \(id)" }
}
