import ArgumentParser
import ArtelCore
import ArtelStore
import Foundation

/// A date or date and time typed on the command line: `2026-12-01`, `2026-12-01T18:30`,
/// `2026-12-01 18:30`, with optional seconds and an optional `Z` or `+03:00` offset.
///
/// Without an offset the moment is read in a time zone chosen by the command (the event's
/// `--timezone`, else UTC).
struct Moment: ExpressibleByArgument, Sendable {
    let components: DateComponents
    let offsetSeconds: Int?
    /// Whether only a date was given.
    let isDateOnly: Bool

    init?(argument: String) {
        guard let parsed = Self.parse(argument) else { return nil }
        self = parsed
    }

    private init(components: DateComponents, offsetSeconds: Int?, isDateOnly: Bool) {
        self.components = components
        self.offsetSeconds = offsetSeconds
        self.isDateOnly = isDateOnly
    }

    static var defaultCompletionKind: CompletionKind { .default }

    /// The moment in Unix milliseconds, reading a missing offset in `zone`.
    func milliseconds(in zone: TimeZone = TimeZone(identifier: "UTC")!) -> Int64 {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = offsetSeconds.flatMap { TimeZone(secondsFromGMT: $0) } ?? zone
        let date = calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
        return Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    private static func parse(_ text: String) -> Moment? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        var offset: Int?
        if rest.hasSuffix("Z") {
            offset = 0
            rest = rest.dropLast()
        } else if rest.count > 16, let sign = rest.dropFirst(16).lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let parts = rest[rest.index(after: sign)...].split(separator: ":")
            guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]), hours < 24, minutes < 60
            else { return nil }
            offset = (hours * 3600 + minutes * 60) * (rest[sign] == "-" ? -1 : 1)
            rest = rest[..<sign]
        }
        let halves = rest.split(whereSeparator: { $0 == "T" || $0 == " " }).map(String.init)
        guard (1...2).contains(halves.count) else { return nil }
        let date = halves[0].split(separator: "-").compactMap { Int($0) }
        guard date.count == 3, halves[0].count == 10, (1...12).contains(date[1]), (1...31).contains(date[2]) else {
            return nil
        }
        var components = DateComponents(year: date[0], month: date[1], day: date[2], hour: 0, minute: 0, second: 0)
        if halves.count == 2 {
            let time = halves[1].split(separator: ":").compactMap { Int($0) }
            guard (2...3).contains(time.count), time[0] < 24, time[1] < 60, time.count < 3 || time[2] < 60 else {
                return nil
            }
            components.hour = time[0]
            components.minute = time[1]
            components.second = time.count == 3 ? time[2] : 0
        }
        return Moment(components: components, offsetSeconds: offset, isDateOnly: halves.count == 1)
    }
}

/// Text forms of moments for output.
enum Moments {
    /// Coordinated Universal Time, the zone of moments whose record names none.
    static let utc = TimeZone(identifier: "UTC")!

    /// `2026-12-10 19:00 Europe/Moscow` in `zone` (by default `2026-12-10 16:00 UTC`), named by its
    /// IANA identifier; or `2026-12-10` when `dateOnly`.
    static func text(_ milliseconds: Int64, dateOnly: Bool = false, zone: TimeZone? = nil) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone ?? utc
        formatter.dateFormat = dateOnly ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm"
        let text = formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
        guard !dateOnly else { return text }
        return text + " " + (zone.map(\.identifier).flatMap { $0 == "GMT" ? nil : $0 } ?? "UTC")
    }

    /// The time zone a record's moments are shown in: its own `timezone` field (an event's), else UTC.
    static func zone(of view: RecordView?) -> TimeZone {
        view?.string("timezone").flatMap(TimeZone.init(identifier:)) ?? utc
    }

    /// An event's `start` or `end` as people read it: for an all-day event, its day (the end, which
    /// is exclusive, as the event's last day), since its moments are midnights in UTC that name
    /// days; else the moment in the event's zone.
    static func eventTime(_ milliseconds: Int64, field: String, of view: RecordView?) -> String {
        guard case .single(.boolean(true)) = view?.value(of: "all_day") else {
            return text(milliseconds, zone: zone(of: view))
        }
        return text(field == "end" ? milliseconds - 86_400_000 : milliseconds, dateOnly: true)
    }

    /// ISO 8601 in UTC, for JSON: `2026-12-01T18:30:00Z`.
    static func iso(_ milliseconds: Int64) -> String { ISODates.dateTime(milliseconds) }
}
