import ArtelCore
import Foundation

/// A month of the calendar (`?month=2026-12`): its days, laid out in weeks from Monday.
public struct CalendarMonth: Sendable, Equatable {
    /// The year, 1970 to 9999.
    public let year: Int
    /// The month, 1 to 12.
    public let month: Int

    /// A month; `nil` when it does not exist.
    public init?(year: Int, month: Int) {
        guard (1970...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Why a `month` parameter cannot be read: the key of the site's sentence that says so.
    public enum Problem: String, Sendable, Error {
        /// Not `YYYY-MM`.
        case format = "calendar.badMonthFormat"
        /// `YYYY-MM`, but no such month (`2026-13`, `0001-01`).
        case range = "calendar.badMonthRange"
    }

    /// Reads `YYYY-MM`.
    ///
    /// - Throws: ``Problem`` when the text is not a month of the calendar.
    public static func parse(_ text: String) throws(Problem) -> CalendarMonth {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { (48...57).contains($0) } }),
            let year = Int(parts[0]), let month = Int(parts[1])
        else { throw .format }
        guard let chosen = CalendarMonth(year: year, month: month) else { throw .range }
        return chosen
    }

    /// The month a moment falls in, in a zone.
    package static func containing(_ milliseconds: Int64, zone: String? = nil) -> CalendarMonth {
        let civil = CivilTime(milliseconds: milliseconds, offset: SiteDates.offset(milliseconds, zone))
        return CalendarMonth(year: civil.year, month: civil.month) ?? CalendarMonth(year: 1970, month: 1)!
    }

    /// `2026-12`.
    public var text: String { CivilTime.digits(year, 4) + "-" + CivilTime.digits(month, 2) }

    /// The month before.
    var previous: CalendarMonth? { month == 1 ? Self(year: year - 1, month: 12) : Self(year: year, month: month - 1) }
    /// The month after.
    var next: CalendarMonth? { month == 12 ? Self(year: year + 1, month: 1) : Self(year: year, month: month + 1) }

    /// How many days it has.
    var length: Int {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// Midnight UTC of its first day, Unix ms.
    package var start: Int64 { CivilTime(year: year, month: month, day: 1).milliseconds() }
    /// Midnight UTC of the first day of the month after.
    package var end: Int64 { start + Int64(length) * 86_400_000 }

    /// Days since the Unix epoch of a day of the month.
    func dayNumber(_ day: Int) -> Int64 { start / 86_400_000 + Int64(day - 1) }

    /// The weekday of a day of the month, Monday 0 to Sunday 6 (1 January 1970 was a Thursday).
    func weekday(_ day: Int) -> Int { Int(((dayNumber(day) + 3) % 7 + 7) % 7) }

    /// The weeks, Monday first: each seven days of the month, `nil` before the first and after the last.
    var weeks: [[Int?]] {
        var cells: [Int?] = Array(repeating: nil, count: weekday(1)) + (1...length).map { $0 }
        while cells.count % 7 != 0 { cells.append(nil) }
        return stride(from: 0, to: cells.count, by: 7).map { Array(cells[$0..<$0 + 7]) }
    }
}
