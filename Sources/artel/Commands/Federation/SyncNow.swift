import ArgumentParser
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

    func run() async throws {
        let node = try global.openNode()
        let pidFile = "\(node.directory.path)/serve.pid"
        guard let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
            let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)),
            kill(pid, 0) == 0
        else {
            throw StoreError(.notFound, "no node is serving from \(node.directory.path); start it with `artel serve`")
        }
        try (peer ?? "").write(
            toFile: SyncRequests.requestPath(in: node.directory.path),
            atomically: true,
            encoding: .utf8
        )
        guard kill(pid, SIGUSR1) == 0 else { throw StoreError(.io, "cannot signal the serving node (process \(pid))") }
        print("Asked the node (process \(pid)) to reconcile with \(peer.map { "peer \($0)" } ?? "every peer") now.")
    }
}
