public import ArtelCore
public import ArtelStore
import Foundation

/// The filters of the events' list and calendar as their forms send them, and the query they make:
/// public events of a community, attended in one way, in a window of time.
///
/// Like the job board's (``JobBoardFilters``), a form is forgiving: an unknown parameter is ignored,
/// and a value that cannot be read drops that one filter and says so (``problems``).
public struct EventFilters: Sendable, Equatable {
    /// Occurrences a page of the list shows.
    public static let pageSize = 20
    /// The ways of attending, as the `attendance` field holds them.
    static let attendances = ["offline", "online", "mixed"]
    /// The most event records one window reads; each series gives at most
    /// ``CalendarEvent/occurrenceLimit`` occurrences.
    static let recordLimit = 10_000

    /// Only this community's events.
    public var community: PublicKey?
    /// `offline`, `online` or `mixed` (a form may say `hybrid`); empty for any.
    public var attendance = ""
    /// The page of the list, from 1.
    public var page = 1
    /// The `month` parameter as given, for the calendar (``CalendarMonth/parse(_:)`` reads it).
    public var month: String?
    /// What could not be read.
    public var problems: [JobBoardFilters.Problem] = []

    /// The filters a form sent.
    public init(_ parameters: [(name: String, value: String)]) {
        for (name, raw) in parameters {
            let value = raw.trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { continue }
            switch name {
            case "community":
                if let key = PublicKey(hex: value.lowercased()) {
                    community = key
                } else {
                    problems.append(JobBoardFilters.Problem("problem.community", value))
                }
            case "attendance":
                let named = value == "hybrid" ? "mixed" : value
                if Self.attendances.contains(named) {
                    attendance = named
                } else {
                    problems.append(JobBoardFilters.Problem("problem.attendance", value))
                }
            case "page": page = max(1, min(Int(value) ?? 1, 100_000))
            case "month": month = value
            default: continue
            }
        }
    }

    /// The query of the public events that may have an occurrence between `from` and `through`
    /// (Unix ms): those that end after `from` and start before `through`, and every series that
    /// starts before `through`, since a series is expanded when read.
    public func query(from: Int64, through: Int64) -> RecordQuery {
        var query = RecordQuery(kind: .event)
        query.communities = community.map { [$0] } ?? []
        query.attendances = attendance.isEmpty ? [] : [attendance]
        query.from = from
        query.until = through
        query.visibilities = [.public]
        query.limit = Self.recordLimit
        return query
    }

    /// The filters as query parameters, for links that keep them (the other view, the months).
    var parameters: [(String, String)] {
        var items: [(String, String)] = []
        if let community { items.append(("community", community.hex)) }
        if !attendance.isEmpty { items.append(("attendance", attendance)) }
        return items
    }
}
