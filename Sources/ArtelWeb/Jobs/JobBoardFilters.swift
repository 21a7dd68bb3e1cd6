public import ArtelCore
public import ArtelStore
import Foundation

/// The board's search and filters as its form sends them, and the query they make: the same
/// ``RecordQuery`` the API's `GET /api/v1/jobs` builds, so that the page and the API never disagree.
///
/// A form is forgiving where the API is strict: an unknown parameter is ignored (a bookmarked
/// address outlives the form it came from), and a value that cannot be read drops that one filter
/// and says so (``problems``), while the others still apply.
public struct JobBoardFilters: Sendable, Equatable {
    /// Jobs a page shows.
    public static let pageSize = 20
    /// The choices of "posted within", in days.
    static let postedChoices = [1, 7, 30]

    public var text = ""
    public var community: PublicKey?
    public var city = ""
    public var workMode = ""
    public var employment = ""
    public var salaryMin: Int64?
    public var currency = ""
    public var tag = ""
    /// Posted within this many days.
    public var postedDays: Int?
    public var order: RecordQuery.Order = .natural
    /// The page, from 1.
    public var page = 1
    /// What could not be read: a key of the site's words (`problem.…`, with `{value}` in it) and
    /// the value given, cut short.
    public var problems: [Problem] = []

    /// A value the board could not read.
    public struct Problem: Sendable, Equatable {
        /// The key of the sentence that explains it.
        public let key: String
        /// The value given, at most 40 characters.
        public let value: String

        init(_ key: String, _ value: String) {
            self.key = key
            self.value = String(value.prefix(40))
        }

        /// The sentence in a language.
        public func text(_ words: SiteWords) -> String {
            words[key].replacingOccurrences(of: "{value}", with: value)
        }
    }

    /// The filters a form sent.
    public init(_ parameters: [(name: String, value: String)]) {
        for (name, raw) in parameters {
            let value = raw.trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { continue }
            switch name {
            case "q": text = String(value.prefix(200))
            case "community":
                if let key = PublicKey(hex: value.lowercased()) {
                    community = key
                } else {
                    problems.append(Problem("problem.community", value))
                }
            case "city": city = String(value.prefix(100))
            case "work_mode":
                if ["remote", "hybrid", "onsite"].contains(value) {
                    workMode = value
                } else {
                    problems.append(Problem("problem.workMode", value))
                }
            case "employment":
                if ["full_time", "part_time", "contract", "internship", "volunteer"].contains(value) {
                    employment = value
                } else {
                    problems.append(Problem("problem.employment", value))
                }
            case "salary_min":
                let digits = value.filter { !$0.isWhitespace && $0 != "\u{00A0}" }
                if let amount = Int64(digits), amount >= 0 {
                    salaryMin = amount
                } else {
                    problems.append(Problem("problem.salary", value))
                }
            case "currency":
                if value.count == 3, value.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                    currency = value
                } else {
                    problems.append(Problem("problem.currency", value))
                }
            case "tag": tag = String(value.prefix(100))
            case "posted":
                if let days = Int(value), Self.postedChoices.contains(days) { postedDays = days }
            case "sort": order = value == "salary" ? .salary : .natural
            case "page": page = max(1, min(Int(value) ?? 1, 100_000))
            default: continue
            }
        }
    }

    /// Whether any filter beyond the search words is set, so that the form shows them open.
    public var narrows: Bool {
        community != nil || !city.isEmpty || !workMode.isEmpty || !employment.isEmpty || salaryMin != nil
            || !currency.isEmpty || !tag.isEmpty || postedDays != nil || order != .natural
    }

    /// The query of a page of open public jobs at `now` (Unix ms).
    public func query(now: Int64) -> RecordQuery {
        var query = RecordQuery(kind: .job)
        query.text = text.isEmpty ? nil : text
        query.communities = community.map { [$0] } ?? []
        query.cities = city.isEmpty ? [] : [city]
        query.workModes = workMode.isEmpty ? [] : [workMode]
        query.employments = employment.isEmpty ? [] : [employment]
        query.salaryAtLeast = salaryMin
        query.currency = currency.isEmpty ? nil : currency
        query.tags = tag.isEmpty ? [] : [tag]
        if let postedDays { query.from = now - Int64(postedDays) * 86_400_000 }
        query.order = order
        query.openAt = now
        query.visibilities = [.public]
        query.limit = Self.pageSize
        query.offset = (page - 1) * Self.pageSize
        return query
    }
}
