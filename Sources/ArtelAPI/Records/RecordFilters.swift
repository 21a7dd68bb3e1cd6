import ArtelCore
import ArtelStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore

/// The query parameters of a list or a change stream: the filters of `artel list`, by the same names
/// (`q`, `community`, `tag`, `work_mode`, `employment`, `city`, `attendance`, `salary_min`, `salary_max`, `currency`,
/// `from`, `until`, `status`, `type`, `person`, `visibility`, `hidden`), with `limit` and `offset`; a
/// list also takes `sort`. The site's job board builds the same query.
struct RecordFilters {
    /// The parameters lists take.
    static let names: Set<String> = [
        "q", "community", "tag", "work_mode", "employment", "city", "attendance", "salary_min", "salary_max",
        "currency", "from", "until", "status", "type", "person", "visibility", "hidden", "limit", "offset",
    ]
    /// The filters that apply to some kinds only.
    static let kindFilters: Set<String> = [
        "q", "tag", "work_mode", "employment", "city", "attendance", "salary_min", "salary_max", "currency", "from",
        "until", "status", "type", "person",
    ]
    /// The most records a page holds.
    static let maximumLimit = 500

    /// The query the parameters of a request describe.
    ///
    /// - Parameters:
    ///   - extra: other parameters the route takes.
    ///   - authorized: whether the request carries the token; without it, only public records are
    ///     listed and `hidden` is refused.
    static func query(
        _ kind: RecordKind,
        _ parameters: FlatDictionary<Substring, Substring>,
        replica: Replica,
        extra: Set<String> = [],
        authorized: Bool
    ) async throws -> RecordQuery {
        for (name, _) in parameters where !names.contains(String(name)) && !extra.contains(String(name)) {
            throw APIError(
                .badRequest,
                "unknown_parameter",
                "there is no parameter \"\(name)\"; use \(names.union(extra).sorted().joined(separator: ", "))"
            )
        }
        func single(_ name: String) throws -> String? {
            let values = parameters[values: Substring(name)]
            guard values.count <= 1 else {
                throw APIError(.badRequest, "invalid_parameter", "\(name) is given \(values.count) times; give it once")
            }
            return values.first.map(String.init)
        }
        func number(_ name: String, in range: ClosedRange<Int64>) throws -> Int64? {
            guard let text = try single(name) else { return nil }
            guard let value = Int64(text), range.contains(value) else {
                throw APIError(
                    .badRequest,
                    "invalid_parameter",
                    "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \"\(text.prefix(40))\""
                )
            }
            return value
        }
        func moment(_ name: String, endOfDay: Bool) throws -> Int64? {
            guard let text = try single(name) else { return nil }
            guard let (milliseconds, isDate) = ISODates.read(text) else {
                // Written right, yet no real moment (February 30): refused as impossible (422), not malformed.
                if text.range(of: ISODates.pattern, options: .regularExpression) != nil {
                    throw APIError(
                        .unprocessableContent,
                        "invalid_date",
                        "\(name) is written right but names a day or time that does not exist: \"\(text.prefix(40))\""
                    )
                }
                throw APIError(
                    .badRequest,
                    "invalid_parameter",
                    "\(name) must be a date (2026-12-01) or an ISO 8601 time (2026-12-01T18:30:00Z), not \"\(text.prefix(40))\""
                )
            }
            return isDate && endOfDay ? milliseconds + 86_399_999 : milliseconds
        }

        var query = RecordQuery(kind: kind)
        query.text = try single("q")
        for text in parameters[values: "community"] {
            guard let key = PublicKey(hex: String(text).lowercased()) else {
                throw APIError(
                    .badRequest,
                    "invalid_parameter",
                    "community must be a community key, 64 hex digits, not \"\(text.prefix(70))\""
                )
            }
            query.communities.append(key)
        }
        query.tags = parameters[values: "tag"].map(String.init)
        query.workModes = parameters[values: "work_mode"].map(String.init)
        query.employments = parameters[values: "employment"].map(String.init)
        query.cities = parameters[values: "city"].map(String.init)
        query.attendances = parameters[values: "attendance"].map(String.init)
        if let sort = try single("sort") {
            guard let order = RecordQuery.Order(rawValue: sort) else {
                throw APIError(
                    .badRequest,
                    "invalid_parameter",
                    "sort is natural or salary, not \"\(sort.prefix(40))\""
                )
            }
            query.order = order
        }
        query.salaryAtLeast = try number("salary_min", in: 0...Int64.max)
        query.salaryAtMost = try number("salary_max", in: 0...Int64.max)
        query.currency = try single("currency")
        query.from = try moment("from", endOfDay: false)
        query.until = try moment("until", endOfDay: true)
        if let from = query.from, let until = query.until, from > until {
            // Each is well formed; only together do they make no window: 422, as for an inverted range in a record.
            throw APIError(.unprocessableContent, "inverted_range", "from is later than until; swap them")
        }
        // `all` lifts the default of job lists, which show open jobs only.
        if let status = try single("status"), !(kind == .job && status == "all") { query.status = status }
        query.type = try single("type")
        if let person = try single("person") {
            query.person = try await RecordLookup.reference(
                .person,
                person,
                in: replica,
                publicOnly: !authorized,
                malformed: APIError(
                    .badRequest,
                    "invalid_parameter",
                    "person takes a person's id, 32 hex digits or a unique prefix of at least 8"
                )
            )
        }
        for text in parameters[values: "visibility"] {
            guard let visibility = Visibility(rawValue: String(text)) else {
                throw APIError(
                    .badRequest,
                    "invalid_parameter",
                    "visibility must be private, federation or public, not \"\(text.prefix(40))\""
                )
            }
            query.visibilities.append(visibility)
        }
        switch try single("hidden") {
        case nil, "false": query.includingHidden = false
        case "true": query.includingHidden = true
        case let other?:
            throw APIError(
                .badRequest,
                "invalid_parameter",
                "hidden must be true or false, not \"\(other.prefix(40))\""
            )
        }
        query.limit = Int(try number("limit", in: 1...Int64(maximumLimit)) ?? 50)
        query.offset = Int(try number("offset", in: 0...Int64(Int32.max)) ?? 0)
        if !authorized {
            if query.includingHidden || query.visibilities.contains(where: { $0 != .public }) {
                throw APIError(
                    .unauthorized,
                    "token_required",
                    "only public records are listed without the API token; send Authorization: Bearer <token>"
                )
            }
            query.visibilities = [.public]
        }
        return query
    }
}
