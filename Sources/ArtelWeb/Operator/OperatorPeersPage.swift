public import ArtelCore
public import ArtelStore

/// `/operator/peers`: every peer with its state, last sync, deltas and bytes, a button to remove
/// each, and the form that adds one.
public enum OperatorPeersPage: Sendable {
    /// The page; with problems, status 422.
    ///
    /// - Parameters:
    ///   - peers: the peers `artel peer list` shows.
    ///   - connected: the peers with a session now.
    ///   - form: the add form as typed, with its problems.
    public static func render(
        _ frame: PageFrame,
        peers: [PeerRecord],
        connected: Set<PublicKey>,
        form: OperatorForm = OperatorForm()
    ) -> SitePage {
        let words = frame.words
        let items = peers.map { peer -> [String: Any] in
            var item = NodePage.peerItem(peer, connected: connected.contains(peer.key), frame)
            item["traffic"] = "\(peer.deltasIn) / \(peer.deltasOut) / \(peer.refused)"
            if let error = peer.error { item["error"] = error }
            if peer.isConfigured { item["remove"] = "/operator/peers/\(peer.key.hex)/remove" }
            return item
        }
        let content: [String: Any] = [
            "peers": items, "hasPeers": !items.isEmpty,
            "fields": [
                form.line("address", label: "node.address", hint: "operator.peers.addressHint", frame),
                form.line("key", label: "node.key", hint: "operator.peers.keyHint", frame),
            ],
        ]
        return OperatorPages.formPage(
            frame,
            "operatorPeers",
            title: words["operator.peersTitle"],
            content: content,
            form: form,
            fields: ["address", "key"]
        )
    }
}
