import ArtelStore
import Foundation
import Logging
import ServiceLifecycle

/// Drops expired deltas on a fixed interval until graceful shutdown.
struct PurgeService: Service {
    let replica: Replica
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully {
            let now = UInt64(Date().timeIntervalSince1970 * 1000)
            let report = try await replica.purgeExpired(now: now)
            if report.deltas > 0 {
                logger.info(
                    "purged expired deltas",
                    metadata: ["purge.deltas": "\(report.deltas)", "purge.records": "\(report.records)"]
                )
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
