import ArgumentParser
import ArtelCore
import ArtelNode
import ArtelStore

struct PeerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "peer",
        abstract: "Add, list and remove the peers this node dials.",
        subcommands: [AddPeer.self, ListPeers.self, RemovePeer.self]
    )
}

struct AddPeer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Dial a peer: its address and its node key (it proves the key in the handshake).",
        discussion: """
            The peer's operator finds its node key with `artel status`. A running node dials new peers \
            within a few seconds.

            Example:
              artel peer add artel.example.org:7400 \\
                  8cffba609d29fecbdec9e8fcbbd32508f49f9c2a99a6ba870124234fbd8bc7d5
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "host:port (the port defaults to 7400).") var address: String
    @Argument(help: "The peer's node key, 64 hex digits.") var key: String
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard PeerAddress(address) != nil else { throw ValidationError("\"\(address)\" is not host:port") }
        guard PublicKey(hex: key) != nil else {
            throw ValidationError("a node key is 64 hex digits; \"\(key.prefix(70))\" is not")
        }
    }

    func run() async throws {
        let node = try global.openNode()
        let key = PublicKey(hex: key)!
        guard key != (try node.directory.nodeKey()).publicKey else {
            throw ValidationError("that is this node's own key")
        }
        try await node.replica.addPeer(key, address: PeerAddress(address)!.description, now: node.now)
        let peer = try await node.replica.peers().first { $0.key == key }
        output.emit(
            "This node dials \(PeerAddress(address)!) as peer \(key.hex.prefix(16))…",
            json: peer.map(PeerPrinter.json) ?? .object([("key", .string(key.hex))])
        )
    }
}

struct ListPeers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List peers: configured ones, and any other in a session now, with state, last sync and deltas.",
        discussion: "Examples:\n  artel peer list --json\n  artel peer list --all"
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Flag(help: "Also the nodes that dialed this one before, remembered for a week after their last session.")
    var all = false

    func run() async throws {
        let node = try global.openNode()
        let peers = try await node.replica.peers().filter { all || $0.isShown }
        if output.json {
            print(JSON.array(peers.map(PeerPrinter.json)).rendered)
        } else if peers.isEmpty {
            print("No peers yet: `artel peer add HOST:PORT KEY`.")
        } else {
            print(Table.render(peers.map(PeerPrinter.row), limit: 70))
        }
    }
}

struct RemovePeer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Stop dialing a peer and forget it.",
        discussion: "Example:\n  artel peer remove 8cffba609d29"
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The peer's node key, or a unique prefix of it.") var key: String
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let node = try global.openNode()
        let matches = try await node.replica.peers().filter { $0.key.hex.hasPrefix(key.lowercased()) }
        guard matches.count == 1, let peer = matches.first else {
            throw StoreError(
                matches.isEmpty ? .notFound : .ambiguous,
                "\(matches.count) peers have a key starting with \"\(key.prefix(64))\""
            )
        }
        try await node.replica.removePeer(peer.key)
        output.emit(
            "Forgot peer \(peer.key.hex)",
            json: .object([("removed", .bool(true)), ("peer", PeerPrinter.json(peer))])
        )
    }
}

/// Peers as table rows and JSON.
enum PeerPrinter {
    static func row(_ peer: PeerRecord) -> [String] {
        [
            peer.key.hex, peer.address ?? "(inbound)", peer.state.rawValue,
            peer.synced.map { "synced " + Moments.text(Int64($0)) } ?? "never synced",
            "in \(peer.deltasIn) out \(peer.deltasOut) refused \(peer.refused)",
            "bytes in \(peer.bytesIn) out \(peer.bytesOut)", peer.error ?? "",
        ]
    }

    static func json(_ peer: PeerRecord) -> JSON {
        .object([
            ("key", .string(peer.key.hex)), ("address", peer.address.map(JSON.string) ?? .null),
            ("configured", .bool(peer.isConfigured)), ("state", .string(peer.state.rawValue)),
            ("connected", peer.connected.map { .string(Moments.iso(Int64($0))) } ?? .null),
            ("synced", peer.synced.map { .string(Moments.iso(Int64($0))) } ?? .null),
            ("error", peer.error.map(JSON.string) ?? .null),
            ("deltas_in", .number(Int64(peer.deltasIn))), ("deltas_out", .number(Int64(peer.deltasOut))),
            ("refused", .number(Int64(peer.refused))),
            ("bytes_in", .number(Int64(peer.bytesIn))), ("bytes_out", .number(Int64(peer.bytesOut))),
        ])
    }
}
