import Foundation

/// DATE and DATE-TIME values (RFC 5545 §3.3.4–5) and how they map to UTC milliseconds.
enum ICalendarDates {
    /// A time zone a value may be read in: IANA, or a fixed offset from a VTIMEZONE.
    enum Zone {
        case named(TimeZone)
        case fixed(seconds: Int)

        var timeZone: TimeZone {
            switch self {
            case .named(let zone): zone
            case .fixed(let seconds): TimeZone(secondsFromGMT: seconds) ?? TimeZone(identifier: "UTC")!
            }
        }
    }

    /// Reads `YYYYMMDD` (as midnight UTC of that day) or `YYYYMMDDTHHMMSS[Z]` in a zone (ignored
    /// when the value ends in Z).
    static func read(
        _ value: String,
        in zone: Zone,
        place: String
    ) throws(FormatError) -> (milliseconds: Int64, isDate: Bool) {
        let digits = value.uppercased()
        let isUTC = digits.hasSuffix("Z")
        let body = isUTC ? String(digits.dropLast()) : digits
        let parts = body.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts[0].count == 8, parts[0].allSatisfy(\.isASCIIDigit),
            parts.count == 1 || (parts[1].count == 6 && parts[1].allSatisfy(\.isASCIIDigit))
        else {
            throw FormatError(place, "\"\(value.prefix(40))\" is not a date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS)")
        }
        func number(_ text: Substring, _ from: Int, _ length: Int) -> Int {
            Int(text.dropFirst(from).prefix(length))!
        }
        var components = DateComponents()
        components.year = number(parts[0], 0, 4)
        components.month = number(parts[0], 4, 2)
        components.day = number(parts[0], 6, 2)
        if parts.count == 2 {
            components.hour = number(parts[1], 0, 2)
            components.minute = number(parts[1], 2, 2)
            components.second = number(parts[1], 4, 2)
        }
        guard (1...12).contains(components.month!), (1...31).contains(components.day!),
            (0...23).contains(components.hour ?? 0), (0...59).contains(components.minute ?? 0),
            (0...60).contains(components.second ?? 0), (1900...9999).contains(components.year!)
        else { throw FormatError(place, "\"\(value)\" is not a real date or time") }
        var calendar = Calendar(identifier: .gregorian)
        // A DATE names a day, not a moment: it is kept as that day's midnight in UTC.
        calendar.timeZone = isUTC || parts.count == 1 ? TimeZone(identifier: "UTC")! : zone.timeZone
        guard let date = calendar.date(from: components),
            calendar.component(.day, from: date) == components.day
        else { throw FormatError(place, "\"\(value)\" is not a real date") }
        return (Int64((date.timeIntervalSince1970 * 1000).rounded()), parts.count == 1)
    }

    /// `YYYYMMDDTHHMMSSZ`.
    static func utc(_ milliseconds: Int64) -> String {
        format(milliseconds, "yyyyMMdd'T'HHmmss'Z'", zone: TimeZone(identifier: "UTC")!)
    }

    /// `YYYYMMDD` of a day kept as its midnight in UTC.
    static func date(_ milliseconds: Int64) -> String {
        format(milliseconds, "yyyyMMdd", zone: TimeZone(identifier: "UTC")!)
    }

    private static func format(_ milliseconds: Int64, _ pattern: String, zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = zone
        formatter.dateFormat = pattern
        return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }
}
