import ArtelCore
import ArtelFormats
import ArtelNode
import ArtelStore
import ArtelWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import NIOCore

/// The site's pages of communities and of the node itself (DESIGN §12): `/communities`, each
/// community's page and the network of its leaders, and `/node`. Like every page, they read the
/// replica through ``RecordQuery`` and show public records only; people, memberships and ties are
/// asked for with `visibilities = [.public]`, so the store's consent rules (DESIGN §6) decide who
/// appears, exactly as in the API's public lists.
struct CommunitySiteRoutes {
    let context: APIContext

    func register(on router: Router<APIRequestContext>) {
        router.get("communities") { request, _ in try await list(request) }
        router.get("communities/network.svg") { request, _ in try await federationNetwork(request) }
        router.get("communities/:key") { request, route in
            try await community(request, route.parameters.get("key") ?? "")
        }
        router.get("communities/:key/network.svg") { request, route in
            try await network(request, route.parameters.get("key") ?? "")
        }
        router.get("node") { request, _ in try await node(request) }
    }

    /// `/communities`: the public communities, searched by name.
    private func list(_ request: Request) async throws -> Response {
        let (frame, chosen) = SiteRoutes.frame(request, .communities, siteName: context.nodeName)
        let search = CommunityListPage.Search(frame.parameters)
        let (views, total) = try await context.replica.page(search.query)
        let page = CommunityListPage.render(
            frame,
            search: search,
            communities: views.compactMap(CommunityProfile.init),
            total: total,
            leaders: try await leaderCounts()
        )
        return SiteResponses.page(page, rememberLanguage: chosen)
    }

    /// `/communities/{key}`: a public community's page.
    private func community(_ request: Request, _ text: String) async throws -> Response {
        let (frame, chosen) = SiteRoutes.frame(request, .communities, siteName: context.nodeName)
        let profile: CommunityProfile
        switch try await publicProfile(text) {
        case .success(let found): profile = found
        case .failure(let problem): return SiteResponses.page(problem.page(frame, text), rememberLanguage: chosen)
        }
        let now = Int64(WallClock.now)
        let leaders = try await leaders(of: profile.key)
        let ties = try await ties(among: Set(leaders.map(\.person)))
        var jobs = RecordQuery(kind: .job)
        jobs.communities = [profile.key]
        jobs.visibilities = [.public]
        jobs.openAt = now
        jobs.limit = 5
        let (jobRecords, jobCount) = try await context.replica.recordsPage(jobs)
        let page = CommunityPage.render(
            frame,
            profile: profile,
            leaders: leaders,
            ties: ties,
            jobs: jobRecords.compactMap {
                JobListing(id: $0.id, community: $0.community, state: $0.state, communityName: profile.name)
            },
            jobCount: jobCount,
            events: try await upcomingEvents(of: profile.key, now: now),
            origin: FeedURL.origin(request)
        )
        return SiteResponses.page(page, rememberLanguage: chosen)
    }

    /// `/communities/{key}/network.svg`: the public ties among a community's public leaders.
    private func network(_ request: Request, _ text: String) async throws -> Response {
        let (frame, _) = SiteRoutes.frame(request, .communities, siteName: context.nodeName)
        let profile: CommunityProfile
        switch try await publicProfile(text) {
        case .success(let found): profile = found
        case .failure(let problem): return SiteResponses.page(problem.page(frame, text))
        }
        let leaders = try await leaders(of: profile.key)
        let ties = try await ties(among: Set(leaders.map(\.person)))
        let graph = LeaderNetwork.graph(
            people: leaders.map { ($0.person, $0.name) },
            ties: ties,
            community: profile.name,
            frame
        )
        return Self.svg(graph.svg())
    }

    /// `/communities/network.svg`: every public tie of the federation this node knows, between the
    /// public people at its ends (at most ``federationTies`` ties, the latest).
    private func federationNetwork(_ request: Request) async throws -> Response {
        let (frame, _) = SiteRoutes.frame(request, .communities, siteName: context.nodeName)
        var query = RecordQuery(kind: .tie)
        query.visibilities = [.public]
        query.limit = Self.federationTies
        let ties = try await context.replica.list(query).compactMap(LeaderTie.init)
        let people = try await publicPeople(Set(ties.flatMap { [$0.from, $0.to] }))
        let graph = LeaderNetwork.graph(
            people: people.compactMap { reference, view in view.string("display_name").map { (reference, $0) } },
            ties: ties,
            community: nil,
            frame
        )
        return Self.svg(graph.svg())
    }

    /// The most ties the federation's network draws.
    static let federationTies = 1_000

    // MARK: Reading

    /// Why a community's page cannot be shown.
    enum Problem: Error {
        /// The address holds no community key.
        case malformed
        /// No public community has that key here.
        case unknown

        func page(_ frame: PageFrame, _ text: String) -> SitePage {
            let words = frame.language.words
            switch self {
            case .malformed:
                return .error(
                    frame,
                    status: 400,
                    heading: words["communities.invalidKeyTitle"],
                    message: words["communities.invalidKey"].replacingOccurrences(
                        of: "{value}",
                        with: String((text.removingPercentEncoding ?? text).prefix(70))
                    )
                )
            case .unknown:
                return .error(frame, status: 404, message: words["communities.notFound"])
            }
        }
    }

    /// The public profile of the community a key in hex names.
    private func publicProfile(_ text: String) async throws -> Result<CommunityProfile, Problem> {
        guard text.count == 64, let key = PublicKey(hex: text.lowercased()) else { return .failure(.malformed) }
        var query = RecordQuery(kind: .community)
        query.communities = [key]
        query.visibilities = [.public]
        query.limit = 1
        guard let view = try await context.replica.list(query).first, let profile = CommunityProfile(view) else {
            return .failure(.unknown)
        }
        return .success(profile)
    }
}
