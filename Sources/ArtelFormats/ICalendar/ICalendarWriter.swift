import Foundation

/// Writes events as an iCalendar feed (RFC 5545) that calendar apps subscribe to: CRLF lines folded
/// at 75 octets, escaped text, stable UIDs, DTSTAMP, SEQUENCE and STATUS (a cancelled event stays in
/// the feed as cancelled, so that subscribers remove it), times in UTC, all-day events as dates with
/// an exclusive end. A repeating event stays one VEVENT with its RRULE, EXDATE and RDATE, for the
/// calendar app to expand; its times are in its own zone when it has one (TZID, with the zone's
/// VTIMEZONE), so that the app keeps its local time across summer time. An online event carries its
/// join links as CONFERENCE (RFC 7986) and, without a page of its own, as URL.
public enum ICalendarWriter: Sendable {
    /// The feed.
    ///
    /// - Parameters:
    ///   - events: the events, in the order to write them.
    ///   - name: the calendar's name (X-WR-CALNAME).
    ///   - now: the moment of writing, for DTSTAMP of events that do not say when they changed.
    public static func feed(_ events: [CalendarEvent], name: String, now: Int64) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Artel//Artel event feed//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + ICalendarText.escape(name),
        ]
        let zones = events.map(zone(of:))
        var earliest: [String: (zone: TimeZone, start: Int64)] = [:]
        for (event, zone) in zip(events, zones) {
            guard let zone else { continue }
            earliest[zone.identifier] = (zone, min(earliest[zone.identifier]?.start ?? .max, event.start))
        }
        for (_, first) in earliest.sorted(by: { $0.key < $1.key }) {
            lines += ICalendarZone.lines(for: first.zone, from: first.start)
        }
        for (event, zone) in zip(events, zones) { lines += self.lines(of: event, in: zone, now: now) }
        lines.append("END:VCALENDAR")
        return lines.map(ICalendarText.fold).joined()
    }

    /// The zone a repeating timed event's times are written in: its own, when it names one.
    private static func zone(of event: CalendarEvent) -> TimeZone? {
        guard event.recurrence != nil, !event.allDay else { return nil }
        return event.timeZone.flatMap(TimeZone.init(identifier:))
    }

    /// An event's lines; its times in `zone` when it is a zoned series (``zone(of:)``), else in UTC.
    private static func lines(of event: CalendarEvent, in zone: TimeZone?, now: Int64) -> [String] {
        // `:20261210T160000Z`, or `;TZID=Europe/Berlin:20261210T170000` for a zoned series.
        let times: ([Int64]) -> String = { moments in
            let texts = moments.map { moment in
                zone.map { ICalendarZone.local(moment, in: $0) } ?? ICalendarDates.utc(moment)
            }
            return (zone.map { ";TZID=\($0.identifier):" } ?? ":") + texts.joined(separator: ",")
        }
        var lines = ["BEGIN:VEVENT", "UID:" + event.uid, "DTSTAMP:" + ICalendarDates.utc(event.updated ?? now)]
        if event.allDay {
            lines.append("DTSTART;VALUE=DATE:" + ICalendarDates.date(event.start))
            let end = max(event.end ?? event.start + 86_400_000, event.start + 86_400_000)
            lines.append("DTEND;VALUE=DATE:" + ICalendarDates.date(end))
        } else {
            lines.append("DTSTART" + times([event.start]))
            if let end = event.end { lines.append("DTEND" + times([end])) }
        }
        lines.append("SUMMARY:" + ICalendarText.escape(event.summary))
        if let description = event.description { lines.append("DESCRIPTION:" + ICalendarText.escape(description)) }
        if let location = event.location { lines.append("LOCATION:" + ICalendarText.escape(location)) }
        // URL is the event's page; an online event without one gives its join link there too.
        if let url = event.url ?? event.onlineURLs.first { lines.append("URL:" + url) }
        for link in event.onlineURLs {
            lines.append("CONFERENCE;VALUE=URI;FEATURE=VIDEO:" + link)
        }
        if let recurrence = event.recurrence {
            if let rule = recurrence.rule { lines.append("RRULE:" + rule) }
            let dates: ([Int64]) -> String = { moments in
                event.allDay
                    ? ";VALUE=DATE:" + moments.sorted().map(ICalendarDates.date).joined(separator: ",")
                    : times(moments.sorted())
            }
            if !recurrence.exceptions.isEmpty { lines.append("EXDATE" + dates(recurrence.exceptions)) }
            if !recurrence.additions.isEmpty { lines.append("RDATE" + dates(recurrence.additions)) }
        }
        lines.append("SEQUENCE:\(event.sequence ?? 0)")
        switch event.status {
        case "cancelled": lines.append("STATUS:CANCELLED")
        case "postponed": lines.append("STATUS:TENTATIVE")
        default: lines.append("STATUS:CONFIRMED")
        }
        // STATUS has no word for these; Artel's reader takes them back from its own property.
        if let status = event.status, ["postponed", "rescheduled", "moved_online"].contains(status) {
            lines.append("X-ARTEL-STATUS:" + status)
        }
        lines.append("END:VEVENT")
        return lines
    }
}
