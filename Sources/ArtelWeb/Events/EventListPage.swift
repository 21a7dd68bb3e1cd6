public import ArtelCore
import Foundation

/// The events (`/events`): filters, a page of the coming occurrences of public events, links to
/// the next pages, to the calendar, and to subscribe.
public enum EventListPage: Sendable {
    /// The list.
    ///
    /// - Parameters:
    ///   - occurrences: every coming occurrence the filters found, by start; the page shows its part.
    ///   - communities: the communities a visitor can narrow to and subscribe to, by name.
    ///   - host: the host the visitor asked for, for the `webcal://` links; `nil` when unknown.
    public static func render(
        _ frame: PageFrame,
        filters: EventFilters,
        occurrences: [EventItem],
        communities: [(key: PublicKey, name: String)],
        origin: SiteOrigin?
    ) -> SitePage {
        let words = frame.words
        let total = occurrences.count
        let size = EventFilters.pageSize
        let pageCount = max(1, (total + size - 1) / size)
        let shown = occurrences.dropFirst((filters.page - 1) * size).prefix(size)
        var content = EventForm.content(frame, filters, communities: communities, origin: origin)
        content["action"] = "/events"
        content["found"] = words.count("events.found", total)
        content["events"] = shown.map { EventCard.card($0, frame) }
        content["live"] = "events"
        content["calendarHref"] = PageFrame.address("/events/calendar", filters.parameters)
        if pageCount > 1 {
            var pages: [String: Any] = [
                "position": words["pages.of"].replacingOccurrences(of: "{page}", with: "\(filters.page)")
                    .replacingOccurrences(of: "{pages}", with: "\(pageCount)")
            ]
            if filters.page > 1 {
                pages["previous"] = frame.link(replacing: ["page": filters.page == 2 ? nil : String(filters.page - 1)])
            }
            if filters.page < pageCount { pages["next"] = frame.link(replacing: ["page": String(filters.page + 1)]) }
            content["pages"] = pages
        }
        return SitePage.render(
            "events",
            frame.context(title: words["events.title"], content: content, feeds: EventForm.feeds(frame, filters)),
            status: filters.problems.isEmpty ? 200 : 400
        )
    }
}
