import ArtelCore
import ArtelNode
import ArtelStore
import ArtelWeb
import Foundation
import Hummingbird

/// `/operator/peers`: the peers `artel peer list` shows, adding one as `artel peer add` does and
/// removing one as `artel peer remove` does.
extension OperatorSiteRoutes {
    func registerPeers(on router: Router<APIRequestContext>) {
        router.get("operator/peers") { request, _ in try await guarded(request) { _ in try await peers(request) } }
        router.post("operator/peers") { request, route in
            try await guarded(request) { try await addPeer(request, $0, address: route.address) }
        }
        router.get("operator/peers/:key/remove") { request, route in
            try await guarded(request) { _ in
                let (frame, _) = SiteRoutes.frame(request, .node, siteName: context.nodeName)
                guard let peer = try await configuredPeer(route) else { return SiteResponses.page(.notFound(frame)) }
                let page = OperatorPages.confirmRemove(
                    frame,
                    area: "peers",
                    subject: "\(peer.address ?? "") \(peer.key.hex)",
                    action: "/operator/peers/\(peer.key.hex)/remove"
                )
                return SiteResponses.page(page)
            }
        }
        router.post("operator/peers/:key/remove") { request, route in
            try await guarded(request) { visitor in
                try await posted(request, visitor) { _, frame in
                    guard let peer = try await configuredPeer(route) else {
                        return SiteResponses.page(.notFound(frame))
                    }
                    try await context.replica.removePeer(peer.key)
                    try await context.audit(visitor, "peer.remove", peer.key.hex, address: route.address)
                    return SiteAccess.redirect("/operator/peers?done=peerRemoved")
                }
            }
        }
    }

    /// `GET /operator/peers`.
    private func peers(_ request: Request, form: OperatorForm = OperatorForm()) async throws -> Response {
        let (frame, chosen) = SiteRoutes.frame(request, .node, siteName: context.nodeName)
        let page = OperatorPeersPage.render(
            frame,
            peers: try await context.replica.peers().filter(\.isShown),
            connected: await context.hub.connected,
            form: form
        )
        return SiteResponses.page(page, rememberLanguage: chosen)
    }

    /// `POST /operator/peers`: the peer to dial, checked as `artel peer add` checks it.
    private func addPeer(_ request: Request, _ visitor: Visitor, address: String?) async throws -> Response {
        try await posted(request, visitor) { posted, _ in
            let typed = ["address": posted["address"].trimmed, "key": posted["key"].trimmed.lowercased()]
            var form = OperatorForm(values: typed)
            let peerAddress = PeerAddress(typed["address"]!)
            let key = PublicKey(hex: typed["key"]!)
            if peerAddress == nil { form.problems["address"] = "operator.peers.badAddress" }
            if key == nil {
                form.problems["key"] = "operator.peers.badKey"
            } else if key == context.hub.nodeKey {
                form.problems["key"] = "operator.peers.ownKey"
            }
            guard let peerAddress, let key, form.problems.isEmpty else { return try await peers(request, form: form) }
            try await context.replica.addPeer(key, address: peerAddress.description, now: WallClock.now)
            try await context.audit(visitor, "peer.add", "\(key.hex) \(peerAddress)", address: address)
            return SiteAccess.redirect("/operator/peers?done=peerAdded")
        }
    }

    /// The configured peer whose key the path names, whole.
    private func configuredPeer(_ route: APIRequestContext) async throws -> PeerRecord? {
        guard let key = PublicKey(hex: (route.parameters.get("key") ?? "").lowercased()) else { return nil }
        return try await context.replica.peers().first { $0.key == key && $0.isConfigured }
    }
}

extension String {
    /// The text without the spaces and line breaks around it.
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
