import ArtelCore
import ArtelFormats
import ArtelNode
import ArtelStore
import ArtelWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore

/// The site (DESIGN §12): pages for people on the API's address, `/` the job board. They read the
/// replica through the same queries as the API and show public records only.
struct SiteRoutes {
    let context: APIContext

    func register(on router: Router<APIRequestContext>) {
        router.get("/") { request, _ in try await board(request) }
        router.get("jobs") { request, _ in try await board(request) }
        router.get("jobs/:id") { request, route in try await job(request, route.parameters.get("id") ?? "") }
        router.get("assets/embed.css") { request, _ in
            let parameters = request.uri.formParameters.map { (name: String($0.key), value: String($0.value)) }
            return Responses.cacheable(
                EmbedStyle(parameters).sheet,
                contentType: "text/css; charset=utf-8",
                request: request
            )
        }
        router.get("assets/:name") { request, route in
            guard let asset = SiteAssets.named(route.parameters.get("name") ?? "") else {
                throw APIError(.notFound, "not_found", "there is no such asset")
            }
            return Responses.cacheable(asset.body, contentType: asset.contentType, request: request)
        }
    }

    /// `/`: the board of open public jobs.
    private func board(_ request: Request) async throws -> Response {
        let (frame, chosen) = try await Self.liveFrame(request, .jobs, context: context)
        let filters = JobBoardFilters(frame.parameters)
        let now = Int64(WallClock.now)
        let (names, languages) = try await PublicListings.communityNamesAndLanguages(context.replica)
        let (records, total) = try await context.replica.recordsPage(filters.query(now: now))
        let jobs = records.compactMap {
            JobListing(
                id: $0.id,
                community: $0.community,
                state: $0.state,
                communityName: names[$0.community],
                language: languages[$0.community]
            )
        }
        let communities = PublicListings.choices(names)
        let page = JobBoardPage.render(
            frame,
            filters: filters,
            jobs: jobs,
            total: total,
            communities: communities,
            cities: []
        )
        return SiteResponses.page(page, rememberLanguage: chosen)
    }

    /// `/jobs/{id}`: one open public job, with the other communities' listings of the same vacancy.
    private func job(_ request: Request, _ id: String) async throws -> Response {
        let (frame, chosen) = Self.frame(request, .jobs, siteName: context.nodeName)
        let now = Int64(WallClock.now)
        guard let record = RecordID(hex: id.lowercased()) else {
            return SiteResponses.page(.notFound(frame), rememberLanguage: chosen)
        }
        var query = RecordQuery(kind: .job)
        query.records = [record]
        query.visibilities = [.public]
        query.openAt = now
        query.limit = 1
        let names = try await PublicListings.communityNames(context.replica)
        guard let stored = try await context.replica.records(query).first,
            let job = JobListing(
                id: stored.id,
                community: stored.community,
                state: stored.state,
                communityName: names[stored.community]
            )
        else {
            return SiteResponses.page(.notFound(frame), rememberLanguage: chosen)
        }
        var listings: [JobListing] = []
        if let link = job.applyURL {
            var same = RecordQuery(kind: .job)
            same.applyLinks = [link]
            same.visibilities = [.public]
            same.openAt = now
            same.limit = 20
            listings = try await context.replica.records(same).filter { $0.reference != stored.reference }.compactMap {
                JobListing(id: $0.id, community: $0.community, state: $0.state, communityName: names[$0.community])
            }
        }
        return SiteResponses.page(JobPage.render(frame, job: job, listings: listings), rememberLanguage: chosen)
    }

    /// Whether a request is a browser's for a page: a `GET` or `HEAD` that accepts HTML, outside the
    /// API's, the feeds' and the operator's paths.
    static func isPageRequest(_ request: Request) -> Bool {
        let path = request.uri.path
        guard request.method == .get || request.method == .head,
            request.headers[.accept]?.contains("text/html") == true
        else { return false }
        return !["/api/", "/feeds/", "/health", "/metrics"].contains { path.hasPrefix($0) }
    }

    /// The frame of a page whose list follows the change stream, with the last change stored before
    /// the page reads its list (``PageFrame/liveAfter``).
    static func liveFrame(
        _ request: Request,
        _ section: PageFrame.Section,
        context: APIContext
    ) async throws -> (PageFrame, SiteLanguage?) {
        var (frame, chosen) = frame(request, section, siteName: context.nodeName)
        frame.liveAfter = try await context.replica.lastChangeRow()
        return (frame, chosen)
    }

    /// The frame of a page for a request, and the language to remember when the visitor chose one.
    static func frame(_ request: Request, _ section: PageFrame.Section, siteName: String) -> (PageFrame, SiteLanguage?)
    {
        let parameters = request.uri.formParameters.map { (name: String($0.key), value: String($0.value)) }
        let asked = parameters.last { $0.name == "lang" }?.value
        let language = SiteLanguage.choose(
            parameter: asked,
            cookie: request.cookies["lang"]?.value,
            acceptLanguage: request.headers[.acceptLanguage]
        )
        let frame = PageFrame(
            language: language,
            section: section,
            path: request.uri.path,
            parameters: parameters.filter { $0.name != "lang" },
            siteName: siteName,
            account: Visitor.current?.page
        )
        return (frame, asked.flatMap(SiteLanguage.init(rawValue:)))
    }
}
