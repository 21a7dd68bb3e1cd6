import ArgumentParser
import ArtelCore
import ArtelNode
import ArtelStore
import Foundation

struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the node's identity, data directory and what its replica holds.",
        discussion: "Example:\n  artel status --json"
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let node = try global.openNode()
        let report = try await StatusReport.make(node)
        print(output.json ? report.json.rendered : report.text)
    }
}

/// What `status` and `serve` print about a node.
struct StatusReport {
    let name: String
    /// The node's public key; nil when the keys cannot be read (another user's node, read-only).
    let nodeKey: PublicKey?
    let path: String
    /// Whether this process may only read the replica.
    let readOnly: Bool
    let summary: ReplicaSummary
    let fileSize: Int64
    var listen: String?
    let follows: FollowSet
    let peers: [PeerRecord]
    let communityNames: [PublicKey: String]

    static func make(_ node: Node) async throws -> StatusReport {
        StatusReport(
            name: try await node.replica.nodeName(),
            nodeKey: try node.readingKeys({ try $0.load(KeyStore.nodeKeyName).0.publicKey }, absent: nil),
            path: node.directory.path,
            readOnly: node.replica.isReadOnly,
            summary: try await node.replica.summary(),
            fileSize: try node.replica.fileSize(),
            listen: try await node.replica.listenAddress(),
            follows: try await node.replica.follows(),
            peers: try await node.replica.peers(),
            communityNames: try await Resolver(node: node).communityNames()
        )
    }

    static let kinds: [(RecordKind, String)] = [
        (.community, "communities"), (.person, "people"), (.membership, "memberships"), (.tie, "ties"),
        (.job, "jobs"), (.digest, "digests"), (.event, "events"),
    ]

    var text: String {
        let counts = Self.kinds.map { "\(summary.records[$0.0] ?? 0) \($0.1)" }.joined(separator: ", ")
        var text = """
            Artel node "\(name)"
              version   \(NodeConfiguration.software)
              node key  \(nodeKey?.hex ?? "unknown: its keys cannot be read here")
              data      \(path)\(readOnly ? " (read-only)" : "")
              listens   \(listen ?? "not serving")
              records   \(counts)
              deltas    \(summary.deltas) kept in \(summary.scopes) scopes, \(summary.deltaBytes) bytes encoded; replica file \(fileSize) bytes
              refused   \(summary.refusals) in the refusal log (artel refused)
              follows   \(FollowPrinter.text(follows, names: communityNames).replacingOccurrences(of: "\n", with: "; "))
            """
        for peer in peers {
            text += "\n  peer      " + PeerPrinter.row(peer).filter { !$0.isEmpty }.joined(separator: "  ")
        }
        return text
    }

    var json: JSON {
        .object([
            ("name", .string(name)),
            ("version", .string(Artel.version)),
            ("node_key", nodeKey.map { .string($0.hex) } ?? .null),
            ("read_only", .bool(readOnly)),
            ("data", .string(path)),
            ("records", .object(Self.kinds.map { ($0.1, .number(Int64(summary.records[$0.0] ?? 0))) })),
            ("deltas", .number(Int64(summary.deltas))),
            ("delta_bytes", .number(Int64(summary.deltaBytes))),
            ("scopes", .number(Int64(summary.scopes))),
            ("replica_bytes", .number(fileSize)),
            ("refusals", .number(Int64(summary.refusals))),
            ("listen", listen.map(JSON.string) ?? .null),
            ("follows", FollowPrinter.json(follows)),
            ("peers", .array(peers.map(PeerPrinter.json))),
        ])
    }
}
