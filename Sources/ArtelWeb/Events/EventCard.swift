import ArtelCore
import ArtelFormats
import Foundation

/// An event as the site's templates read it: texts in the page's language, links, times.
enum EventCard {
    /// The values of an event's (or an occurrence's) card in the list.
    static func card(_ item: EventItem, _ frame: PageFrame) -> [String: Any] {
        let words = frame.words
        let event = item.event
        var card: [String: Any] = [
            "href": item.href,
            "title": event.summary,
            "when": EventTimes.when(event, frame),
            "startISO": EventTimes.machine(event.start, allDay: event.allDay),
            "community": communityName(item),
            "repeats": item.repeats,
        ]
        card["type"] = item.type.map { words["events.type.\($0)"] }
        card["attendance"] = event.attendance.map { words["events.attendance.\($0)"] }
        if let status = event.status, status != "scheduled" {
            card["status"] = words["events.status.\(status)"]
            card["cancelled"] = status == "cancelled"
        }
        let place = [item.placeName, item.placeCity].compactMap { $0 }.filter { !$0.isEmpty }
        if !place.isEmpty { card["place"] = place.joined(separator: ", ") }
        // A list names the zone of times that are not Moscow's; an event's page names it always.
        if let zone = EventTimes.zone(of: event), zone != SiteDates.defaultZone {
            card["zone"] = EventTimes.zoneName(zone, at: event.start)
        }
        return card
    }

    /// The values of an event's own page: the card's, and every other field.
    ///
    /// - Parameter upcoming: the next occurrences of a series.
    static func page(_ item: EventItem, upcoming: [EventItem], _ frame: PageFrame) -> [String: Any] {
        let words = frame.words
        let event = item.event
        var page = card(item, frame)
        let zone = EventTimes.zone(of: event)
        // The offset of the date the page tells: a series' next one, on its side of summer time.
        let told = upcoming.first?.event.start ?? event.start
        page["zone"] = zone.map { EventTimes.zoneName($0, at: told) }
        if let end = event.end { page["endISO"] = EventTimes.machine(end, allDay: event.allDay) }
        page["placeName"] = item.placeName
        page["placeAddress"] = item.placeAddress
        let area = [item.placeCity, item.placeCountry].compactMap { $0 }.filter { !$0.isEmpty }
        if !area.isEmpty { page["placeArea"] = area.joined(separator: ", ") }
        page["hasPlace"] = item.placeName != nil || item.placeAddress != nil || !area.isEmpty
        let joins = event.onlineURLs.filter(FeedLinks.isWebURL)
        page["joinLinks"] = joins
        page["hasJoinLinks"] = !joins.isEmpty
        // A calendar often gives the meeting link as the event's URL too, with or without a slash
        // at its end: it is a way to join, not to register, and shown once.
        func trimmed(_ link: String) -> Substring { link.hasSuffix("/") ? link.dropLast() : link[...] }
        if let url = event.url, FeedLinks.isWebURL(url), !joins.contains(where: { trimmed($0) == trimmed(url) }) {
            page["registrationURL"] = url
            // No one registers for what will not happen; the link stays among the details.
            if event.status != "cancelled" { page["registerButton"] = url }
        }
        page["price"] = item.price
        page["capacity"] = item.capacity.map { words.count("events.places", Int(clamping: $0)) }
        page["language"] = item.language.map { words.table["events.language.\($0)"] ?? $0 }
        page["tags"] = item.tags
        page["hasTags"] = !item.tags.isEmpty
        let description = JobCard.paragraphs(event.description)
        page["description"] = description
        page["hasDescription"] = !description.isEmpty
        page["communityHref"] = "/communities/\(item.community.hex)"
        page["icsHref"] = "/events/\(item.id.hex).ics"
        if let rule = event.recurrence?.rule ?? (event.recurrence != nil ? "" : nil) {
            page["recurrence"] = words[recurrenceKey(rule)]
        }
        // A series is told by its next date, then the ones after; its first may be long past.
        page["whenLabel"] = words[upcoming.isEmpty ? "events.when" : "events.next"]
        if let next = upcoming.first?.event {
            page["when"] = EventTimes.when(next, frame)
            page["startISO"] = EventTimes.machine(next.start, allDay: next.allDay)
        }
        page["upcoming"] = upcoming.dropFirst().map { occurrence in
            [
                "when": EventTimes.when(occurrence.event, frame),
                "iso": EventTimes.machine(
                    occurrence.event.start,
                    allDay: occurrence.event.allDay
                ),
            ]
        }
        page["hasUpcoming"] = upcoming.count > 1
        return page
    }

    /// The key of the words that say how a series repeats: every day, week, month or year, else "on a
    /// schedule" for any other rule (an interval, a set of dates).
    static func recurrenceKey(_ rule: String) -> String {
        let parts = Dictionary(
            rule.uppercased().split(separator: ";").compactMap { part -> (String, String)? in
                let pair = part.split(separator: "=", maxSplits: 1)
                return pair.count == 2 ? (String(pair[0]), String(pair[1])) : nil
            },
            uniquingKeysWith: { first, _ in first }
        )
        guard parts["INTERVAL"] == nil || parts["INTERVAL"] == "1",
            let frequency = parts["FREQ"], ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"].contains(frequency)
        else { return "events.repeats.other" }
        return "events.repeats.\(frequency.lowercased())"
    }

    /// The name of an event's community, else the start of its key.
    static func communityName(_ item: EventItem) -> String {
        item.communityName ?? String(item.community.hex.prefix(12))
    }
}
