public import ArtelCore
import Foundation

/// Reads the vacancy posts of a Telegram channel export (`result.json` from Telegram Desktop, a
/// single chat or a whole account) as jobs, and tells for every message what became of it.
///
/// A post is a vacancy post when it carries one of the vacancy hashtags (``defaultTags`` unless
/// others are given). It holds one vacancy or several, split at separator lines (`___`, `➖➖➖`,
/// `〰️`, `———`, `***`) and at title lines: a line that names a job (`менеджер`, `координатор`,
/// `модератор`, `стажёр`, `lead`…) and is numbered (`1️⃣`, `1.`, `1)`), behind an emoji (`🔹`, `📌`,
/// `▪️`, `▶️`), all bold, first after a blank line, or labelled `Должность:`. Each vacancy is read by
/// its labels (`Компания:`, `Город:`, `Формат:`, `Занятость:`, `ЗП:`, `Обязанности:`, `Требования:`,
/// `Условия:`, `Контакты:`, `Откликнуться:`) and by place: the title line's first clause is the
/// title, as written; the company comes from its label, a line `Компания — …` or `Компания ищет …`,
/// «…» or `в Компания` on the title line; city, work mode and employment from any line but duties
/// and requirements; the salary from its label, else the first line marked as pay (`💰`, `оклад`,
/// `вилка`…) with an amount of money, else the first line with one (a count such as
/// `22к участников` is none), with `на руки` as take-home (`salary_gross` false) and
/// `gross`/`до вычета` as gross; contacts are `@usernames`, e-mails and links on a contacts line;
/// the apply link is a link on the apply line, else one on "здесь"/"подробнее", else the vacancy's
/// first other link. Crossed-out text is not read: it is what the post no longer offers
/// (`ЗП: ~~70 000 ₽~~ 90 000 ₽`).
///
/// Nothing is merged and nothing is dropped silently: a part that names a job but gives nothing
/// else, or text with vacancy labels but no title, is named in its post's report with the reason.
public enum TelegramReader: Sendable {
    private static let schema = RecordKind.job.schema
    private static func field(_ name: String) -> FieldID { schema[name].id }

    /// The hashtags that mark vacancy posts unless others are given: the seed channel's rubric and
    /// the two that most channels use.
    public static let defaultTags = ["#комьюнити_вакансия", "#вакансия", "#вакансии"]

    /// The tag that marks a salary whose period the post did not give, read as monthly.
    public static let assumedPeriodTag = "зп_в_месяц_предположительно"

    /// The fields a Telegram import owns.
    public static let importedFields: Set<FieldID> = Set(
        [
            "title", "employer", "description", "duties", "requirements", "salary_min", "salary_max", "salary_currency",
            "salary_period", "salary_gross", "employment", "work_mode", "location.city", "tags", "apply_url",
            "contact", "date_posted", "sources",
        ].map(field)
    )

    /// What became of one message of the export.
    public struct PostReport: Sendable, Equatable {
        /// The message id: the post is `https://t.me/CHANNEL/ID`.
        public let id: Int64
        /// The jobs read from it, in the post's order.
        public let jobs: [ImportedRecord]
        /// Why the post gave no job; `nil` when it gave one or more.
        public let skipped: String?
        /// Parts of a vacancy post that were left out, each with its reason.
        public let notes: [LeftOutPart]
    }

    /// What an export holds: a report for every message, in the export's order.
    public struct Report: Sendable, Equatable {
        /// The channel's username the report was read for: its posts' vacancy records are derived
        /// from it (``vacancyRecord(channel:post:place:)``).
        public let channel: String
        /// The messages, service messages included.
        public let posts: [PostReport]
        /// Every job read, post by post.
        public var jobs: [ImportedRecord] { posts.flatMap(\.jobs) }
    }

    /// Reads an export's vacancy posts.
    ///
    /// - Parameters:
    ///   - bytes: the `result.json`.
    ///   - channel: the channel's username, for `t.me` links (the export does not hold it).
    ///   - chat: the chat to read, by name, when the export holds several.
    ///   - tags: the hashtags that mark vacancy posts, compared without case.
    /// - Returns: what became of every message.
    /// - Throws: ``FormatError`` naming the post (and the vacancy) at fault when the file is no
    ///   export, a post's text is broken, or a salary is impossible.
    public static func read(
        _ bytes: [UInt8],
        channel: String,
        chat: String? = nil,
        tags: [String] = defaultTags
    ) throws(FormatError) -> Report {
        let wanted = Set(tags.map { $0.lowercased() })
        // Posts are read on every core.
        let posts = try messages(in: bytes, chat: chat)
        let reports = ParallelMap.map(posts, minimum: 500) {
            _,
            message -> PostReport in
            switch message {
            case .service(let id, let action):
                return PostReport(id: id, jobs: [], skipped: "service message (\(action))", notes: [])
            case .post(let post):
                let hashtags = post.hashtags.map(normalized)
                guard hashtags.contains(where: wanted.contains) else {
                    let reason = "no vacancy hashtag (\(tags.joined(separator: ", ")))"
                    return PostReport(id: post.id, jobs: [], skipped: reason, notes: [])
                }
                return report(post, hashtags: hashtags, channel: channel)
            }
        }
        return Report(channel: channel, posts: reports)
    }

    /// The jobs of an export: ``read(_:channel:chat:tags:)`` without the report.
    public static func jobs(
        in bytes: [UInt8],
        channel: String,
        chat: String? = nil,
        tags: [String] = defaultTags
    ) throws(FormatError) -> [ImportedRecord] {
        try read(bytes, channel: channel, chat: chat, tags: tags).jobs
    }

    /// A hashtag as compared: lowercased, without trailing punctuation.
    static func normalized(_ hashtag: String) -> String {
        hashtag.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".,;:!?»)\"'"))
    }

    /// The vacancies of a post with a vacancy hashtag, and what was left out.
    private static func report(
        _ post: TelegramPost,
        hashtags: [String],
        channel: String
    ) -> PostReport {
        let parts = PostSplitter.split(post.lines)
        var jobs: [ImportedRecord] = []
        var notes: [LeftOutPart] = []
        for lines in parts.vacancies {
            let vacancy = Vacancy(lines)
            guard vacancy.hasSubstance else {
                notes.append(.noSubstance(title: vacancy.title.clipped(to: 60)))
                continue
            }
            let place = "post \(post.id), vacancy \(jobs.count + 1)"
            jobs.append(
                vacancy.record(
                    channel: channel,
                    post: post.id,
                    index: jobs.count,
                    date: post.date,
                    hashtags: hashtags,
                    place: place,
                    leftOut: &notes
                )
            )
        }
        for lines in parts.leftovers where Vacancy.looksLikeVacancy(lines) {
            let start = lines.first { !$0.isBlank }.map(\.content) ?? ""
            notes.append(.noTitle(start: start.clipped(to: 50)))
        }
        let skipped =
            jobs.isEmpty
            ? "has a vacancy hashtag, but no line names a job with duties, requirements, salary, contact or link"
            : nil
        return PostReport(id: post.id, jobs: jobs, skipped: skipped, notes: notes)
    }
}
