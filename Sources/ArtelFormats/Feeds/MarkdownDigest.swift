import Foundation

/// Jobs as a vacancy digest in the style of the community channels (one block per vacancy:
/// company, what to do, requirements, salary, part-time, apply link), ready to paste into Telegram
/// or Slack.
public enum MarkdownDigest: Sendable {
    /// The digest of some jobs; `tag` opens it, as the channels do (`#комьюнити_вакансия`).
    public static func render(_ jobs: [JobListing], title: String? = nil, tag: String = "#комьюнити_вакансия") -> String
    {
        render(entries: jobs.map { DigestEntry(job: $0, alsoListed: []) }, title: title, tag: tag)
    }

    /// The digest of composed entries, each saying where else its vacancy was listed.
    ///
    /// - Parameter tag: the community's hashtag (``DigestHashtag``), or `nil` to open with the
    ///   title alone.
    public static func render(
        entries: [DigestEntry],
        title: String? = nil,
        tag: String? = "#комьюнити_вакансия"
    ) -> String {
        var blocks: [String] = []
        let header = [tag, title.map(escape)].compactMap { $0 }.joined(separator: " — ")
        if !header.isEmpty { blocks.append(header) }
        for entry in entries {
            let job = entry.job
            var lines: [String] = []
            lines.append(job.employer.map { "**\(escape($0))** — \(escape(job.title))" } ?? "**\(escape(job.title))**")
            if let description = job.description, job.duties == nil { lines.append(escape(description)) }
            if let duties = job.duties { lines += ["", "Что нужно делать:"] + bullets(duties) }
            if let requirements = job.requirements { lines += ["", "Какие требования:"] + bullets(requirements) }
            var facts: [String] = []
            if let salary = DigestWording.salary(job) { facts.append("💰 " + salary) }
            if job.employment.contains("part_time") { facts.append("⏰ частичная занятость") }
            if let mode = DigestWording.workMode(job.workMode) {
                facts.append((job.workMode == "onsite" ? "🏢 " : "🏠 ") + mode)
            }
            if let city = job.city, job.workMode != "remote" { facts.append("📍 " + escape(city)) }
            let employment = DigestWording.employment(job.employment.filter { $0 != "part_time" })
            if !employment.isEmpty { facts.append("📄 " + employment.joined(separator: ", ")) }
            if !facts.isEmpty { lines += [""] + facts }
            if let url = job.applyURL { lines.append("Откликнуться: [здесь](\(url))") }
            if !entry.elsewhere.isEmpty {
                lines.append("Также опубликовано: " + entry.elsewhere.map(escape).joined(separator: ", "))
            }
            blocks.append(lines.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n_________________\n") + "\n"
    }

    /// Text as "— " lines, one per item.
    static func bullets(_ text: String) -> [String] {
        items(text).map { "— " + escape($0) }
    }

    /// The items of a list written as lines or separated by semicolons.
    package static func items(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "\n" || $0 == ";" })
            .map { $0.trimmingCharacters(in: .whitespaces).trimmingPrefix("— ").trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// "от 50 000 ₽ в месяц", as the channels write it.
    static func rubles(_ job: JobListing) -> String? {
        guard job.salaryMin != nil || job.salaryMax != nil else { return nil }
        let currency = job.salaryCurrency == "RUB" || job.salaryCurrency == nil ? "₽" : job.salaryCurrency!
        let amount =
            switch (job.salaryMin, job.salaryMax) {
            case (let low?, let high?): "\(JobListing.grouped(low))–\(JobListing.grouped(high)) \(currency)"
            case (let low?, nil): "от \(JobListing.grouped(low)) \(currency)"
            case (nil, let high?): "до \(JobListing.grouped(high)) \(currency)"
            case (nil, nil): ""
            }
        let period =
            switch job.salaryPeriod {
            case "hour": " в час"
            case "day": " в день"
            case "month": " в месяц"
            case "year": " в год"
            case "project": " за проект"
            default: ""
            }
        return amount + period
    }

    /// Markdown that Telegram and Slack would read as markup, escaped.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            if "*_`[]".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
