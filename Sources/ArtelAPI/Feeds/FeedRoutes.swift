import ArtelCore
import ArtelFormats
import ArtelNode
import ArtelStore
import HTTPTypes
import Hummingbird
import HummingbirdCore

/// `/feeds/…`: the public jobs, events and digests in the formats calendars, feed readers and
/// websites read, with an entity tag so that readers fetch only what changed. Only `public`
/// records appear; `community` (repeatable, a key in hex) narrows a feed to some communities.
struct FeedRoutes {
    let context: APIContext

    func register(on router: Router<APIRequestContext>) {
        router.get("feeds/events.ics") { request, _ in
            let communities = try Self.communities(request)
            let events = try await PublicListings.events(context.replica, communities: communities)
            // Stamped with the latest change rather than the clock, so that the tag changes only with the events.
            let updated = events.compactMap(\.updated).max() ?? 0
            let text = ICalendarWriter.feed(events, name: try await title(communities), now: updated)
            return Responses.cacheable(text, contentType: "text/calendar; charset=utf-8", request: request)
        }
        router.get("feeds/jobs.json") { request, _ in
            let (jobs, title, links) = try await publicJobs(request)
            let text = JobFeeds.jsonFeed(jobs, title: title, links: links)
            return Responses.cacheable(text, contentType: "application/feed+json; charset=utf-8", request: request)
        }
        router.get("feeds/jobs.atom") { request, _ in
            let (jobs, title, links) = try await publicJobs(request)
            let id = "urn:artel:jobs:" + (try Self.communities(request).map(\.hex).sorted().first ?? "all")
            let updated = jobs.map(\.updated).max() ?? 0
            let text = JobFeeds.atom(jobs, title: title, id: id, links: links, now: updated)
            return Responses.cacheable(text, contentType: "application/atom+xml; charset=utf-8", request: request)
        }
        for format in ["html", "md"] {
            router.get("feeds/digest.\(format)") { request, _ in
                try await digest(nil, communities: try Self.communities(request), format: format, request: request)
            }
        }
        router.get("feeds/digests/:file") { request, route in
            let file = route.parameters.get("file") ?? ""
            let parts = file.split(separator: ".", maxSplits: 1).map(String.init)
            let communities = try Self.communities(request)
            guard parts.count == 2, communities.count == 1, let record = RecordID(hex: parts[0].lowercased()) else {
                throw APIError(
                    .badRequest,
                    "invalid_parameter",
                    "ask for /feeds/digests/RECORD.html or .md with ?community=KEY (32 and 64 hex digits)"
                )
            }
            let reference = Reference(community: communities.first!, record: record)
            return try await digest(reference, communities: communities, format: parts[1], request: request)
        }
    }

    /// A digest as HTML or Markdown: the latest public one of `communities` (of all when empty) when
    /// `reference` is `nil`.
    private func digest(
        _ reference: Reference?,
        communities: Set<PublicKey>,
        format: String?,
        request: Request
    ) async throws -> Response {
        guard let format, ["html", "md"].contains(format) else {
            throw APIError(.notFound, "no_such_format", "digests are served as .html and .md")
        }
        let names = try await PublicListings.communityNames(context.replica)
        guard
            let (view, entries, hashtag) = try await PublicListings.digest(
                context.replica,
                reference,
                communities: communities,
                names: names
            )
        else {
            throw APIError(.notFound, "not_found", "there is no such public digest")
        }
        let title = view.string("title") ?? "Digest"
        return format == "html"
            ? Responses.cacheable(
                HTMLDigest.render(entries: entries, title: title),
                contentType: "text/html; charset=utf-8",
                request: request
            )
            : Responses.cacheable(
                MarkdownDigest.render(entries: entries, title: title, tag: hashtag),
                contentType: "text/markdown; charset=utf-8",
                request: request
            )
    }

    /// The public jobs a feed lists, its title, and its links: the feed's own URL as the client
    /// asked for it, and the community's website when the feed is one community's.
    private func publicJobs(_ request: Request) async throws -> ([JobListing], String, FeedLinks) {
        let communities = try Self.communities(request)
        let feed = try FeedURL.of(request, communities: communities)
        let (names, languages) = try await PublicListings.communityNamesAndLanguages(context.replica)
        let jobs = try await PublicListings.jobs(
            context.replica,
            communities: communities,
            names: names,
            languages: languages,
            now: Int64(WallClock.now)
        )
        var homePage: String?
        if communities.count == 1 {
            homePage = try await PublicListings.communityWebsites(context.replica)[communities.first!]
        }
        // Both are checked already: the host by FeedURL, the website by PublicListings.
        let links = (try? FeedLinks(feed: feed, homePage: homePage)) ?? FeedLinks()
        return (jobs, try await title(communities, names: names), links)
    }

    private func title(_ communities: Set<PublicKey>, names: [PublicKey: String]? = nil) async throws -> String {
        guard !communities.isEmpty else { return "Artel" }
        var known = names ?? [:]
        if names == nil { known = try await PublicListings.communityNames(context.replica) }
        return communities.compactMap { known[$0] }.sorted().joined(separator: ", ")
    }

    /// The communities a feed is narrowed to; every parameter but `community` is refused.
    private static func communities(_ request: Request) throws -> Set<PublicKey> {
        var keys: Set<PublicKey> = []
        for (name, value) in request.uri.formParameters {
            guard name == "community" else {
                throw APIError(.badRequest, "unknown_parameter", "feeds take only community, not \"\(name)\"")
            }
            guard let key = PublicKey(hex: String(value).lowercased()) else {
                throw APIError(.badRequest, "invalid_parameter", "community must be a community key, 64 hex digits")
            }
            keys.insert(key)
        }
        return keys
    }
}
