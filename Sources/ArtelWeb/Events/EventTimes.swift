import ArtelCore
import ArtelFormats
import Foundation

/// When an event happens, as its pages say it: in the event's own time zone, which they name (an
/// event that names none is shown in Moscow's, ``SiteDates/defaultZone``); an all-day event by its
/// days alone.
enum EventTimes {
    /// The zone an event's times are shown in; `nil` for an all-day event, whose days are UTC dates.
    static func zone(of event: CalendarEvent) -> String? {
        event.allDay
            ? nil : event.timeZone.flatMap { TimeZone(identifier: $0) != nil ? $0 : nil } ?? SiteDates.defaultZone
    }

    /// The date and time of a moment in a zone (`nil`: UTC).
    static func civil(_ milliseconds: Int64, _ zone: String?) -> CivilTime {
        CivilTime(milliseconds: milliseconds, offset: zone.map { SiteDates.offset(milliseconds, $0) } ?? 0)
    }

    /// Days since the Unix epoch of the date a moment falls on in a zone.
    static func dayNumber(_ milliseconds: Int64, _ zone: String?) -> Int64 {
        let civil = civil(milliseconds, zone)
        return CivilTime(year: civil.year, month: civil.month, day: civil.day).milliseconds() / 86_400_000
    }

    /// The days an event is on, in its zone: from its start's to its end's (an all-day event's end is
    /// the day after its last, and an event ending at midnight ends the day before).
    static func days(of event: CalendarEvent) -> ClosedRange<Int64> {
        let zone = zone(of: event)
        let first = dayNumber(event.start, zone)
        guard let end = event.end, end > event.start else { return first...first }
        return first...max(first, dayNumber(end - 1, zone))
    }

    /// `19:00`.
    static func time(_ milliseconds: Int64, _ zone: String?) -> String {
        let civil = civil(milliseconds, zone)
        return CivilTime.digits(civil.hour, 2) + ":" + CivilTime.digits(civil.minute, 2)
    }

    /// `чт, 10 декабря 2026`: a day with its weekday.
    static func day(_ milliseconds: Int64, _ zone: String?, _ frame: PageFrame) -> String {
        let weekday = Int(((dayNumber(milliseconds, zone) + 3) % 7 + 7) % 7)
        let day = SiteDates.day(milliseconds, in: frame.language, zone: zone ?? "UTC")
        return frame.words["calendar.weekdayShort\(weekday)"] + ", " + day
    }

    /// When an event happens: `чт, 10 декабря 2026, 19:00–21:00`; `чт, 24 декабря 2026 — сб, 26
    /// декабря 2026` for days; the end's day written out when it is another.
    static func when(_ event: CalendarEvent, _ frame: PageFrame) -> String {
        let zone = zone(of: event)
        let days = days(of: event)
        if event.allDay {
            let last = event.start + (days.upperBound - days.lowerBound) * 86_400_000
            return days.count == 1
                ? day(event.start, nil, frame) : day(event.start, nil, frame) + " — " + day(last, nil, frame)
        }
        var text = day(event.start, zone, frame) + ", " + time(event.start, zone)
        if let end = event.end, end > event.start {
            text += days.count == 1 ? "–" + time(end, zone) : " — " + day(end, zone, frame) + ", " + time(end, zone)
        }
        return text
    }

    /// The zone named with its offset at a moment: `Europe/Moscow (UTC+3)`, `Asia/Kolkata (UTC+5:30)`.
    static func zoneName(_ zone: String, at milliseconds: Int64) -> String {
        let offset = SiteDates.offset(milliseconds, zone)
        let hours = abs(offset) / 3_600
        let minutes = abs(offset) / 60 % 60
        let sign = offset < 0 ? "−" : "+"
        let utc = offset == 0 ? "UTC" : "UTC\(sign)\(hours)" + (minutes == 0 ? "" : ":" + CivilTime.digits(minutes, 2))
        return "\(zone) (\(utc))"
    }

    /// The moment as `datetime` attributes want it: a date for an all-day event, else UTC.
    static func machine(_ milliseconds: Int64, allDay: Bool) -> String {
        allDay ? ISODates.date(milliseconds) : ISODates.dateTime(milliseconds)
    }
}
