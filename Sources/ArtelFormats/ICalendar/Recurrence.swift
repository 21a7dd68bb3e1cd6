import ArtelCore
import Foundation

/// How an event repeats: its RRULE, the occurrences left out (EXDATE) and those added (RDATE).
///
/// A record keeps it in `recurrence` as the iCalendar lines themselves, times in UTC:
/// `RRULE:FREQ=WEEKLY;BYDAY=WE`, `EXDATE:20261209T150000Z,…`, `RDATE:…`. Text without a property
/// name is a bare RRULE, as records written before exceptions were kept hold it.
///
/// Occurrences are computed when a list or a feed is read, never stored: a series is one record
/// that its editors change once, and every window shows it afresh (see ``CalendarEvent/occurrences(from:through:limit:)``).
public struct Recurrence: Equatable, Sendable {
    /// The RRULE value, when the event has one.
    public var rule: String?
    /// EXDATE: the starts of occurrences left out, Unix milliseconds.
    public var exceptions: [Int64] = []
    /// RDATE: the starts of occurrences added, Unix milliseconds.
    public var additions: [Int64] = []

    /// A recurrence.
    public init(rule: String?, exceptions: [Int64] = [], additions: [Int64] = []) {
        self.rule = rule
        self.exceptions = exceptions
        self.additions = additions
    }

    /// Reads the text a record keeps; `nil` when it says nothing usable.
    public init?(text: String) {
        for line in text.split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":") else {
                rule = String(line)
                continue
            }
            let value = String(line[line.index(after: colon)...])
            switch line[..<colon].uppercased() {
            case "RRULE": rule = value
            case "EXDATE": exceptions += Self.moments(value)
            case "RDATE": additions += Self.moments(value)
            default: continue
            }
        }
        if rule == nil && additions.isEmpty { return nil }
    }

    /// The text a record keeps.
    public var text: String {
        var lines: [String] = []
        if let rule { lines.append("RRULE:" + rule) }
        if !exceptions.isEmpty {
            lines.append("EXDATE:" + exceptions.sorted().map(ICalendarDates.utc).joined(separator: ","))
        }
        if !additions.isEmpty {
            lines.append("RDATE:" + additions.sorted().map(ICalendarDates.utc).joined(separator: ","))
        }
        return lines.joined(separator: "\n")
    }

    private static func moments(_ value: String) -> [Int64] {
        value.split(separator: ",").compactMap {
            try? ICalendarDates.read(String($0), in: .fixed(seconds: 0), place: "").milliseconds
        }
    }

    /// The starts of the series' occurrences that begin within a range, exceptions left out, in order.
    ///
    /// - Parameters:
    ///   - first: the series' first start (DTSTART).
    ///   - zone: the zone its local times repeat in, so that a weekly 19:00 stays 19:00 across DST.
    ///   - range: the starts wanted.
    ///   - limit: the most starts returned.
    func starts(first: Int64, zone: TimeZone, in range: ClosedRange<Int64>, limit: Int) -> [Int64] {
        var starts = Set(additions.filter { range.contains($0) })
        if range.contains(first) { starts.insert(first) }
        if let rule = rule.flatMap(RecurrenceRule.init) {
            let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(first) / 1000))
            let local = CivilTime(milliseconds: first, offset: offset)
            var produced = 0
            var period = 0
            periods: while period < 200_000 {
                for day in rule.days(ofPeriod: period, first: local) {
                    var time = day
                    (time.hour, time.minute, time.second) = (local.hour, local.minute, local.second)
                    let start = ICalendarDates.moment(time, in: zone)
                    guard start >= first else { continue }
                    if let until = rule.until, start > until { break periods }
                    if start > range.upperBound { break periods }
                    produced += 1
                    if range.contains(start) { starts.insert(start) }
                    if let count = rule.count, produced >= count { break periods }
                    if starts.count >= limit + exceptions.count { break periods }
                }
                period += 1
            }
        }
        return Array(starts.subtracting(exceptions).sorted().prefix(limit))
    }
}
