import ArtelCore
import ArtelStore
import ArtelWeb
import Hummingbird

/// `/operator/follows`: what the node follows, changed as `artel follow` and `artel unfollow`
/// change it.
extension OperatorSiteRoutes {
    func registerFollows(on router: Router<APIRequestContext>) {
        router.get("operator/follows") { request, _ in
            try await guarded(request) { _ in try await follows(request) }
        }
        router.post("operator/follows") { request, route in
            try await guarded(request) { try await changeFollows(request, $0, address: route.address) }
        }
    }

    /// `GET /operator/follows`.
    private func follows(_ request: Request, form: OperatorForm = OperatorForm()) async throws -> Response {
        let (frame, chosen) = SiteRoutes.frame(request, .node, siteName: context.nodeName)
        let page = OperatorFollowsPage.render(
            frame,
            follows: try await context.replica.follows(),
            communities: try await communities(),
            form: form
        )
        return SiteResponses.page(page, rememberLanguage: chosen)
    }

    /// `POST /operator/follows`: follows or unfollows (`action`) a known community, every kind of it
    /// or the `kinds` checked.
    private func changeFollows(_ request: Request, _ visitor: Visitor, address: String?) async throws -> Response {
        try await posted(request, visitor) { posted, _ in
            let kindNames = posted.all("kinds")
            var form = OperatorForm(values: ["community": posted["community"]], choices: ["kinds": Set(kindNames)])
            let known = try await communities()
            let community = known.first { $0.key.hex == posted["community"] }?.key
            if community == nil { form.problems["community"] = "operator.follows.badCommunity" }
            let kinds = kindNames.compactMap { RecordKind(name: $0) }
            if kinds.count != kindNames.count { form.problems["kinds"] = "operator.follows.badKind" }
            let action = posted["action"]
            guard let community, form.problems.isEmpty, action == "follow" || action == "unfollow" else {
                return try await follows(request, form: form)
            }
            let set = kinds.isEmpty ? KindSet.all : KindSet(kinds)
            if action == "follow" {
                _ = try await context.replica.follow(community, kinds: set)
            } else {
                _ = try await context.replica.unfollow(community, kinds: set)
            }
            let target = "\(community.hex) \(kinds.isEmpty ? "all" : kindNames.joined(separator: ","))"
            try await context.audit(visitor, action, target, address: address)
            return SiteAccess.redirect("/operator/follows?done=followed")
        }
    }
}
