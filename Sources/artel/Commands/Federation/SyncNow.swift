import ArgumentParser
import ArtelCore
import ArtelNode
import ArtelStore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

struct Sync: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask the serving node to reconcile now.",
        subcommands: [SyncNow.self]
    )
}

struct SyncNow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "now",
        abstract:
            "Reconcile now with every peer, or one: sessions this node dialed reconcile at once, and peers waiting to be redialed are dialed.",
        discussion: """
            Examples:
              artel sync now
              artel sync now 8cffba609d29
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A peer's node key or a prefix of it (default: every peer).") var peer: String?
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let node = try global.openNode()
        var key: PublicKey?
        if let peer {
            let matches = try await node.replica.peers().filter { $0.key.hex.hasPrefix(peer.lowercased()) }
            guard matches.count == 1 else {
                throw ValidationError(
                    matches.isEmpty
                        ? "no peer's key starts with \(peer); `artel peer list` shows them"
                        : "\(matches.count) peers' keys start with \(peer); give more of the key"
                )
            }
            key = matches[0].key
        }
        guard let pid = ServingNode.pid(in: node.directory.path) else {
            throw StoreError(.notFound, "no node is serving from \(node.directory.path); start it with `artel serve`")
        }
        try (key?.hex ?? "").write(
            toFile: SyncRequests.requestPath(in: node.directory.path),
            atomically: true,
            encoding: .utf8
        )
        guard kill(pid, SIGUSR1) == 0 else { throw StoreError(.io, "cannot signal the serving node (process \(pid))") }
        output.emit(
            "Asked the node (process \(pid)) to reconcile with \(key.map { "peer \($0.hex.prefix(16))…" } ?? "every peer") now.",
            json: .object([("process", .number(Int64(pid))), ("peer", key.map { .string($0.hex) } ?? .null)])
        )
    }
}
