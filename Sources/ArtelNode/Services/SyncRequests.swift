import ArtelCore
import Foundation
public import Logging
public import ServiceLifecycle
import UnixSignals

/// Answers `artel sync now`: the command writes the peer (or nothing, for every peer) to
/// `DATA/sync-now` and sends SIGUSR1; this service reconciles now, and dials peers waiting out a backoff.
public struct SyncRequests: Service {
    let hub: Hub
    let requestPath: String
    let logger: Logger

    /// The file `artel sync now` writes in a data directory.
    public static func requestPath(in directory: String) -> String { "\(directory)/sync-now" }

    /// A service reading requests from `requestPath`.
    public init(hub: Hub, requestPath: String, logger: Logger) {
        self.hub = hub
        self.requestPath = requestPath
        self.logger = logger
    }

    public func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sigusr1)
        for await _ in signals.cancelOnGracefulShutdown() {
            let request =
                (try? String(contentsOfFile: requestPath, encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            try? FileManager.default.removeItem(atPath: requestPath)
            let peer = PublicKey(hex: request)
            guard request.isEmpty || peer != nil else {
                logger.info("ignored a sync request that names no peer", metadata: ["request": "\(request.prefix(80))"])
                continue
            }
            logger.info(
                "sync requested",
                metadata: ["peer.key": "\(peer.map { String($0.hex.prefix(16)) } ?? "every peer")"]
            )
            await hub.syncNow(peer)
        }
    }
}
