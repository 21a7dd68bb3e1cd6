import ArtelCore
import ArtelFormats
import ArtelNode
import ArtelStore
import ArtelWeb
import Hummingbird

/// `/embed/…`: listings a community's own site shows in a frame, narrowed by `community`
/// (repeatable) and `limit` (1 to 50, 10 by default), coloured by `accent` and `background`.
struct EmbedSiteRoutes {
    let context: APIContext

    func register(on router: Router<APIRequestContext>) {
        router.get("embed/jobs") { request, _ in
            let (frame, chosen) = try await SiteRoutes.liveFrame(request, .jobs, context: context)
            let communities = frame.parameters.filter { $0.name == "community" }.compactMap {
                PublicKey(hex: $0.value.lowercased())
            }
            var query = RecordQuery(kind: .job)
            query.communities = communities
            query.visibilities = [.public]
            query.openAt = Int64(WallClock.now)
            query.limit = Self.limit(frame)
            let names = try await PublicListings.communityNames(context.replica)
            let jobs = try await context.replica.records(query).compactMap {
                JobListing(id: $0.id, community: $0.community, state: $0.state, communityName: names[$0.community])
            }
            let more = communities.count == 1 ? "/?community=\(communities[0].hex)" : "/"
            let page = EmbedPages.jobs(frame, jobs: jobs, style: EmbedStyle(frame.parameters), more: more)
            return SiteResponses.page(page, rememberLanguage: chosen, embeddable: true)
        }
        router.get("embed/events") { request, _ in
            let (frame, chosen) = try await SiteRoutes.liveFrame(request, .events, context: context)
            let filters = EventFilters(frame.parameters)
            let now = Int64(WallClock.now)
            let (occurrences, _) = try await EventSiteRoutes(context: context).read(
                filters,
                from: now,
                through: now + CalendarEvent.listingAhead
            )
            let communities = frame.parameters.filter { $0.name == "community" }.compactMap {
                PublicKey(hex: $0.value.lowercased())
            }
            let more = communities.count == 1 ? "/events?community=\(communities[0].hex)" : "/events"
            let page = EmbedPages.events(
                frame,
                events: Array(occurrences.prefix(Self.limit(frame))),
                style: EmbedStyle(frame.parameters),
                more: more
            )
            return SiteResponses.page(page, rememberLanguage: chosen, embeddable: true)
        }
    }

    /// How many listings an embed shows: `limit`, 1 to 50, else 10.
    static func limit(_ frame: PageFrame) -> Int {
        frame.parameters.last { $0.name == "limit" }.flatMap { Int($0.value) }.map { min(max($0, 1), 50) } ?? 10
    }
}
