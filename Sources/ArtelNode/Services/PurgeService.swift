public import ArtelStore
public import Logging
public import ServiceLifecycle

/// Drops expired deltas on a fixed interval until graceful shutdown.
public struct PurgeService: Service {
    let replica: Replica
    let interval: Duration
    let logger: Logger

    /// A purger of `replica` every `interval`.
    public init(replica: Replica, interval: Duration, logger: Logger) {
        self.replica = replica
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let report = try await replica.purgeExpired(now: WallClock.now)
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
