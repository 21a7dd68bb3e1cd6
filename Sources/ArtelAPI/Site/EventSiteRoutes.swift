import ArtelCore
import ArtelFormats
import ArtelNode
import ArtelStore
import ArtelWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore

/// The site's events (DESIGN §12): the coming public events (`/events`), a month of them
/// (`/events/calendar`), each event's page (`/events/{id}`) and the event alone as iCalendar
/// (`/events/{id}.ics`). Repeating events are expanded into their occurrences when read, as the
/// feeds and `artel list events` do.
struct EventSiteRoutes {
    let context: APIContext

    func register(on router: Router<APIRequestContext>) {
        router.get("events") { request, _ in try await list(request) }
        router.get("events/calendar") { request, _ in try await calendar(request) }
        router.get("events/:id") { request, route in
            let id = route.parameters.get("id") ?? ""
            if id.hasSuffix(".ics") { return try await calendarFile(request, String(id.dropLast(4))) }
            return try await event(request, id)
        }
    }

    /// `/events`: the coming occurrences of public events, from now to a year ahead.
    private func list(_ request: Request) async throws -> Response {
        let (frame, chosen) = try await SiteRoutes.liveFrame(request, .events, context: context)
        let filters = EventFilters(frame.parameters)
        let now = Int64(WallClock.now)
        let through = now + CalendarEvent.listingAhead
        let (occurrences, communities) = try await read(filters, from: now, through: through)
        let page = EventListPage.render(
            frame,
            filters: filters,
            occurrences: occurrences,
            communities: communities,
            origin: FeedURL.origin(request)
        )
        return SiteResponses.page(page, rememberLanguage: chosen)
    }

    /// `/events/calendar?month=YYYY-MM`: a month of public events, this month in Moscow by default.
    private func calendar(_ request: Request) async throws -> Response {
        let (frame, chosen) = SiteRoutes.frame(request, .events, siteName: context.nodeName)
        let filters = EventFilters(frame.parameters)
        let now = Int64(WallClock.now)
        let month: CalendarMonth
        if let text = filters.month {
            do {
                month = try CalendarMonth.parse(text)
            } catch {
                return SiteResponses.page(EventCalendarPage.badMonth(frame, text, error), rememberLanguage: chosen)
            }
        } else {
            month = CalendarMonth.containing(now)
        }
        // A day either side: an occurrence is shown on its days in its own zone, up to 14 hours off UTC.
        let (occurrences, communities) = try await read(
            filters,
            from: month.start - 86_400_000,
            through: month.end + 86_400_000
        )
        let page = EventCalendarPage.render(
            frame,
            filters: filters,
            month: month,
            occurrences: occurrences,
            now: now,
            communities: communities,
            origin: FeedURL.origin(request)
        )
        return SiteResponses.page(page, rememberLanguage: chosen)
    }

    /// `/events/{id}`: one public event, with a series' coming dates.
    private func event(_ request: Request, _ id: String) async throws -> Response {
        let (frame, chosen) = SiteRoutes.frame(request, .events, siteName: context.nodeName)
        guard let item = try await publicEvent(id) else {
            return SiteResponses.page(.notFound(frame), rememberLanguage: chosen)
        }
        let now = Int64(WallClock.now)
        let upcoming =
            item.event.recurrence == nil
            ? []
            : Array(
                item.occurrences(from: now, through: now + CalendarEvent.listingAhead).prefix(EventPage.upcomingLimit)
            )
        return SiteResponses.page(EventPage.render(frame, item: item, upcoming: upcoming), rememberLanguage: chosen)
    }

    /// `/events/{id}.ics`: one public event as an iCalendar file to add to a calendar, a series with
    /// its rule, as the feed writes it.
    private func calendarFile(_ request: Request, _ id: String) async throws -> Response {
        guard let item = try await publicEvent(id) else {
            let (frame, chosen) = SiteRoutes.frame(request, .events, siteName: context.nodeName)
            return SiteResponses.page(.notFound(frame), rememberLanguage: chosen)
        }
        let text = ICalendarWriter.feed([item.event], name: item.event.summary, now: item.event.updated ?? 0)
        var response = Responses.cacheable(text, contentType: "text/calendar; charset=utf-8", request: request)
        response.headers[.contentDisposition] = "attachment; filename=\"event-\(item.id.hex.prefix(12)).ics\""
        return response
    }

    /// The public event with an id (32 hex digits), `nil` when there is none or it is not public.
    private func publicEvent(_ id: String) async throws -> EventItem? {
        guard let record = RecordID(hex: id.lowercased()) else { return nil }
        var query = RecordQuery(kind: .event)
        query.records = [record]
        query.visibilities = [.public]
        query.limit = 1
        guard let stored = try await context.replica.records(query).first else { return nil }
        let names = try await PublicListings.communityNames(context.replica)
        return EventItem(
            id: stored.id,
            community: stored.community,
            state: stored.state,
            communityName: names[stored.community]
        )
    }

    /// The occurrences of the public events the filters find in a window, by start, and the
    /// communities to choose from, by name.
    func read(
        _ filters: EventFilters,
        from: Int64,
        through: Int64
    ) async throws -> ([EventItem], [(key: PublicKey, name: String)]) {
        let names = try await PublicListings.communityNames(context.replica)
        let items = try await context.replica.records(filters.query(from: from, through: through)).compactMap {
            EventItem(id: $0.id, community: $0.community, state: $0.state, communityName: names[$0.community])
        }
        let communities = PublicListings.choices(names)
        return (EventItem.occurrences(items, from: from, through: through), communities)
    }

}
