public import Logging
import Synchronization

/// The node's log for events that strangers can repeat at will (refused and failed connections):
/// lines pass through a ``LogThrottle``, and ``LogSummaries`` writes what it held back.
public final class ThrottledLog: Sendable {
    private let throttle = Mutex(LogThrottle())
    private let logger: Logger

    /// A throttled log writing to `logger`.
    public init(logger: Logger) {
        self.logger = logger
    }

    /// Logs `event` about a connection from `address`, unless the address has repeated it too often.
    func info(_ event: String, address: String, metadata: Logger.Metadata = [:], now: UInt64 = WallClock.now) {
        guard throttle.withLock({ $0.shouldLog(.init(event: event, address: address), now: now) }) else { return }
        logger.info("\(event)", metadata: metadata.merging(["peer.address": "\(address)"]) { $1 })
    }

    /// Writes one line for each window that ended with events held back.
    func summarize(now: UInt64 = WallClock.now) {
        for (source, suppressed) in throttle.withLock({ $0.endedWindows(now: now) }) {
            logger.info(
                "\(suppressed) more: \(source.event), from \(source.address) in the last minute",
                metadata: ["peer.address": "\(source.address)"]
            )
        }
    }
}
