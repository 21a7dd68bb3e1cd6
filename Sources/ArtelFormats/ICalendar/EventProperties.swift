import ArtelCore
import Foundation

/// The properties of one VEVENT, read into a ``CalendarEvent``.
struct EventProperties {
    /// The first line of each property outside nested components; empty values count as absent.
    private var first: [String: ContentLine] = [:]
    /// Every line of the properties that may repeat.
    private var repeated: [String: [ContentLine]] = [:]
    /// The line of the BEGIN:VEVENT.
    private let beginLine: Int
    private let parser: CalendarParser

    private static let repeating: Set<String> = ["EXDATE", "RDATE", "CONFERENCE"]

    init(_ body: [ContentLine], parser: CalendarParser) {
        var depth = 0
        for line in body {
            if line.name == "BEGIN" { depth += 1 }
            if line.name == "END" { depth -= 1 }
            // Google writes `LOCATION:` and `DESCRIPTION:` for fields left blank.
            guard depth == 0, line.name != "END", !line.value.allSatisfy(\.isWhitespace) else { continue }
            if Self.repeating.contains(line.name) { repeated[line.name, default: []].append(line) }
            if first[line.name] == nil { first[line.name] = line }
        }
        beginLine = (body.first?.line ?? 1) - 1
        self.parser = parser
    }

    /// The events of a calendar's VEVENTs, and the VEVENTs that give none: exceptions to single
    /// occurrences taken out of their series and, unless cancelled, kept as events of their own.
    static func events(
        _ bodies: [[ContentLine]],
        in parser: CalendarParser
    ) -> (events: [CalendarEvent], skipped: [SkippedEvent]) {
        var events: [CalendarEvent] = []
        var skipped: [SkippedEvent] = []
        var overrides: [(uid: String, original: Int64, event: CalendarEvent)] = []
        for body in bodies {
            let properties = EventProperties(body, parser: parser)
            do throws(SkippedEvent) {
                var event = try properties.event()
                if let line = properties.first["RECURRENCE-ID"] {
                    let original = try properties.moment(line)
                    event.recurrence = nil
                    overrides.append((event.uid, original, event))
                } else {
                    events.append(event)
                }
            } catch {
                skipped.append(error)
            }
        }
        for (uid, original, override) in overrides {
            let series = events.firstIndex { $0.uid == uid && $0.recurrence != nil }
            if let series { events[series].recurrence?.exceptions.append(original) }
            guard override.status != "cancelled" else { continue }
            var moved = override
            moved.uid = uid + "#" + ICalendarDates.utc(original)
            // An occurrence that says nothing of where it happens happens where its series does.
            if let series, moved.location == nil && moved.onlineURLs.isEmpty {
                (moved.location, moved.onlineURLs) = (events[series].location, events[series].onlineURLs)
                moved.attendance = events[series].attendance
            }
            moved.description = moved.description ?? series.flatMap { events[$0].description }
            events.append(moved)
        }
        for index in events.indices {
            events[index].recurrence?.exceptions.sort()
            events[index].recurrence?.additions.sort()
        }
        return (events, skipped)
    }

    func event() throws(SkippedEvent) -> CalendarEvent {
        guard let uid = first["UID"]?.value else { throw skip(.noUID) }
        guard let summary = text("SUMMARY") else { throw skip(.noSummary) }
        guard let startLine = first["DTSTART"] else { throw skip(.noStart) }
        let (zone, zoneName) = try zone(of: startLine)
        let start = try time(startLine.value, in: zone, of: startLine)
        var event = CalendarEvent(
            uid: uid,
            summary: summary,
            start: start.milliseconds,
            allDay: start.isDate
        )
        event.timeZone = zoneName
        if let endLine = first["DTEND"] {
            event.end = try moment(endLine)
        } else if let duration = first["DURATION"] {
            guard let length = ICalendarDuration.milliseconds(duration.value) else {
                throw skip(.notADuration(String(duration.value.prefix(40))), at: duration)
            }
            event.end = start.milliseconds + length
        } else if start.isDate {
            event.end = start.milliseconds + 86_400_000  // RFC 5545 §3.6.1: a one-day event
        }
        if let end = event.end, end < event.start {
            throw skip(.endsBeforeStart, at: first["DTEND"] ?? startLine)
        }
        // A DATE in EXDATE or RDATE of a timed series names the occurrence on that day.
        let series = start.isDate ? nil : Self.localTime(of: start.milliseconds, in: zone, written: startLine.value)
        event.description = text("DESCRIPTION")
        event.url = first["URL"]?.value
        if let rule = first["RRULE"]?.value {
            event.recurrence = Recurrence(rule: rule)
        }
        let added = try moments("RDATE", series: series)
        if !added.isEmpty {
            event.recurrence = event.recurrence ?? Recurrence(rule: nil)
            event.recurrence?.additions = added
        }
        event.recurrence?.exceptions = try moments("EXDATE", series: series)
        if let sequence = first["SEQUENCE"] {
            guard let number = Int64(sequence.value), number >= 0 else {
                throw skip(.notASequence(String(sequence.value.prefix(20))), at: sequence)
            }
            event.sequence = number
        }
        event.status = Self.status(of: first["STATUS"]?.value, artel: first["X-ARTEL-STATUS"]?.value)
        if let stamp = first["LAST-MODIFIED"] ?? first["DTSTAMP"] {
            event.updated = try? ICalendarDates.read(stamp.value, in: .fixed(seconds: 0), place: "").milliseconds
        }
        readAttendance(into: &event)
        return event
    }

    /// Why this VEVENT gives no event; the line at fault is its BEGIN:VEVENT unless given.
    private func skip(_ problem: SkippedEvent.Problem, at line: ContentLine? = nil) -> SkippedEvent {
        SkippedEvent(line: beginLine, problemLine: line?.line, summary: text("SUMMARY"), problem: problem)
    }

    /// STATUS as Artel names it. TENTATIVE says the event is not confirmed, not that it was
    /// postponed, so it names no status. The status Artel's own feeds add (X-ARTEL-STATUS, which
    /// STATUS cannot carry: postponed, rescheduled, moved online) counts first.
    static func status(of status: String?, artel: String?) -> String? {
        if let artel, CalendarEvent.artelStatuses.contains(artel) { return artel }
        switch status?.uppercased() {
        case "CANCELLED": return "cancelled"
        case "CONFIRMED": return "scheduled"
        default: return nil
        }
    }

    /// Meeting links make the event online; a LOCATION that names a place besides makes it mixed,
    /// and a place alone offline. Without either, attendance stays unknown.
    private func readAttendance(into event: inout CalendarEvent) {
        // Apple writes an address a part a line: "Factory Berlin\nRheinsberger Str. 76/77\n10115 Berlin".
        let location = text("LOCATION").map { text in
            guard text.contains(where: \.isNewline) else { return text }
            return text.split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " ,")) }.filter { !$0.isEmpty }
                .joined(separator: ", ")
        }
        var links = (repeated["CONFERENCE"] ?? []).map(\.value).filter(MeetingLinks.isMeeting)
        for name in ["X-GOOGLE-CONFERENCE", "X-MICROSOFT-SKYPETEAMSMEETINGURL", "URL"] {
            if let link = first[name]?.value, MeetingLinks.isMeeting(link) { links.append(link) }
        }
        links += MeetingLinks.find(in: location ?? "") + MeetingLinks.find(in: event.description ?? "")
        event.onlineURLs = links.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        event.location = location
        if let location, location.contains("://") {
            var place = location
            for link in event.onlineURLs { place = place.replacingOccurrences(of: link, with: "") }
            place = place.trimmingCharacters(in: CharacterSet(charactersIn: " ,;-–—|/\n\t"))
            event.location = place.isEmpty || MeetingLinks.isOnlyLinks(place) ? nil : place
        }
        // "Online event" (Meetup), "Собрание Microsoft Teams" (Outlook): a way to meet, not a place.
        let saysOnline = event.location.map(MeetingLinks.namesOnlyAMeeting) ?? false
        if saysOnline { event.location = nil }
        if !event.onlineURLs.isEmpty || saysOnline {
            event.attendance = event.location == nil ? "online" : "mixed"
        } else if event.location != nil {
            // A place and no way to join from afar: people come (an address is what LOCATION holds).
            event.attendance = "offline"
        }
    }

    /// A TEXT property, unescaped, without the spaces around it; `nil` when it is only spaces.
    private func text(_ name: String) -> String? {
        first[name].map { ICalendarText.unescape($0.value).trimmingCharacters(in: .whitespacesAndNewlines) }
            .flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A DATE or DATE-TIME property in its zone.
    private func moment(_ line: ContentLine) throws(SkippedEvent) -> Int64 {
        try time(line.value, in: try zone(of: line).zone, of: line).milliseconds
    }

    /// Every value of a repeating date list (EXDATE, RDATE); a PERIOD counts by its start. A DATE
    /// counts as that day's moment at the `series`' local time of day, when the series is timed.
    private func moments(
        _ name: String,
        series: (timeOfDay: Int64, zone: TimeZone)?
    ) throws(SkippedEvent) -> [Int64] {
        var moments: [Int64] = []
        for line in repeated[name] ?? [] {
            let zone = try zone(of: line).zone
            for value in line.value.split(separator: ",") {
                let read = try time(String(value.prefix { $0 != "/" }), in: zone, of: line)
                guard read.isDate, let series else {
                    moments.append(read.milliseconds)
                    continue
                }
                let local = CivilTime(milliseconds: read.milliseconds + series.timeOfDay)
                moments.append(ICalendarDates.moment(local, in: series.zone))
            }
        }
        return moments
    }

    /// The local time of day of a moment, in milliseconds after midnight, and the zone it is local
    /// to: UTC when its value was written in UTC (`…Z`), else its zone.
    private static func localTime(
        of moment: Int64,
        in zone: ICalendarDates.Zone,
        written value: String
    ) -> (timeOfDay: Int64, zone: TimeZone) {
        let timeZone = value.uppercased().hasSuffix("Z") ? TimeZone(identifier: "UTC")! : zone.timeZone
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(moment) / 1000))
        let local = moment + Int64(offset) * 1000
        return ((local % 86_400_000 + 86_400_000) % 86_400_000, timeZone)
    }

    /// A DATE or DATE-TIME value of a property.
    private func time(
        _ value: String,
        in zone: ICalendarDates.Zone,
        of line: ContentLine
    ) throws(SkippedEvent) -> (milliseconds: Int64, isDate: Bool) {
        do {
            return try ICalendarDates.read(value, in: zone, place: "line \(line.line)")
        } catch {
            throw skip(.notATime(String(value.prefix(40))), at: line)
        }
    }

    /// The zone a property's times are read in, and its IANA name when it has one.
    private func zone(of line: ContentLine) throws(SkippedEvent) -> (zone: ICalendarDates.Zone, name: String?) {
        guard let zone = parser.zone(of: line) else {
            throw skip(.unknownTimeZone(String((line.parameters["TZID"] ?? "").prefix(60))), at: line)
        }
        return zone
    }
}
