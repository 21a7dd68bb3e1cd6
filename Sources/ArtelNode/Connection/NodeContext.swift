public import ArtelStore
import Foundation
public import Logging

/// What every connection of a node shares.
public struct NodeContext: Sendable {
    /// The node's configuration.
    public let configuration: NodeConfiguration
    /// The replica.
    public let replica: Replica
    /// The live sessions.
    public let hub: Hub
    /// The node's logger; connections add the peer to its metadata.
    public let logger: Logger
    /// What the node counts and times.
    public let metrics: NodeMetrics
    /// The log of what strangers can repeat at will, within bounds.
    public let throttledLog: ThrottledLog

    /// A context.
    public init(
        configuration: NodeConfiguration,
        replica: Replica,
        hub: Hub,
        logger: Logger,
        metrics: NodeMetrics = NodeMetrics()
    ) {
        self.configuration = configuration
        self.replica = replica
        self.hub = hub
        self.logger = logger
        self.metrics = metrics
        throttledLog = ThrottledLog(logger: logger)
    }
}

/// The wall clock, in Unix milliseconds: the one place the node and its API read it.
public enum WallClock {
    /// Now.
    public static var now: UInt64 { UInt64(Date().timeIntervalSince1970 * 1000) }
}
