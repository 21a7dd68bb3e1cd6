import ArtelCore
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
        var time = CivilTime(year: number(parts[0], 0, 4), month: number(parts[0], 4, 2), day: number(parts[0], 6, 2))
        if parts.count == 2 {
            time.hour = number(parts[1], 0, 2)
            time.minute = number(parts[1], 2, 2)
            time.second = number(parts[1], 4, 2)
        }
        guard time.isValid, (1900...9999).contains(time.year) else {
            throw FormatError(place, "\"\(value)\" is not a real date or time")
        }
        // A DATE names a day, not a moment: it is kept as that day's midnight in UTC.
        guard !isUTC && parts.count == 2 else { return (time.milliseconds(), parts.count == 1) }
        return (moment(time, in: zone.timeZone), false)
    }

    /// The moment a local date and time names in a zone.
    static func moment(_ time: CivilTime, in timeZone: TimeZone) -> Int64 {
        let local = time.milliseconds()
        // The offset at the local time read as UTC, then at the moment that gives: right across DST changes.
        var offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local) / 1000))
        offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local - Int64(offset) * 1000) / 1000))
        return local - Int64(offset) * 1000
    }

    /// `YYYYMMDDTHHMMSSZ`.
    static func utc(_ milliseconds: Int64) -> String {
        let time = CivilTime(milliseconds: milliseconds)
        return date(milliseconds) + "T" + CivilTime.digits(time.hour, 2) + CivilTime.digits(time.minute, 2)
            + CivilTime.digits(time.second, 2) + "Z"
    }

    /// `YYYYMMDD` of a day kept as its midnight in UTC.
    static func date(_ milliseconds: Int64) -> String {
        let time = CivilTime(milliseconds: milliseconds)
        return CivilTime.digits(time.year, 4) + CivilTime.digits(time.month, 2) + CivilTime.digits(time.day, 2)
    }
}
