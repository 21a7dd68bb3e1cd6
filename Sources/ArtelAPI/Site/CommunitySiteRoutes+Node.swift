import ArtelCore
import ArtelNode
import ArtelStore
import ArtelWeb
import Hummingbird

extension CommunitySiteRoutes {
    /// `/node`: what `artel status` and `artel peer list` tell of the node, without its secrets.
    func node(_ request: Request) async throws -> Response {
        let (frame, chosen) = SiteRoutes.frame(request, .node, siteName: context.nodeName)
        var communities = RecordQuery(kind: .community)
        communities.visibilities = [.public]
        communities.limit = Self.readLimit
        var names: [PublicKey: String] = [:]
        for view in try await context.replica.list(communities) { names[view.community] = view.string("name") }
        let facts = NodePage.Facts(
            name: try await context.replica.nodeName(),
            key: context.hub.nodeKey,
            version: HealthRoutes.version,
            peers: try await context.replica.peers(),
            connected: await context.hub.connected,
            follows: try await context.replica.follows(),
            communityNames: names
        )
        return SiteResponses.page(NodePage.render(frame, facts), rememberLanguage: chosen)
    }
}
