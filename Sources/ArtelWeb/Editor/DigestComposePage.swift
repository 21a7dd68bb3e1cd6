public import ArtelCore
public import ArtelFormats
import Foundation

/// `/editor/digests/new`: an editor composes a digest. The period and the communities are chosen
/// in a form that reads by `GET`; the vacancies found are listed de-duplicated, each with the
/// listings merged into it and why (``DigestComposer/reason(_:_:)``), and a position number to
/// reorder them without JavaScript; the same form publishes the digest, titled, for a community
/// the editor may write digests for.
public enum DigestComposePage: Sendable {
    /// What the editor chose and typed.
    public struct Choice: Sendable {
        /// The first day of the period, `YYYY-MM-DD` as typed.
        public var from: String
        /// The last day, `YYYY-MM-DD` as typed.
        public var until: String
        /// The communities the jobs come from, keys in hex; all when empty.
        public var communities: [String]
        /// The digest's title, as typed.
        public var title: String
        /// The community that publishes it, key in hex.
        public var publisher: String

        /// A choice.
        public init(from: String, until: String, communities: [String], title: String, publisher: String) {
            self.from = from
            self.until = until
            self.communities = communities
            self.title = title
            self.publisher = publisher
        }

        /// The choice a form gives: `from`, `until`, `community` (repeated), `title`, `publisher`.
        public init(_ fields: [(name: String, value: String)]) {
            func last(_ name: String) -> String { fields.last { $0.name == name }?.value ?? "" }
            self.init(
                from: last("from"),
                until: last("until"),
                communities: fields.filter { $0.name == "community" }.map(\.value),
                title: last("title"),
                publisher: last("publisher")
            )
        }

        /// The period chosen, Unix ms, from the first moment of `from` to the last of `until` (UTC);
        /// by default the last seven days to `now`; a failure naming the field at fault when a day is not
        /// a date or the period ends before it starts.
        public func period(now: Int64) -> Result<(start: Int64, end: Int64), PeriodProblem> {
            var end = now
            if !until.isEmpty {
                guard let (moment, isDate) = ISODates.read(until) else { return .failure(.until) }
                end = isDate ? moment + 86_400_000 - 1 : moment
            }
            var start = end - 7 * 86_400_000
            if !from.isEmpty {
                guard let (moment, _) = ISODates.read(from) else { return .failure(.from) }
                start = moment
            }
            return start <= end ? .success((start, end)) : .failure(.order)
        }
    }

    /// What is wrong with a chosen period.
    public enum PeriodProblem: String, Error, Sendable {
        /// The first day is not a date.
        case from
        /// The last day is not a date.
        case until
        /// The period ends before it starts.
        case order
    }

    /// The vacancies composed, in the order chosen, with every listing the node holds of them.
    public struct Composed: Sendable {
        /// The entries, in the order they will be listed.
        public let entries: [DigestEntry]
        /// Every listing of the period, by reference, to say why others were merged.
        public let listings: [Reference: JobListing]

        /// The composed vacancies.
        public init(entries: [DigestEntry], listings: [Reference: JobListing]) {
            self.entries = entries
            self.listings = listings
        }
    }

    /// The entries in the order a posted form gives: each `item` (a job's reference) with the
    /// `position` typed after it; ties and entries without a position keep their order.
    public static func ordered(_ entries: [DigestEntry], by fields: [(name: String, value: String)]) -> [DigestEntry] {
        let items = fields.filter { $0.name == "item" }.map(\.value)
        let positions = fields.filter { $0.name == "position" }.map {
            Double($0.value.trimmingCharacters(in: .whitespaces))
        }
        var typed: [String: Double] = [:]
        for (item, position) in zip(items, positions) { typed[item] = position }
        return entries.enumerated().sorted { left, right in
            let a = typed["\(left.element.job.reference)"] ?? Double(left.offset + 1)
            let b = typed["\(right.element.job.reference)"] ?? Double(right.offset + 1)
            return (a, left.offset) < (b, right.offset)
        }.map(\.element)
    }

    /// The operations of the digest record the form publishes, the entries in their order; and
    /// what is wrong, by field name (`title`, `items`), with nothing to write then.
    public static func operations(
        _ choice: Choice,
        period: (start: Int64, end: Int64),
        entries: [DigestEntry]
    ) -> (operations: [ArtelCore.Operation], problems: [String: FieldProblem]) {
        let title = choice.title.trimmingCharacters(in: .whitespacesAndNewlines)
        let operations = DigestEntry.recordOperations(entries, title: title, period: period)
        var problems: [String: FieldProblem] = [:]
        if title.isEmpty { problems["title"] = FieldProblem(.required) }
        if entries.isEmpty { problems["items"] = FieldProblem(.empty) }
        if entries.count > 500 { problems["items"] = FieldProblem(.tooMany) }
        for (name, error) in RecordKind.digest.schema.problems(in: operations, creating: true)
        where problems[name] == nil {
            problems[name] = FieldProblem(error)
        }
        return (problems.isEmpty ? operations : [], problems)
    }

    /// The problem of a period, by the field at fault.
    public static func problem(_ problem: PeriodProblem) -> [String: FieldProblem] {
        switch problem {
        case .from: ["from": FieldProblem(.date)]
        case .until: ["until": FieldProblem(.date)]
        case .order: ["until": FieldProblem(.period)]
        }
    }

    /// The page.
    ///
    /// - Parameters:
    ///   - choice: what was chosen and typed.
    ///   - communities: every community the node holds, to compose from.
    ///   - publishers: the communities the editor may publish digests for.
    ///   - composed: the vacancies found, once a period was chosen.
    ///   - problems: what is wrong, by field name (`from`, `until`, `title`, `publisher`, `items`).
    ///   - refusal: why the node refused to sign the digest, in the rule's words.
    public static func render(
        _ frame: PageFrame,
        choice: Choice,
        communities: [(key: PublicKey, name: String)],
        publishers: [(key: PublicKey, name: String)],
        composed: Composed?,
        problems: [String: FieldProblem] = [:],
        refusal: String? = nil
    ) -> SitePage {
        let words = frame.words
        let chosen = Set(choice.communities)
        var content: [String: Any] = [
            "from": choice.from, "until": choice.until, "digestTitle": choice.title,
            "csrf": frame.account?.formToken ?? "",
            "communities": communities.enumerated().map { index, community in
                [
                    "value": community.key.hex, "label": community.name, "id": "digest-community-\(index)",
                    "checked": chosen.contains(community.key.hex),
                ]
            },
            "chosenCommunities": communities.filter { chosen.contains($0.key.hex) }.map { ["value": $0.key.hex] },
            "publishers": publishers.map {
                ["value": $0.key.hex, "label": $0.name, "selected": $0.key.hex == choice.publisher]
            },
        ]
        for (name, problem) in problems { content["\(name)Error"] = FormFields.message(problem, frame) }
        content["hasSummary"] = !problems.isEmpty || refusal != nil
        content["summary"] = ["from", "until", "title", "publisher", "items"].compactMap { name -> [String: Any]? in
            guard let problem = problems[name] else { return nil }
            return [
                "href": "#digest-\(name)",
                "message": "\(words["editor.digest.field.\(name)"]): \(FormFields.message(problem, frame))",
            ]
        }
        if let refusal {
            content["failure"] = words["editor.failure.signature"].replacingOccurrences(of: "{detail}", with: refusal)
        }
        if let composed {
            content["composed"] = true
            let merged = composed.entries.reduce(0) { $0 + $1.alsoListed.count }
            content["found"] = words["editor.digest.found"]
                .replacingOccurrences(of: "{vacancies}", with: String(composed.entries.count))
                .replacingOccurrences(of: "{merged}", with: String(merged))
            content["hasEntries"] = !composed.entries.isEmpty
            content["entries"] = composed.entries.enumerated().map { index, entry in
                Self.entry(entry, at: index, composed: composed, frame: frame)
            }
        }
        let title = words["editor.digest.title"]
        let status = problems.isEmpty && refusal == nil ? 200 : 422
        return SitePage.render("editorDigest", frame.context(title: title, content: content), status: status)
    }

    /// One vacancy of the list: its position, title, employer and community, and the listings merged into it.
    private static func entry(
        _ entry: DigestEntry,
        at index: Int,
        composed: Composed,
        frame: PageFrame
    ) -> [String: Any] {
        let words = frame.words
        let job = entry.job
        let merged = entry.alsoListed.map { other -> [String: Any] in
            let listing = composed.listings[other.reference]
            let reason = listing.map { DigestComposer.reason(job, $0) } ?? .throughAnother
            return [
                "title": listing?.title ?? other.id.hex,
                "community": other.communityName ?? other.community.hex,
                "reason": words["editor.digest.reason.\(reason.rawValue)"],
            ]
        }
        return [
            "item": "\(job.reference)", "position": String(index + 1), "id": "digest-position-\(index)",
            "title": job.title, "employer": job.employer ?? "", "community": job.communityName ?? job.community.hex,
            "merged": merged, "hasMerged": !merged.isEmpty,
        ]
    }
}
