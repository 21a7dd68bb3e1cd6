import ArtelCore
import Foundation

/// CSV of jobs and events: a header, then one row per vacancy or event, CRLF line ends, fields
/// quoted when they must be (RFC 4180).
///
/// Two dialects: ``Dialect/rfc4180`` (commas, no byte order mark) for programs, and
/// ``Dialect/excel`` for people who open the file by double-clicking it: a UTF-8 byte order mark
/// so that Excel reads Cyrillic as such, `;` between fields as Excel expects where the decimal
/// separator is a comma (Russia, most of Europe), and text that would start a formula guarded
/// with an apostrophe. Numbers are written bare in both (`150000`), so that a spreadsheet sums
/// them; dates are ISO 8601 (`2026-11-20`).
public enum CSVWriter: Sendable {
    /// How a file is written.
    public struct Dialect: Sendable, Equatable {
        /// Between fields.
        public let separator: Unicode.Scalar
        /// Between the elements of a list in one field (tags, kinds of employment, sources).
        public let listSeparator: String
        /// Whether the file starts with the UTF-8 byte order mark.
        public let byteOrderMark: Bool
        /// Whether text starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
        /// `'`, so that a spreadsheet shows it instead of running it as a formula (a contact such
        /// as `+7 999 …` or `@username` would otherwise be an error, a crafted one a formula).
        public let guardsFormulas: Bool

        /// RFC 4180: commas, lists joined with `;`, no byte order mark, text as it is.
        public static let rfc4180 = Dialect(
            separator: ",",
            listSeparator: ";",
            byteOrderMark: false,
            guardsFormulas: false
        )
        /// What Excel and Google Sheets open right: a byte order mark, `;`, lists joined with `, `,
        /// formulas guarded.
        public static let excel = Dialect(
            separator: ";",
            listSeparator: ", ",
            byteOrderMark: true,
            guardsFormulas: true
        )
    }

    /// A cell: text, or a number a spreadsheet may compute with.
    enum Cell {
        case text(String?)
        case number(Int64?)
    }

    /// The columns of ``jobs(_:dialect:)``.
    public static let jobColumns = [
        "id", "community", "title", "employer", "salary_min", "salary_max", "salary_currency", "salary_period",
        "employment", "work_mode", "city", "tags", "date_posted", "valid_through", "status", "apply_url",
        "description", "duties", "requirements", "source", "source_url",
    ]

    /// One row per job, with its description, duties and requirements as they are written (line
    /// breaks kept inside quotes) and where it came from: `source` is the origin of each of its
    /// `sources` (`hh:93354567`, `telegram:channel/812`), `source_url` the first link among them.
    public static func jobs(_ jobs: [JobListing], dialect: Dialect = .rfc4180) -> String {
        let rows = jobs.map { job -> [Cell] in
            let origins = job.sources.map { String($0.split(separator: " ", maxSplits: 1)[0]) }
            let link = job.sources.lazy.compactMap { source -> String? in
                let parts = source.split(separator: " ", maxSplits: 1)
                return parts.count == 2 ? String(parts[1]) : nil
            }.first
            return [
                .text(job.id.hex), .text(job.communityName ?? job.community.hex), .text(job.title), .text(job.employer),
                .number(job.salaryMin), .number(job.salaryMax), .text(job.salaryCurrency), .text(job.salaryPeriod),
                .text(job.employment.joined(separator: dialect.listSeparator)), .text(job.workMode), .text(job.city),
                .text(job.tags.joined(separator: dialect.listSeparator)), .text(job.datePosted.map(ISODates.date)),
                .text(job.validThrough.map(ISODates.date)), .text(job.status), .text(job.applyURL),
                .text(job.description), .text(job.duties), .text(job.requirements),
                .text(origins.joined(separator: dialect.listSeparator)), .text(link),
            ]
        }
        return document(jobColumns, rows, dialect: dialect)
    }

    /// One row per event (a repeating one as its occurrences, when the caller lists them so).
    public static func events(_ events: [CalendarEvent], dialect: Dialect = .rfc4180) -> String {
        document(
            [
                "uid", "title", "start", "end", "all_day", "timezone", "location", "attendance", "online_url", "status",
                "url",
            ],
            events.map { event in
                [
                    event.uid, event.summary,
                    event.allDay ? ISODates.date(event.start) : ISODates.dateTime(event.start),
                    event.end.map { event.allDay ? ISODates.date($0 - 86_400_000) : ISODates.dateTime($0) },
                    event.allDay ? "true" : "false", event.timeZone, event.location, event.attendance,
                    event.onlineURLs.first, event.status, event.url,
                ].map(Cell.text)
            },
            dialect: dialect
        )
    }

    /// A table of text cells in RFC 4180 CSV.
    static func table(_ header: [String], _ rows: [[String?]]) -> String {
        document(header, rows.map { $0.map(Cell.text) }, dialect: .rfc4180)
    }

    static func document(_ header: [String], _ rows: [[Cell]], dialect: Dialect) -> String {
        var text = dialect.byteOrderMark ? "\u{FEFF}" : ""
        for row in [header.map(Cell.text)] + rows {
            text += row.map { field($0, dialect) }.joined(separator: String(dialect.separator)) + "\r\n"
        }
        return text
    }

    static func field(_ cell: Cell, _ dialect: Dialect) -> String {
        switch cell {
        case .number(let number): return number.map(String.init) ?? ""
        case .text(nil): return ""
        case .text(var text?):
            if dialect.guardsFormulas, let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first)
            {
                text = "'" + text
            }
            // By scalars: "\r\n" is one Character, equal to neither "\r" nor "\n".
            guard
                text.unicodeScalars.contains(where: { "\"\n\r".unicodeScalars.contains($0) || $0 == dialect.separator })
            else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
    }
}
