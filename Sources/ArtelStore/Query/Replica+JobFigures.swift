public import ArtelCore
import Foundation
import GRDB

/// A job as market figures read it: the columns of its materialized row, no deltas merged.
public struct JobFigureRow: Sendable {
    /// The record id.
    public let id: RecordID
    /// The community that lists it.
    public let community: PublicKey
    public let title: String
    public let employer: String?
    public let salaryMin: Int64?
    public let salaryMax: Int64?
    public let salaryCurrency: String?
    public let salaryPeriod: String?
    public let salaryGross: Bool?
    public let employment: [String]
    public let workMode: String?
    public let city: String?
    public let tags: [String]
    public let applyURL: String?
    /// `system:external-id`, optionally a space and a URL: `hh:93354567 https://hh.ru/vacancy/93354567`.
    public let sources: [String]
    /// Unix milliseconds.
    public let datePosted: Int64?
    /// When the record last changed, Unix milliseconds.
    public let updated: Int64
    public let status: String?
}

extension Replica {
    /// The jobs matching a query, read from their materialized rows in one statement: what market
    /// figures need, at a cost that does not grow with each job's deltas (100 000 jobs in a fraction
    /// of a second, where merging each record costs seconds).
    ///
    /// - Parameter query: the filters of ``list(_:)`` (a job query); its limit counts.
    /// - Returns: the rows, in the order of ``list(_:)``.
    /// - Throws: ``StoreError`` with code `invalidInput` when a filter does not apply to jobs.
    public func jobFigureRows(_ query: RecordQuery) async throws -> [JobFigureRow] {
        guard query.kind == .job else { throw StoreError(.invalidInput, "figures are read of jobs, not \(query.kind)") }
        let sql = try ListSQL(query: query)
        return try await reading("reading job figures") { db in
            var communities: [Int64: PublicKey] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, community FROM scopes WHERE kind = ?", arguments: [5]) {
                if let key = Bytes32(row[1] as Data) { communities[row[0]] = PublicKey(key) }
            }
            let statement = try RawStatement(
                db,
                sql: """
                    SELECT rec.record_id, j.scope, j.title, j.employer, j.salary_min, j.salary_max, j.salary_currency,
                        j.salary_period, j.salary_gross, j.employment, j.work_mode, j.location_city, j.tags,
                        j.apply_url, j.sources, j.date_posted, j.updated, j.status
                    FROM jobs j JOIN records rec ON rec.rowid = j.rowid
                    WHERE j.rowid IN (\(sql.text))
                    ORDER BY coalesce(j.date_posted, j.updated) DESC, j.rowid
                    """
            )
            try statement.bind(sql.arguments)
            var rows: [JobFigureRow] = []
            // Read through SQLite's C calls: GRDB's rows box every column, which cost more than the query.
            try statement.forEachRow { row in
                guard let id = Bytes16(row.bytes(0)).map(RecordID.init), let scope = row.integer(1),
                    let community = communities[scope], let title = row.text(2)
                else { return }
                rows.append(
                    JobFigureRow(
                        id: id,
                        community: community,
                        title: title,
                        employer: row.text(3),
                        salaryMin: row.integer(4),
                        salaryMax: row.integer(5),
                        salaryCurrency: row.text(6),
                        salaryPeriod: row.text(7),
                        salaryGross: row.integer(8).map { $0 != 0 },
                        employment: JSONStrings.parse(row.text(9)),
                        workMode: row.text(10),
                        city: row.text(11),
                        tags: JSONStrings.parse(row.text(12)),
                        applyURL: row.text(13),
                        sources: JSONStrings.parse(row.text(14)),
                        datePosted: row.integer(15),
                        updated: row.integer(16) ?? 0,
                        status: row.text(17)
                    )
                )
            }
            return rows
        }
    }
}

/// The JSON arrays of strings that set columns hold (``JSONText``), read back.
enum JSONStrings {
    /// The strings of `["a","b"]`; none for `nil`, `[]` or text that is not such an array.
    static func parse(_ text: String?) -> [String] {
        guard let text, text.utf8.count > 2 else { return [] }
        // The common case, no escapes, read byte by byte; anything else through Foundation.
        if !text.utf8.contains(UInt8(ascii: "\\")) {
            var strings: [String] = []
            var start: String.UTF8View.Index?
            let utf8 = text.utf8
            var index = utf8.startIndex
            while index < utf8.endIndex {
                if utf8[index] == UInt8(ascii: "\"") {
                    if let opened = start {
                        strings.append(String(text[opened..<index]))
                        start = nil
                    } else {
                        start = utf8.index(after: index)
                    }
                }
                index = utf8.index(after: index)
            }
            return strings
        }
        let parsed = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String]
        return parsed ?? []
    }
}
