public import ArtelCore
import Foundation

/// Reads the vacancy digests of a Telegram channel export (`result.json` from Telegram Desktop, a
/// single chat or a whole account) as jobs: a post with the digest's hashtag holds one or more
/// vacancies, separated by lines of underscores or wavy dashes, each with its title, company,
/// "Что нужно делать" and "Какие требования" lists, salary ("от 50,000 руб", "до 120 000 ₽",
/// "50–70 тыс.", monthly unless said, the assumption marked by a tag), part-time and remote notes,
/// and its "Откликнуться" link. Service messages and posts without vacancies are skipped.
public enum TelegramReader: Sendable {
    private static let schema = RecordKind.job.schema
    private static func field(_ name: String) -> FieldID { schema[name].id }

    /// The tag that marks a salary whose period the post did not give, read as monthly.
    public static let assumedPeriodTag = "зп_в_месяц_предположительно"

    /// The fields a Telegram import owns.
    public static let importedFields: Set<FieldID> = Set(
        [
            "title", "employer", "description", "duties", "requirements", "salary_min", "salary_max", "salary_currency",
            "salary_period", "employment", "work_mode", "tags", "apply_url", "date_posted", "sources",
        ].map(field)
    )

    /// The jobs of an export.
    ///
    /// - Parameters:
    ///   - channel: the channel's username, for `t.me` links (the export does not hold it).
    ///   - chat: the chat to read, by name, when the export holds several.
    ///   - tag: the hashtag that marks vacancy posts.
    /// - Throws: ``FormatError`` naming the post and the vacancy at fault.
    public static func jobs(
        in bytes: [UInt8],
        channel: String,
        chat: String? = nil,
        tag: String = "#комьюнити_вакансия"
    ) throws(FormatError) -> [ImportedRecord] {
        var jobs: [ImportedRecord] = []
        for (id, post) in try posts(in: bytes, chat: chat) {
            guard post.text.lowercased().contains(tag.lowercased()) else { continue }
            jobs += try post.vacancies(channel: channel, id: id)
        }
        return jobs
    }

    /// The event announcements of an export: posts that invite to register and give a date
    /// ("12 сентября в 19:00", "12.09.2026"), as events on that day (all day when no time is given;
    /// times are Moscow time unless they say UTC). Vacancy digests are left to ``jobs(in:channel:chat:tag:)``.
    public static func events(
        in bytes: [UInt8],
        channel: String,
        chat: String? = nil,
        vacancyTag: String = "#комьюнити_вакансия"
    ) throws(FormatError) -> [ImportedRecord] {
        var events: [ImportedRecord] = []
        for (id, post) in try posts(in: bytes, chat: chat) {
            let lowered = post.text.lowercased()
            guard lowered.contains("регистрац"), !lowered.contains(vacancyTag.lowercased()),
                let date = post.date, let start = RussianDates.first(in: post.text, after: date)
            else { continue }
            let lines = post.text.split(separator: "\n").map { Vacancy.stripMarks($0) }.filter { !$0.isEmpty }
            guard let title = lines.first else { continue }
            var event = CalendarEvent(
                uid: "telegram:\(channel)/\(id)",
                summary: title,
                start: start.start,
                allDay: !start.hasTime
            )
            event.end = start.hasTime ? nil : start.start + 86_400_000
            event.description = lines.dropFirst().joined(separator: "\n").nonEmpty
            event.timeZone = "Europe/Moscow"
            let registration = post.links.first {
                $0.text.lowercased().contains("ссылк") || $0.text.lowercased().contains("здесь")
                    || $0.text.lowercased().contains("регистрац")
            }
            event.url = (registration ?? post.links.first)?.url
            event.status = "scheduled"
            events.append(
                ImportedRecord(
                    kind: .event,
                    record: event.recordID,
                    operations: event.operations,
                    controlled: CalendarEvent.importedFields,
                    label: "post \(id)"
                )
            )
        }
        return events
    }

    /// The posts of the chosen chat, with their ids; service messages left out.
    private static func posts(in bytes: [UInt8], chat: String?) throws(FormatError) -> [(id: Int64, post: Post)] {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw FormatError("the file", "is not JSON (\(error.localizedDescription))")
        }
        var posts: [(id: Int64, post: Post)] = []
        for (index, message) in try messages(in: root, chat: chat).enumerated() {
            guard message["type"] as? String == "message" else { continue }
            guard let id = (message["id"] as? NSNumber)?.int64Value else {
                throw FormatError("message \(index + 1)", "has no numeric id")
            }
            posts.append((id, try Post(message, place: "post \(id)")))
        }
        return posts
    }

    /// The messages of the chosen chat.
    private static func messages(in root: Any, chat: String?) throws(FormatError) -> [[String: Any]] {
        guard let object = root as? [String: Any] else {
            throw FormatError("the file", "is not a Telegram export (an object with messages or chats)")
        }
        if let messages = object["messages"] as? [[String: Any]] { return messages }
        guard let list = (object["chats"] as? [String: Any])?["list"] as? [[String: Any]] else {
            throw FormatError("the file", "is not a Telegram export: it has neither messages nor chats.list")
        }
        let chosen =
            chat.map { name in list.filter { $0["name"] as? String == name } }
            ?? list.filter { ($0["type"] as? String)?.hasSuffix("channel") == true }
        guard chosen.count == 1, let messages = chosen[0]["messages"] as? [[String: Any]] else {
            let names = list.compactMap { $0["name"] as? String }.prefix(20).joined(separator: ", ")
            throw FormatError(
                "the file",
                chosen.isEmpty
                    ? "holds no chat \(chat.map { "named \"\($0)\"" } ?? "that is a channel"); it holds: \(names)"
                    : "holds \(chosen.count) channels; choose one with --chat: \(names)"
            )
        }
        return messages
    }
}

/// One message: its text, its links with their positions, its time.
private struct Post {
    var text = ""
    /// Links by the offset (in characters) where their text starts, with the text they are on.
    var links: [(offset: Int, text: String, url: String)] = []
    var date: Int64?
    let place: String

    init(_ message: [String: Any], place: String) throws(FormatError) {
        self.place = place
        if let text = message["text"] as? String {
            append(text)
        } else if let parts = message["text"] as? [Any] {
            for part in parts {
                if let plain = part as? String {
                    append(plain)
                } else if let entity = part as? [String: Any], let text = entity["text"] as? String {
                    let offset = self.text.count
                    switch entity["type"] as? String {
                    case "text_link": if let href = entity["href"] as? String { links.append((offset, text, href)) }
                    case "link": links.append((offset, text, text))
                    default: break
                    }
                    append(text)
                }
            }
        } else {
            throw FormatError(place, "text is neither a string nor a list of parts")
        }
        let unix =
            (message["date_unixtime"] as? String).flatMap(Int64.init)
            ?? (message["date_unixtime"] as? NSNumber)?.int64Value
        date = unix.map { $0 * 1_000 }
    }

    private mutating func append(_ part: String) { text += part }

    /// Lines that separate vacancies within a post: underscores, or wavy dashes.
    static func isSeparator(_ line: Substring) -> Bool {
        let marks = line.filter { !$0.isWhitespace }
        return (marks.count >= 3 && marks.allSatisfy { $0 == "_" })
            || (!marks.isEmpty && marks.allSatisfy { $0.unicodeScalars.first == "〰" })
    }

    func vacancies(channel: String, id: Int64) throws(FormatError) -> [ImportedRecord] {
        var blocks: [(lines: [Substring], start: Int)] = [([], 0)]
        var offset = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if Self.isSeparator(line) {
                blocks.append(([], offset + line.count + 1))
            } else {
                blocks[blocks.count - 1].lines.append(line)
            }
            offset += line.count + 1
        }
        let hashtags = Set(
            text.split(whereSeparator: { $0.isWhitespace || $0 == "," }).filter { $0.hasPrefix("#") && $0.count > 1 }
                .map { String($0.dropFirst()).trimmingCharacters(in: .punctuationCharacters) }.filter { !$0.isEmpty }
        )
        var jobs: [ImportedRecord] = []
        for (number, block) in blocks.enumerated() {
            let end = number + 1 < blocks.count ? blocks[number + 1].start : text.count + 1
            let links = self.links.filter { $0.offset >= block.start && $0.offset < end }
            guard var vacancy = Vacancy(block.lines, links: links) else { continue }
            vacancy.tags = hashtags
            let place = "\(place), vacancy \(jobs.count + 1)"
            jobs.append(try vacancy.record(channel: channel, post: id, index: jobs.count, date: date, place: place))
        }
        return jobs
    }
}

/// One vacancy of a post, read from its lines.
private struct Vacancy {
    var title: String
    var company: String?
    var employer: String?
    var duties: [String] = []
    var requirements: [String] = []
    var salaryLine: String?
    var notes: [String] = []
    var applyURL: String?
    var tags: Set<String> = []

    private enum Section { case intro, duties, requirements, other }

    /// `nil` for text that is no vacancy: a vacancy has duties, requirements or an apply line.
    init?(_ lines: [Substring], links: [(offset: Int, text: String, url: String)]) {
        var section = Section.intro
        var intro: [String] = []
        /// Where the title is: the first intro line a channel marks with an arrow or emoji.
        var titleIndex: Int?
        var applyLine = false
        for raw in lines {
            let line = Self.stripMarks(raw)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            if section == .intro && titleIndex == nil && line.count < raw.trimmingCharacters(in: .whitespaces).count {
                titleIndex = intro.count
            }
            let lowered = line.lowercased()
            if lowered.hasPrefix("что нужно делать") || lowered.hasPrefix("обязанности") || lowered.hasPrefix("задачи")
            {
                section = .duties
            } else if lowered.hasPrefix("какие требования") || lowered.hasPrefix("требования")
                || lowered.hasPrefix("мы ждём")
                || lowered.hasPrefix("мы ждем")
            {
                section = .requirements
            } else if lowered.hasPrefix("зп") || lowered.hasPrefix("зарплата") || lowered.hasPrefix("оплата") {
                salaryLine = line
                notes.append(line)
                section = .other
            } else if lowered.hasPrefix("откликнуться") || lowered.hasPrefix("отклик") {
                applyLine = true
                section = .other
            } else if line.hasPrefix("— ") || line.hasPrefix("- ") || line.hasPrefix("• ") {
                let item = String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces)
                switch section {
                case .duties: duties.append(item)
                case .requirements: requirements.append(item)
                case .intro: intro.append(item)
                case .other: notes.append(item)
                }
            } else {
                switch section {
                case .intro: intro.append(line)
                default: notes.append(line)
                }
            }
        }
        // Lines above the marked title are the post's own header ("Дайджест вакансий…").
        let start = titleIndex ?? 0
        guard !duties.isEmpty || !requirements.isEmpty || applyLine, start < intro.count else { return nil }
        let first = intro[start]
        title = first
        company = intro.count > start + 1 ? intro[(start + 1)...].joined(separator: "\n") : nil
        let companyLine = company ?? first
        if let dash = companyLine.range(of: " — "),
            companyLine.distance(from: companyLine.startIndex, to: dash.lowerBound) <= 80
        {
            employer = String(companyLine[..<dash.lowerBound])
        } else if let seeks = companyLine.range(of: " ищет "),
            companyLine.distance(from: companyLine.startIndex, to: seeks.lowerBound) <= 80
        {
            employer = String(companyLine[..<seeks.lowerBound])
        }
        let preferred = links.first {
            ["здесь", "откликнуться", "тут", "ссылке"].contains(
                $0.text.lowercased().trimmingCharacters(in: .punctuationCharacters)
            )
        }
        applyURL = (preferred ?? links.first)?.url
    }

    /// A line without the emoji and arrows that channels put before headings and titles.
    static func stripMarks(_ line: Substring) -> String {
        let trimmed = line.drop { character in
            character.isWhitespace
                || character.unicodeScalars.allSatisfy { scalar in
                    scalar.properties.isEmojiPresentation || scalar.properties.isEmoji && scalar.value > 0x2000
                        || scalar.value == 0xFE0F || scalar.value == 0x200D
                        || "▶►➡→◽▫🔵🟡🟣🔜✔".unicodeScalars.contains(scalar)
                }
        }
        return String(trimmed).trimmingCharacters(in: .whitespaces)
    }

    func record(
        channel: String,
        post: Int64,
        index: Int,
        date: Int64?,
        place: String
    ) throws(FormatError) -> ImportedRecord {
        let schema = RecordKind.job.schema
        func field(_ name: String) -> FieldID { schema[name].id }
        var operations: [ArtelCore.Operation] = [.set(field("title"), .string(title.singleLine.clipped(to: 200)))]
        func set(_ name: String, _ text: String?, limit: Int) {
            guard let text, !text.isEmpty else { return }
            operations.append(.set(field(name), .string(text.clipped(to: limit))))
        }
        set("employer", employer?.singleLine, limit: 200)
        set("description", ([company].compactMap { $0 } + notes).joined(separator: "\n"), limit: 20_000)
        set("duties", duties.map { "— " + $0 }.joined(separator: "\n"), limit: 10_000)
        set("requirements", requirements.map { "— " + $0 }.joined(separator: "\n"), limit: 10_000)
        var tags = tags
        let whole = ([title, company ?? ""] + notes).joined(separator: " ").lowercased()
        if let line = salaryLine, let salary = SalaryText.parse(line) {
            for (name, value) in [("salary_min", salary.minimum), ("salary_max", salary.maximum)] {
                guard let value else { continue }
                guard (1_000...100_000_000).contains(value) else {
                    throw FormatError(
                        place,
                        "salary \(value) in \"\(line.prefix(60))\" is not a monthly salary (1 000 to 100 000 000)"
                    )
                }
                operations.append(.set(field(name), .integer(value)))
            }
            if let low = salary.minimum, let high = salary.maximum, low > high {
                throw FormatError(place, "salary \"\(line.prefix(60))\" goes from \(low) down to \(high)")
            }
            set("salary_currency", salary.currency, limit: 3)
            let lowered = line.lowercased()
            let period =
                lowered.contains("в час")
                ? "hour"
                : lowered.contains("в день") || lowered.contains("смен")
                    ? "day"
                    : lowered.contains("в год") ? "year" : lowered.contains("за проект") ? "project" : "month"
            set("salary_period", period, limit: 10)
            if period == "month" && !lowered.contains("в месяц") && !lowered.contains("/мес") {
                tags.insert(TelegramReader.assumedPeriodTag)
            }
        }
        if whole.contains("частичн") || whole.contains("парт-тайм") || whole.contains("part-time")
            || whole.contains("неполн")
        {
            operations.append(.add(field("employment"), .string("part_time")))
        }
        let mode =
            whole.contains("гибрид")
            ? "hybrid"
            : whole.contains("удалённ") || whole.contains("удаленн") || whole.contains("remote") ? "remote" : nil
        set("work_mode", mode, limit: 10)
        for tag in tags.sorted() { operations.append(.add(field("tags"), .string(tag.clipped(to: 64)))) }
        if let url = applyURL, url.hasPrefix("http://") || url.hasPrefix("https://") {
            set("apply_url", url, limit: 2_000)
        }
        if let date { operations.append(.set(field("date_posted"), .timestamp(date))) }
        let source = "telegram:\(channel)/\(post)#\(index + 1) https://t.me/\(channel)/\(post)"
        operations.append(.add(field("sources"), .string(source.clipped(to: 500))))
        return ImportedRecord(
            kind: .job,
            record: RecordID.derived(
                label: "artel/import/telegram/v1",
                from: Array("\(channel)/\(post)#\(index)".utf8)
            ),
            operations: operations,
            controlled: TelegramReader.importedFields,
            label: place
        )
    }
}
