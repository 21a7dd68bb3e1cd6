import ArtelCore
import ArtelFormats
import ArtelStore
import ArtelWeb
import Hummingbird

/// `/digests` and `/digests/{id}`: public digests, the latest first, each with its text for Telegram.
struct DigestSiteRoutes {
    let context: APIContext

    func register(on router: Router<APIRequestContext>) {
        router.get("digests") { request, _ in
            let (frame, chosen) = try await SiteRoutes.liveFrame(request, .digests, context: context)
            var query = RecordQuery(kind: .digest)
            query.visibilities = [.public]
            query.limit = 200
            let names = try await PublicListings.communityNames(context.replica)
            let digests = try await context.replica.list(query).map { Self.summary($0, names) }
            return SiteResponses.page(DigestPages.list(frame, digests: digests), rememberLanguage: chosen)
        }
        router.get("digests/:id") { request, route in
            let (frame, chosen) = SiteRoutes.frame(request, .digests, siteName: context.nodeName)
            var query = RecordQuery(kind: .digest)
            query.visibilities = [.public]
            query.limit = 1
            guard let record = RecordID(hex: (route.parameters.get("id") ?? "").lowercased()) else {
                return SiteResponses.page(.notFound(frame), rememberLanguage: chosen)
            }
            query.records = [record]
            let names = try await PublicListings.communityNames(context.replica)
            guard let view = try await context.replica.list(query).first,
                let (_, entries, hashtag) = try await PublicListings.digest(
                    context.replica,
                    view.reference,
                    names: names
                )
            else {
                return SiteResponses.page(.notFound(frame), rememberLanguage: chosen)
            }
            let title = view.string("title")
            let telegram = MarkdownDigest.render(entries: entries, title: title, tag: hashtag)
            let page = DigestPages.page(frame, digest: Self.summary(view, names), entries: entries, telegram: telegram)
            return SiteResponses.page(page, rememberLanguage: chosen)
        }
    }

    /// A digest's line: how many vacancies it lists, its community's name.
    static func summary(_ view: RecordView, _ names: [PublicKey: String]) -> DigestPages.Summary {
        var count = 0
        if case .single(.references(let items))? = view.value(of: "items") { count = items.count }
        return DigestPages.Summary(view: view, count: count, communityName: names[view.community])
    }
}
