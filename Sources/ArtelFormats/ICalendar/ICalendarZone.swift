import ArtelCore
import Foundation

/// VTIMEZONE components (RFC 5545 §3.6.5) for the IANA zones a feed's repeating events are written
/// in, so that a calendar app expands a weekly 19:00 as 19:00 on both sides of a change to summer
/// time. Each offset change from a year before the first event to ``yearsAhead`` years after it is
/// listed (DTSTART, then RDATE), as tzdata has it; a zone without changes in that span is one
/// STANDARD observance.
enum ICalendarZone {
    /// How many years after the earliest event the listed changes reach.
    static let yearsAhead = 10

    /// The component for `zone`, for events from `earliest` (Unix milliseconds) on.
    static func lines(for zone: TimeZone, from earliest: Int64) -> [String] {
        let year = CivilTime(milliseconds: earliest).year
        let first = Date(
            timeIntervalSince1970: Double(CivilTime(year: year - 1, month: 1, day: 1).milliseconds()) / 1000
        )
        let last = Date(
            timeIntervalSince1970: Double(CivilTime(year: year + yearsAhead, month: 12, day: 31).milliseconds()) / 1000
        )
        // Changes grouped by observance: summer or standard time, and the offsets it goes between.
        var observances: [(daylight: Bool, from: Int, to: Int, starts: [Int64])] = []
        var moment = first
        while let change = zone.nextDaylightSavingTimeTransition(after: moment), change <= last {
            let from = zone.secondsFromGMT(for: change.addingTimeInterval(-1))
            let to = zone.secondsFromGMT(for: change)
            // An observance starts at the local time the change is announced in: before the change.
            let local = Int64(change.timeIntervalSince1970.rounded()) * 1000 + Int64(from) * 1000
            let daylight = zone.isDaylightSavingTime(for: change)
            if let index = observances.firstIndex(where: { $0.daylight == daylight && $0.from == from && $0.to == to })
            {
                observances[index].starts.append(local)
            } else {
                observances.append((daylight, from, to, [local]))
            }
            moment = change
        }
        if observances.isEmpty {
            let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(earliest) / 1000))
            observances = [(false, offset, offset, [CivilTime(year: 1970, month: 1, day: 1).milliseconds()])]
        }
        var lines = ["BEGIN:VTIMEZONE", "TZID:" + zone.identifier]
        for observance in observances {
            let name = observance.daylight ? "DAYLIGHT" : "STANDARD"
            lines += [
                "BEGIN:" + name, "TZOFFSETFROM:" + offset(observance.from), "TZOFFSETTO:" + offset(observance.to),
                "DTSTART:" + local(observance.starts[0]),
            ]
            if observance.starts.count > 1 {
                lines.append("RDATE:" + observance.starts.dropFirst().map(local).joined(separator: ","))
            }
            lines.append("END:" + name)
        }
        lines.append("END:VTIMEZONE")
        return lines
    }

    /// `YYYYMMDDTHHMMSS` of a moment in `zone`, without a zone mark: the form a TZID parameter reads.
    static func local(_ milliseconds: Int64, in zone: TimeZone) -> String {
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
        return local(milliseconds + Int64(offset) * 1000)
    }

    /// `YYYYMMDDTHHMMSS` of local milliseconds (a local time counted as if it were UTC).
    private static func local(_ milliseconds: Int64) -> String { String(ICalendarDates.utc(milliseconds).dropLast()) }

    /// `+0200`, `-0530`.
    private static func offset(_ seconds: Int) -> String {
        let minutes = abs(seconds) / 60
        return (seconds < 0 ? "-" : "+") + CivilTime.digits(minutes / 60, 2) + CivilTime.digits(minutes % 60, 2)
    }
}
