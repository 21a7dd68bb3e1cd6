public import ArtelCore
public import ArtelStore
import Foundation

/// The node's own page (`/node`): its name, key and version, the peers it federates with, what it
/// follows, and where its API and feeds are. It shows what `artel status` and `artel peer list`
/// show, and nothing secret: no token, no private key, no data directory.
public enum NodePage: Sendable {
    /// What the page tells of the node.
    public struct Facts: Sendable {
        /// The node's name.
        public var name: String
        /// Its node key.
        public var key: PublicKey
        /// The software's version (`0.2.0`).
        public var version: String
        /// The peers `artel peer list` shows: configured ones and those in a session now.
        public var peers: [PeerRecord]
        /// The peers with a session now.
        public var connected: Set<PublicKey>
        /// What it follows.
        public var follows: FollowSet
        /// The names of the communities it knows, for its follows.
        public var communityNames: [PublicKey: String]

        /// Facts.
        public init(
            name: String,
            key: PublicKey,
            version: String,
            peers: [PeerRecord],
            connected: Set<PublicKey>,
            follows: FollowSet,
            communityNames: [PublicKey: String]
        ) {
            self.name = name
            self.key = key
            self.version = version
            self.peers = peers
            self.connected = connected
            self.follows = follows
            self.communityNames = communityNames
        }
    }

    /// The page.
    public static func render(_ frame: PageFrame, _ facts: Facts) -> SitePage {
        let words = frame.words
        let peers = facts.peers.filter { $0.isShown || facts.connected.contains($0.key) }.sorted {
            ($0.address ?? "~", $0.key.hex) < ($1.address ?? "~", $1.key.hex)
        }
        let content: [String: Any] = [
            "node": ["name": facts.name, "key": facts.key.hex, "version": facts.version],
            "peers": peers.map { peerItem($0, connected: facts.connected.contains($0.key), frame) },
            "hasPeers": !peers.isEmpty,
            "follows": facts.follows.entries.map { followItem($0, names: facts.communityNames, frame) },
            "hasFollows": !facts.follows.entries.isEmpty,
        ]
        return SitePage.render("node", frame.context(title: words["node.title"], content: content))
    }

    /// A peer as the node's page and the operator's peers page show it.
    static func peerItem(_ peer: PeerRecord, connected: Bool, _ frame: PageFrame) -> [String: Any] {
        let words = frame.words
        let state = peer.state == .backingOff ? "backingOff" : peer.state.rawValue
        var item: [String: Any] = [
            "name": words["node.peer"].replacingOccurrences(
                of: "{key}",
                with: String(peer.key.hex.prefix(16)) + "…"
            ),
            "key": peer.key.hex,
            "address": peer.address ?? words["node.inbound"],
            "state": words.table["node.state.\(state)"] ?? peer.state.rawValue,
            "connected": words[connected ? "node.yes" : "node.no"],
            "synced": peer.synced.map { SiteDates.dayAndTime(Int64($0), in: frame.language) }
                ?? words["node.never"],
            "bytes": words["node.bytesValue"].replacingOccurrences(
                of: "{in}",
                with: SiteSizes.text(peer.bytesIn, words)
            )
            .replacingOccurrences(of: "{out}", with: SiteSizes.text(peer.bytesOut, words)),
        ]
        if let synced = peer.synced { item["syncedISO"] = ISODates.dateTime(Int64(synced)) }
        return item
    }

    /// One entry of what the node follows, as the node's page and the operator's follows page show it.
    static func followItem(_ entry: FollowSet.Entry, names: [PublicKey: String], _ frame: PageFrame) -> [String: Any] {
        let words = frame.words
        var item: [String: Any] = [
            "kinds": entry.kinds == .all
                ? words["node.everyKind"]
                : entry.kinds.kinds.map { words.table["node.kind.\($0.name)"] ?? $0.name }.joined(
                    separator: ", "
                )
        ]
        if let community = entry.community {
            if let name = names[community] {
                item["name"] = name
                item["href"] = CommunityProfile.href(community)
            } else {
                item["name"] = String(community.hex.prefix(16)) + "…"
            }
        } else {
            item["name"] = words["node.everyCommunity"]
        }
        return item
    }
}
