import Foundation

/// Reads the VEVENTs of an iCalendar stream (RFC 5545) as calendar apps write them: folded lines,
/// escaped text, UTC, TZID (IANA, Windows names as their IANA zones, other names by their
/// VTIMEZONE), floating and all-day
/// times, an end given as DTEND or DURATION, a byte order mark before it all. An empty property
/// (`LOCATION:`, as Google writes it) counts as absent. STATUS CONFIRMED reads as scheduled,
/// CANCELLED as cancelled; TENTATIVE names no status (it is not "postponed"), and the
/// X-ARTEL-STATUS of Artel's own feeds counts first. A recurring event keeps its RRULE, EXDATE and
/// RDATE (a DATE in them, for a timed series, names that day's occurrence); an exception to one
/// occurrence (RECURRENCE-ID) leaves that occurrence out of the series and, unless it cancels it,
/// becomes an event of its own. A meeting link (``MeetingLinks``) in CONFERENCE, LOCATION,
/// DESCRIPTION or URL, or a LOCATION such as "Online event", makes the event online, or mixed when
/// LOCATION also names a place; a place alone makes it offline. Alarms, free/busy and to-dos are
/// skipped.
public enum ICalendarReader: Sendable {
    /// What a stream holds: its events, and the VEVENTs it could not make an event of.
    public struct Reading: Sendable {
        /// The events, in the file's order, then the exceptions to single occurrences.
        public let events: [CalendarEvent]
        /// The VEVENTs that give no event, in the file's order.
        public let skipped: [SkippedEvent]
    }

    /// Reads every event of a stream. A VEVENT that gives no event (no UID, SUMMARY or DTSTART, a
    /// date that is not one, an unknown time zone, an end before its start) is skipped and told
    /// (``SkippedEvent``); the other events are read.
    ///
    /// - Throws: ``FormatError`` naming the line when the file as a whole is unreadable: not a
    ///   calendar, not UTF-8, a line that is not a content line, a component left open.
    public static func read(_ bytes: [UInt8]) throws(FormatError) -> Reading {
        var lines: [ContentLine] = []
        for (text, line) in try ContentLine.unfold(bytes) { lines.append(try ContentLine.parse(text, line: line)) }
        guard lines.first.map({ $0.name == "BEGIN" && $0.value.uppercased() == "VCALENDAR" }) == true else {
            throw FormatError("line 1", "an iCalendar file starts with BEGIN:VCALENDAR", fileProblem: .notICalendar)
        }
        var reader = CalendarParser(lines: lines)
        return try reader.calendar()
    }
}

/// The calendar-wide state of reading one stream: its time zones and where it is.
struct CalendarParser {
    let lines: [ContentLine]
    var index = 0
    /// Offsets of the calendar's VTIMEZONEs by TZID, for names that are not IANA ones.
    var zones: [String: Int] = [:]
    /// X-WR-TIMEZONE: where floating times are read; UTC when the calendar does not say.
    var calendarZone: TimeZone?

    init(lines: [ContentLine]) {
        self.lines = lines
    }

    mutating func calendar() throws(FormatError) -> ICalendarReader.Reading {
        index = 1
        var collected: [[ContentLine]] = []
        while index < lines.count {
            let line = lines[index]
            index += 1
            switch (line.name, line.value.uppercased()) {
            case ("END", "VCALENDAR"):
                let (events, skipped) = EventProperties.events(collected, in: self)
                return ICalendarReader.Reading(events: events, skipped: skipped)
            case ("BEGIN", "VEVENT"):
                collected.append(try component("VEVENT", opened: line))
            case ("BEGIN", "VTIMEZONE"):
                try timeZone(try component("VTIMEZONE", opened: line))
            case ("BEGIN", let other):
                _ = try component(other, opened: line)
            case ("X-WR-TIMEZONE", _):
                calendarZone = TimeZone(identifier: line.value)
            default:
                continue
            }
        }
        throw FormatError("line \(lines.last?.line ?? 1)", "the file ends before END:VCALENDAR")
    }

    /// The lines of a component up to its END, nested components included.
    mutating func component(_ name: String, opened: ContentLine) throws(FormatError) -> [ContentLine] {
        var body: [ContentLine] = []
        var depth = 1
        while index < lines.count {
            let line = lines[index]
            index += 1
            if line.name == "BEGIN" { depth += 1 }
            if line.name == "END" {
                depth -= 1
                if depth == 0 {
                    guard line.value.uppercased() == name else {
                        throw FormatError(
                            "line \(line.line)",
                            "END:\(line.value) closes BEGIN:\(name) of line \(opened.line)"
                        )
                    }
                    return body
                }
            }
            body.append(line)
        }
        throw FormatError("line \(opened.line)", "BEGIN:\(name) is never closed")
    }

    /// Remembers a VTIMEZONE's standard offset, for TZIDs that are not IANA names (Outlook's).
    mutating func timeZone(_ body: [ContentLine]) throws(FormatError) {
        guard let id = body.first(where: { $0.name == "TZID" })?.value else { return }
        var inStandard = false
        for line in body {
            if line.name == "BEGIN" { inStandard = line.value.uppercased() == "STANDARD" }
            if inStandard && line.name == "TZOFFSETTO" {
                zones[id] = try Self.offset(line)
                return
            }
        }
    }

    /// `+0300`, `-0530`, `+000000`.
    static func offset(_ line: ContentLine) throws(FormatError) -> Int {
        let text = line.value
        guard let sign = text.first, sign == "+" || sign == "-", [5, 7].contains(text.count),
            text.dropFirst().allSatisfy(\.isASCIIDigit)
        else { throw FormatError("line \(line.line)", "\"\(text)\" is not a UTC offset (+HHMM)") }
        let digits = Array(text.dropFirst()).map { Int(String($0))! }
        let seconds =
            (digits[0] * 10 + digits[1]) * 3600 + (digits[2] * 10 + digits[3]) * 60
            + (digits.count == 6 ? digits[4] * 10 + digits[5] : 0)
        return sign == "-" ? -seconds : seconds
    }

    /// The zone a time is read in, and its IANA name when it has one; `nil` when its TZID is
    /// neither an IANA name nor defined in the file.
    func zone(of line: ContentLine) -> (zone: ICalendarDates.Zone, name: String?)? {
        guard let id = line.parameters["TZID"] else {
            return (.named(calendarZone ?? TimeZone(identifier: "UTC")!), calendarZone?.identifier)
        }
        if let zone = TimeZone(identifier: WindowsZones.iana[id] ?? id) { return (.named(zone), zone.identifier) }
        return zones[id].map { (.fixed(seconds: $0), nil) }
    }
}
