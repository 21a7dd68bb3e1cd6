import ArtelCore
import ArtelFormats
import ArtelImports
import ArtelStore
import Foundation

/// How `artel import telegram` tells what it read: each post with its vacancies, the event it
/// announces (with `--events`) or the reason it was skipped, and the counts.
enum TelegramConsole {
    /// Prints every message of the report: its vacancies, one line each, the parts left out, the
    /// event it announces, or why it was skipped.
    static func printPosts(_ report: TelegramReader.Report, events: [ImportedRecord]?) {
        let announced = Announcements(events)
        for post in report.posts {
            if let event = announced[post.id] {
                Console.line("post \(post.id): 1 event")
                Console.line("  1. \(describeEvent(event))")
                continue
            }
            if let skipped = post.skipped {
                Console.line("post \(post.id): skipped: \(skipped)")
            } else {
                Console.line("post \(post.id): \(count(post.jobs.count, "vacancy", "vacancies"))")
            }
            for (number, job) in post.jobs.enumerated() { Console.line("  \(number + 1). \(describe(job))") }
            for note in post.notes { Console.line("  left out: \(note)") }
        }
    }

    /// `Read 12 posts: 5 vacancies from 3 posts, 1 event; 8 skipped (…).`; the events only when
    /// they were asked for.
    static func summary(_ report: TelegramReader.Report, events: [ImportedRecord]?) -> String {
        let announced = Announcements(events)
        let read = report.posts.filter { !$0.jobs.isEmpty }
        var reasons: [ImportReading.Skip: Int] = [:]
        for post in report.posts where announced[post.id] == nil {
            guard let skipped = post.skipped else { continue }
            reasons[ImportReading.Skip(reason: skipped), default: 0] += 1
        }
        let skipped = report.posts.count - read.count - announced.count
        let kinds = [
            (ImportReading.Skip.serviceMessage, "service message", "service messages"),
            (.noHashtag, "without a vacancy hashtag", nil), (.noVacancy, "with a hashtag but no vacancy", nil),
        ].compactMap { key, one, many in
            reasons[key].map { number in many.map { count(number, one, $0) } ?? "\(number) \(one)" }
        }
        var text =
            "Read \(count(report.posts.count, "message", "messages")): "
            + "\(count(report.jobs.count, "vacancy", "vacancies")) from \(count(read.count, "post", "posts"))"
        if let events { text += ", \(count(events.count, "event", "events"))" }
        text += "; \(skipped) skipped" + (kinds.isEmpty ? "" : " (\(kinds.joined(separator: ", ")))")
        let notes = report.posts.reduce(0) { $0 + $1.notes.count }
        if notes > 0 { text += "; \(count(notes, "part", "parts")) of vacancy posts left out (see --dry-run)" }
        return text + "."
    }

    /// What `--dry-run --json` prints: the counts, and each post with its vacancies' titles, the
    /// event it announces (with `--events`) or why it was skipped, and the parts left out.
    static func json(_ report: TelegramReader.Report, events: [ImportedRecord]?) -> JSON {
        func title(_ record: ImportedRecord) -> JSON { ImportItem(record).title.map(JSON.string) ?? .null }
        let announced = Announcements(events)
        var members: [(String, JSON)] = [
            ("messages", .number(Int64(report.posts.count))), ("vacancies", .number(Int64(report.jobs.count))),
            ("skipped", .number(Int64(report.posts.filter { $0.jobs.isEmpty && announced[$0.id] == nil }.count))),
        ]
        if let events { members.append(("events", .number(Int64(events.count)))) }
        members.append(("stored", .bool(false)))
        members.append(
            (
                "posts",
                .array(
                    report.posts.map { post in
                        let event = announced[post.id]
                        var fields: [(String, JSON)] = [
                            ("id", .number(post.id)), ("vacancies", .array(post.jobs.map(title))),
                        ]
                        if events != nil { fields.append(("event", event.map(title) ?? .null)) }
                        fields += [
                            ("skipped", event == nil ? post.skipped.map(JSON.string) ?? .null : .null),
                            ("left_out", .array(post.notes.map { JSON.string($0.description) })),
                        ]
                        return .object(fields)
                    }
                )
            )
        )
        return .object(members)
    }

    /// The announced events by the post each comes from.
    private struct Announcements {
        private let byLabel: [String: ImportedRecord]

        init(_ events: [ImportedRecord]?) {
            byLabel = Dictionary((events ?? []).map { ($0.label, $0) }) { first, _ in first }
        }

        var count: Int { byLabel.count }

        subscript(post: Int64) -> ImportedRecord? { byLabel[TelegramReader.announcementLabel(post: post)] }
    }

    /// `Митап комьюнити-менеджеров · 2026-12-17 19:00 Europe/Moscow`.
    private static func describeEvent(_ event: ImportedRecord) -> String {
        let schema = RecordKind.event.schema
        var title = "(untitled)"
        var start: Int64?
        var allDay = false
        var zone: TimeZone?
        for case .set(let field, let value) in event.operations {
            switch (schema.field(field)?.name, value) {
            case ("title", .string(let text)): title = text
            case ("start", .timestamp(let moment)): start = moment
            case ("all_day", .boolean(let flag)): allDay = flag
            case ("timezone", .string(let name)): zone = TimeZone(identifier: name)
            default: break
            }
        }
        return [title, start.map { Moments.text($0, dateOnly: allDay, zone: allDay ? nil : zone) }].compactMap { $0 }
            .joined(separator: " · ")
    }

    /// `3 vacancies`, `1 vacancy`.
    static func count(_ number: Int, _ one: String, _ many: String) -> String {
        "\(number) \(number == 1 ? one : many)"
    }

    /// `Комьюнити-менеджер — Skyeng · Москва · remote · 80000–120000 RUB/month gross · part_time`.
    private static func describe(_ job: ImportedRecord) -> String {
        let schema = RecordKind.job.schema
        var single: [String: Value] = [:]
        var sets: [String: [String]] = [:]
        for operation in job.operations {
            switch operation {
            case .set(let field, let value): single[schema.field(field)?.name ?? ""] = value
            case .add(let field, .string(let value)): sets[schema.field(field)?.name ?? "", default: []].append(value)
            default: break
            }
        }
        func string(_ name: String) -> String? { if case .string(let text)? = single[name] { text } else { nil } }
        func number(_ name: String) -> String? {
            if case .integer(let value)? = single[name] { "\(value)" } else { nil }
        }
        var parts = [[string("title"), string("employer")].compactMap { $0 }.joined(separator: " — ")]
        parts += [string("location.city"), string("work_mode")].compactMap { $0 }
        if number("salary_min") != nil || number("salary_max") != nil {
            var salary =
                switch (number("salary_min"), number("salary_max")) {
                case (let low?, let high?): "\(low)–\(high)"
                case (let low?, nil): "from \(low)"
                case (nil, let high?): "up to \(high)"
                case (nil, nil): ""
                }
            salary += " \(string("salary_currency") ?? "")/\(string("salary_period") ?? "")"
            if case .boolean(let gross)? = single["salary_gross"] { salary += gross ? " gross" : " net" }
            parts.append(salary)
        }
        parts += sets["employment"] ?? []
        if let url = string("apply_url") {
            parts.append(url)
        } else if let contact = string("contact") {
            parts.append(contact)
        }
        return parts.joined(separator: " · ")
    }
}
