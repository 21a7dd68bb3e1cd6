public import ArtelCore
import ArtelFormats
import Foundation

/// A month of events (`/events/calendar?month=2026-12`): a table of weeks from Monday, each day
/// with its events as links, today marked, the months before and after a link away. On a narrow
/// screen the style sheet turns the table into a list of the days that have events.
public enum EventCalendarPage: Sendable {
    /// The month.
    ///
    /// - Parameters:
    ///   - occurrences: the occurrences of public events around the month (a day either side, for
    ///     time zones), by start; each is shown on the days it is on in its own zone.
    ///   - now: the moment of reading, Unix ms, for today's mark.
    ///   - communities: the communities a visitor can narrow to and subscribe to, by name.
    ///   - host: the host the visitor asked for, for the `webcal://` links; `nil` when unknown.
    public static func render(
        _ frame: PageFrame,
        filters: EventFilters,
        month: CalendarMonth,
        occurrences: [EventItem],
        now: Int64,
        communities: [(key: PublicKey, name: String)],
        origin: SiteOrigin?
    ) -> SitePage {
        let words = frame.words
        let first = month.dayNumber(1)
        let last = month.dayNumber(month.length)
        var byDay: [Int64: [[String: Any]]] = [:]
        for item in occurrences {
            let event = item.event
            let days = EventTimes.days(of: event)
            let (lower, upper) = (max(days.lowerBound, first), min(days.upperBound, last))
            guard lower <= upper else { continue }
            for day in lower...upper {
                var entry: [String: Any] = ["href": item.href, "title": event.summary]
                if !event.allDay && day == days.lowerBound {
                    entry["time"] = EventTimes.time(event.start, EventTimes.zone(of: event))
                }
                if event.status == "cancelled" { entry["status"] = words["events.status.cancelled"] }
                byDay[day, default: []].append(entry)
            }
        }
        let today = EventTimes.dayNumber(now, SiteDates.defaultZone)
        let title = words["calendar.month\(month.month)"] + " " + String(month.year)
        let weeks = month.weeks.map { week -> [String: Any] in
            [
                "days": week.map { day -> [String: Any] in
                    guard let day else { return ["blank": true] }
                    let number = month.dayNumber(day)
                    let events = byDay[number] ?? []
                    return [
                        "day": day,
                        "iso": month.text + "-" + CivilTime.digits(day, 2),
                        "weekday": words["calendar.weekdayShort\(month.weekday(day))"],
                        "today": number == today,
                        "events": events,
                        "hasEvents": !events.isEmpty,
                    ]
                }
            ]
        }
        var content = EventForm.content(frame, filters, communities: communities, origin: origin)
        content["action"] = "/events/calendar"
        content["month"] = month.text
        content["caption"] = title
        content["weekdays"] = (0..<7).map {
            ["short": words["calendar.weekdayShort\($0)"], "full": words["calendar.weekday\($0)"]]
        }
        content["weeks"] = weeks
        content["empty"] = byDay.isEmpty
        content["listHref"] = PageFrame.address("/events", filters.parameters)
        if let previous = month.previous {
            content["previous"] = [
                "href": frame.link(replacing: ["month": previous.text]),
                "label": words["calendar.month\(previous.month)"] + " " + String(previous.year),
            ]
        }
        if let next = month.next {
            content["next"] = [
                "href": frame.link(replacing: ["month": next.text]),
                "label": words["calendar.month\(next.month)"] + " " + String(next.year),
            ]
        }
        let current = CalendarMonth.containing(now, zone: SiteDates.defaultZone)
        if current != month { content["thisMonth"] = frame.link(replacing: ["month": current.text]) }
        return SitePage.render(
            "eventCalendar",
            frame.context(
                title: words["calendar.title"] + ": " + title,
                content: content,
                feeds: EventForm.feeds(frame, filters)
            ),
            status: filters.problems.isEmpty ? 200 : 400
        )
    }

    /// The page for a `month` parameter that is not a month: 400, saying what is wrong and how to
    /// write one.
    public static func badMonth(_ frame: PageFrame, _ text: String, _ problem: CalendarMonth.Problem) -> SitePage {
        let words = frame.words
        return SitePage.error(
            frame,
            status: 400,
            heading: words["calendar.badMonth"],
            message: words[problem.rawValue].replacingOccurrences(of: "{value}", with: String(text.prefix(40)))
        )
    }
}
