public import ArtelCore
import Foundation

extension Vacancy {
    /// The job record of this vacancy: the `index`-th of post `post` of `channel`.
    ///
    /// The salary period is the one the post gives, or monthly, marked by
    /// ``TelegramReader/assumedPeriodTag``; `salary_gross` is set only when the post says
    /// `на руки` (false) or `gross`/`до вычета` (true). A salary that is no salary (a monthly
    /// amount outside 1 000 to 100 000 000, 100 for dollars and euros, or a range that goes down)
    /// is left out and noted in `leftOut`: one odd post does not keep a channel's other vacancies,
    /// or this one, out.
    func record(
        channel: String,
        post: Int64,
        index: Int,
        date: Int64?,
        hashtags: [String],
        place: String,
        leftOut: inout [LeftOutPart]
    ) -> ImportedRecord {
        let schema = RecordKind.job.schema
        func field(_ name: String) -> FieldID { schema[name].id }
        var operations: [ArtelCore.Operation] = [.set(field("title"), .string(title.singleLine.clipped(to: 200)))]
        func set(_ name: String, _ text: String?, limit: Int) {
            guard let text, !text.isEmpty else { return }
            operations.append(.set(field(name), .string(text.clipped(to: limit))))
        }
        func list(_ items: [String]) -> String { items.map { "— " + $0 }.joined(separator: "\n") }
        set("employer", employer?.singleLine, limit: 200)
        let conditionLines = conditions.isEmpty ? [] : ["Условия:", list(conditions)]
        set("description", (info + conditionLines).joined(separator: "\n"), limit: 20_000)
        set("duties", list(duties), limit: 10_000)
        set("requirements", list(requirements), limit: 10_000)
        var tags = Set(
            hashtags.map { String($0.dropFirst()).trimmingCharacters(in: .punctuationCharacters) }.filter {
                !$0.isEmpty
            }
        )
        if let salary, let line = salaryLine {
            let period = salary.period ?? "month"
            let lowest: Int64 = period != "month" ? 1 : salary.currency == "RUB" ? 1_000 : 100
            let allowed = lowest...100_000_000
            let amounts = [salary.minimum, salary.maximum].compactMap { $0 }
            if amounts.contains(where: { !allowed.contains($0) }) {
                leftOut.append(.salaryOutOfRange(line: line.clipped(to: 60)))
            } else if let low = salary.minimum, let high = salary.maximum, low > high {
                leftOut.append(.salaryGoesDown(line: line.clipped(to: 60)))
            } else {
                if let low = salary.minimum { operations.append(.set(field("salary_min"), .integer(low))) }
                if let high = salary.maximum { operations.append(.set(field("salary_max"), .integer(high))) }
                set("salary_currency", salary.currency, limit: 3)
                set("salary_period", period, limit: 10)
                if salary.period == nil { tags.insert(TelegramReader.assumedPeriodTag) }
                if let gross = salary.gross { operations.append(.set(field("salary_gross"), .boolean(gross))) }
            }
        }
        for kind in employment { operations.append(.add(field("employment"), .string(kind))) }
        set("work_mode", workMode, limit: 10)
        set("location.city", city?.singleLine, limit: 100)
        for tag in tags.sorted() { operations.append(.add(field("tags"), .string(tag.clipped(to: 64)))) }
        if let url = applyURL, url.hasPrefix("http://") || url.hasPrefix("https://") {
            set("apply_url", url, limit: 2_000)
        }
        set("contact", contacts.joined(separator: ", ").singleLine, limit: 300)
        if let date { operations.append(.set(field("date_posted"), .timestamp(date))) }
        // The post, not the vacancy's place in it: a place moves when the post is edited, and the
        // vacancy is the same (``TelegramReader/vacancyRecord(channel:post:place:)``).
        let source = "telegram:\(channel)/\(post) https://t.me/\(channel)/\(post)"
        operations.append(.add(field("sources"), .string(source.clipped(to: 500))))
        return ImportedRecord(
            kind: .job,
            record: TelegramReader.vacancyRecord(channel: channel, post: post, place: index),
            operations: operations,
            controlled: TelegramReader.importedFields,
            label: place
        )
    }
}

extension TelegramReader {
    /// The record of the vacancy at `place` (from 0) among the vacancies of post `post` of
    /// `channel`: the same at every import of the channel's exports. An import matches a post's
    /// vacancies to the records it already stored from that post before it takes these
    /// (`ImportReading.matchingStoredVacancies`), so that a vacancy whose place moved keeps its own.
    public static func vacancyRecord(channel: String, post: Int64, place: Int) -> RecordID {
        RecordID.derived(label: "artel/import/telegram/v1", from: Array("\(channel)/\(post)#\(place)".utf8))
    }
}
