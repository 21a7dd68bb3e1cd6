import ArtelCore
import ArtelFormats
import ArtelNode
import ArtelStore
import ArtelWeb
import Foundation
import Hummingbird

/// `/market` and `/market.csv`: the market figures of public jobs, as charts and tables and as CSV.
struct MarketSiteRoutes {
    let context: APIContext

    func register(on router: Router<APIRequestContext>) {
        router.get("market") { request, _ in
            let (frame, chosen) = SiteRoutes.frame(request, .market, siteName: context.nodeName)
            let filters = MarketPage.Filters(frame.parameters)
            let names = try await PublicListings.communityNames(context.replica)
            let stats = try await figures(filters, names: names)
            let communities = PublicListings.choices(names)
            let page = MarketPage.render(frame, filters: filters, stats: stats, communities: communities)
            return SiteResponses.page(page, rememberLanguage: chosen)
        }
        router.get("market.csv") { request, _ in
            let parameters = request.uri.formParameters.map { (name: String($0.key), value: String($0.value)) }
            let filters = MarketPage.Filters(parameters)
            let stats = try await figures(filters, names: try await PublicListings.communityNames(context.replica))
            var response = Responses.cacheable(stats.csv, contentType: "text/csv; charset=utf-8", request: request)
            response.headers[.contentDisposition] = "attachment; filename=\"market-\(filters.months)-months.csv\""
            return response
        }
    }

    /// The figures of public jobs posted in the last `months` calendar months, this one included
    /// (so far: the chart marks it partial), in UTC.
    private func figures(_ filters: MarketPage.Filters, names: [PublicKey: String]) async throws -> JobStats {
        let now = Int64(WallClock.now)
        let today = CivilTime(milliseconds: now)
        let monthIndex = today.year * 12 + (today.month - 1) - (filters.months - 1)
        let start = CivilTime(year: monthIndex / 12, month: monthIndex % 12 + 1, day: 1).milliseconds()
        return try await MarketFigures.read(
            context.replica,
            communities: filters.community.map { [$0] } ?? [],
            period: start...now,
            visibilities: [.public],
            names: names
        )
    }
}
