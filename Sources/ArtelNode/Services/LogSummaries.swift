public import ServiceLifecycle

/// Writes the summaries of the ``ThrottledLog`` every ten seconds, and what is left at graceful
/// shutdown.
public struct LogSummaries: Service {
    let log: ThrottledLog

    /// Summaries of `log`.
    public init(log: ThrottledLog) {
        self.log = log
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(10)) }
            log.summarize()
        }
        log.summarize(now: .max)
    }
}
