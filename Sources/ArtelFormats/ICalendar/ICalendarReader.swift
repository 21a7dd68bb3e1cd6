import Foundation

/// Reads the VEVENTs of an iCalendar stream (RFC 5545) as calendar apps write them: folded lines,
/// escaped text, UTC, TZID (IANA, or Windows names with their VTIMEZONE), floating and all-day
/// times. Alarms, free/busy, to-dos and exceptions to single occurrences of a recurring event
/// (RECURRENCE-ID) are skipped; a recurring event keeps its RRULE as text.
public enum ICalendarReader: Sendable {
    /// Reads every event of a stream.
    ///
    /// - Throws: ``FormatError`` naming the line: not a calendar, a component left open, a date
    ///   that is not one, an event without UID, SUMMARY or DTSTART, an unknown time zone.
    public static func events(in bytes: [UInt8]) throws(FormatError) -> [CalendarEvent] {
        var lines: [ContentLine] = []
        for (text, line) in try ContentLine.unfold(bytes) { lines.append(try ContentLine.parse(text, line: line)) }
        guard lines.first.map({ $0.name == "BEGIN" && $0.value.uppercased() == "VCALENDAR" }) == true else {
            throw FormatError("line 1", "an iCalendar file starts with BEGIN:VCALENDAR")
        }
        var reader = Reader(lines: lines)
        return try reader.calendar()
    }
}

private struct Reader {
    let lines: [ContentLine]
    var index = 0
    /// Offsets of the calendar's VTIMEZONEs by TZID, for names that are not IANA ones.
    var zones: [String: Int] = [:]
    /// X-WR-TIMEZONE: where floating times are read; UTC when the calendar does not say.
    var calendarZone: TimeZone?

    init(lines: [ContentLine]) {
        self.lines = lines
    }

    mutating func calendar() throws(FormatError) -> [CalendarEvent] {
        index = 1
        var events: [ContentLine] = []
        var collected: [[ContentLine]] = []
        while index < lines.count {
            let line = lines[index]
            index += 1
            switch (line.name, line.value.uppercased()) {
            case ("END", "VCALENDAR"):
                return try collected.map { (lines) throws(FormatError) in try event(lines) }
            case ("BEGIN", "VEVENT"):
                events = try component("VEVENT", opened: line)
                // An exception to one occurrence of a recurring event shares its UID; the series stays whole.
                if !events.contains(where: { $0.name == "RECURRENCE-ID" }) { collected.append(events) }
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

    func event(_ body: [ContentLine]) throws(FormatError) -> CalendarEvent {
        var properties: [String: ContentLine] = [:]
        var depth = 0
        for line in body {
            if line.name == "BEGIN" { depth += 1 }
            if line.name == "END" { depth -= 1 }
            if depth == 0 && line.name != "END" && properties[line.name] == nil { properties[line.name] = line }
        }
        let place = "line \((body.first?.line ?? 1) - 1)"
        guard let uid = properties["UID"]?.value, !uid.isEmpty else { throw FormatError(place, "a VEVENT has no UID") }
        guard let summary = properties["SUMMARY"].map({ ICalendarText.unescape($0.value) }), !summary.isEmpty else {
            throw FormatError(place, "event \(uid.prefix(60)) has no SUMMARY")
        }
        guard let startLine = properties["DTSTART"] else {
            throw FormatError(place, "event \(uid.prefix(60)) has no DTSTART")
        }
        let (zone, zoneName) = try zone(of: startLine)
        let start = try ICalendarDates.read(startLine.value, in: zone, place: "line \(startLine.line)")
        var event = CalendarEvent(uid: uid, summary: summary, start: start.milliseconds, allDay: start.isDate)
        event.timeZone = zoneName
        if let endLine = properties["DTEND"] {
            let (endZone, _) = try self.zone(of: endLine)
            event.end = try ICalendarDates.read(endLine.value, in: endZone, place: "line \(endLine.line)").milliseconds
        } else if start.isDate {
            event.end = start.milliseconds + 86_400_000  // RFC 5545 §3.6.1: a one-day event
        }
        if let end = event.end, end < event.start {
            throw FormatError("line \(properties["DTEND"]?.line ?? startLine.line)", "the event ends before it starts")
        }
        event.description = properties["DESCRIPTION"].map { ICalendarText.unescape($0.value) }
        event.location = properties["LOCATION"].map { ICalendarText.unescape($0.value) }
        event.url = properties["URL"]?.value
        event.recurrence = properties["RRULE"]?.value
        if let sequence = properties["SEQUENCE"] {
            guard let number = Int64(sequence.value), number >= 0 else {
                throw FormatError("line \(sequence.line)", "SEQUENCE \"\(sequence.value.prefix(20))\" is not a count")
            }
            event.sequence = number
        }
        switch properties["STATUS"]?.value.uppercased() {
        case "CANCELLED": event.status = "cancelled"
        case "TENTATIVE": event.status = "postponed"
        case "CONFIRMED": event.status = "scheduled"
        default: break
        }
        let stamp = properties["LAST-MODIFIED"] ?? properties["DTSTAMP"]
        if let stamp {
            event.updated = try? ICalendarDates.read(stamp.value, in: .fixed(seconds: 0), place: "").milliseconds
        }
        return event
    }

    /// The zone a time is read in, and its IANA name when it has one.
    func zone(of line: ContentLine) throws(FormatError) -> (ICalendarDates.Zone, String?) {
        guard let id = line.parameters["TZID"] else {
            return (.named(calendarZone ?? TimeZone(identifier: "UTC")!), calendarZone?.identifier)
        }
        if let zone = TimeZone(identifier: id) { return (.named(zone), zone.identifier) }
        if let seconds = zones[id] { return (.fixed(seconds: seconds), nil) }
        throw FormatError(
            "line \(line.line)",
            "time zone \"\(id.prefix(60))\" is neither an IANA name nor defined in the file"
        )
    }
}
