import ArtelFormats

/// One event's page (`/events/{id}`): every field, times in the event's named zone, the join and
/// registration links, its community, a link to add it to a calendar, and its schema.org `Event`
/// for search engines.
public enum EventPage: Sendable {
    /// The most coming occurrences of a series the page lists and describes in JSON-LD.
    public static let upcomingLimit = 10

    /// The page of `item`.
    ///
    /// - Parameter upcoming: a series' coming occurrences, at most ``upcomingLimit``; empty for an
    ///   event that does not repeat.
    public static func render(_ frame: PageFrame, item: EventItem, upcoming: [EventItem]) -> SitePage {
        // A series is described as its coming occurrences, as the JSON-LD export does; a series with
        // none left, as itself.
        let described = upcoming.isEmpty ? [item.event] : upcoming.map(\.event)
        return SitePage.render(
            "event",
            frame.context(
                title: item.event.summary,
                content: ["event": EventCard.page(item, upcoming: upcoming, frame)],
                jsonLD: SchemaOrgWriter.document(jobs: [], events: described)
            )
        )
    }
}
