import ArgumentParser
import ArtelCore
import ArtelNode
import ArtelStore
import ArtelSync
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the node: listen for peers, dial the configured ones, reconcile and push, until stopped.",
        discussion: """
            Peers connect with the Secret Handshake under the federation's network key, reconcile what \
            both follow (control plane first) and then push every new delta to each other. Expired \
            deltas are purged every minute. SIGINT or SIGTERM stop the node gracefully: it stops \
            accepting, says goodbye to its peers, finishes the batch it is writing and closes the replica.

            Examples:
              artel serve
              artel serve --listen 0.0.0.0:7400 --allow 8cffba609d29fecbdec9e8fcbbd32508f49f9c2a99a6ba870124234fbd8bc7d5
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Where to listen for peers, host:port (port 0 picks a free one), or `none` to only dial.")
    var listen = "0.0.0.0:\(PeerAddress.defaultPort)"

    @Option(
        help: "The federation's network key, 64 hex digits (default: $ARTEL_NETWORK_KEY, else the public federation's)."
    )
    var networkKey: String?

    @Option(help: "Accept only this node key (repeatable; default: any node with the network key).")
    var allow: [String] = []

    @Option(help: "The most peer connections at once.") var maxConnections = 64
    @Option(help: "Seconds between reconciliations of a live session.") var reconcileInterval = 300
    @Option(help: "Seconds between purges of expired deltas.") var purgeInterval = 60
    @Option(help: "trace, debug, info, notice, warning, error or critical.") var logLevel = "info"

    func validate() throws {
        guard listen == "none" || PeerAddress(listen) != nil else {
            throw ValidationError("--listen \(listen) is not host:port or none")
        }
        if let networkKey = networkKey ?? ProcessInfo.processInfo.environment["ARTEL_NETWORK_KEY"],
            NetworkKey(hex: networkKey) == nil
        {
            throw ValidationError("the network key must be 64 hex digits")
        }
        for key in allow where PublicKey(hex: key) == nil {
            throw ValidationError("--allow \(key.prefix(70)) is not a node key (64 hex digits)")
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level \(logLevel) is not a log level")
        }
        guard maxConnections >= 1, reconcileInterval >= 1, purgeInterval >= 1 else {
            throw ValidationError("--max-connections, --reconcile-interval and --purge-interval must be at least 1")
        }
    }

    /// The longest a graceful stop waits for peers before it cuts them off.
    static let shutdownLimit = Duration.seconds(15)

    func run() async throws {
        // `artel sync now` may signal as soon as the pid file exists: never let SIGUSR1 kill the node.
        signal(SIGUSR1, SIG_IGN)
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        var logger = Logger(label: "artel")
        logger.logLevel = Logger.Level(rawValue: logLevel)!
        let node = try global.openNode()
        let (_, key) = try node.directory.keys.load(KeyStore.nodeKeyName)
        var configuration = NodeConfiguration(
            name: try await node.replica.nodeName(),
            key: key,
            networkKey: (networkKey ?? ProcessInfo.processInfo.environment["ARTEL_NETWORK_KEY"]).flatMap(
                NetworkKey.init(hex:)
            )
                ?? .publicFederation,
            listen: listen == "none" ? nil : PeerAddress(listen)
        )
        configuration.allowList = allow.isEmpty ? nil : Set(allow.compactMap { PublicKey(hex: $0) })
        configuration.maximumConnections = maxConnections
        configuration.reconcileInterval = UInt64(reconcileInterval) * 1000
        let hub = Hub(maximumConnections: configuration.maximumConnections, nodeKey: key.publicKey)
        let context = NodeContext(configuration: configuration, replica: node.replica, hub: hub, logger: logger)

        var report = try await StatusReport.make(node)
        report.listen = configuration.listen.map { "\($0)" } ?? "no port (--listen none): this node only dials"
        Console.line(report.text)
        let pidFile = "\(node.directory.path)/serve.pid"
        try "\(ProcessInfo.processInfo.processIdentifier)\n".write(toFile: pidFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: pidFile) }

        let replica = node.replica
        var services: [any Service] = [
            Dialer(context: context), LocalChanges(context: context),
            PurgeService(replica: replica, interval: .seconds(purgeInterval), logger: logger),
            SyncRequests(hub: hub, requestPath: SyncRequests.requestPath(in: node.directory.path), logger: logger),
            Announcement { Console.line("Serving. Press Ctrl-C to stop.") },
        ]
        if let address = configuration.listen {
            services.append(
                Listener(context: context, address: address) { Console.line("Listening for peers on \($0)") }
            )
        }
        var groupConfiguration = ServiceGroupConfiguration(
            services: services,
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
        groupConfiguration.maximumGracefulShutdownDuration = Self.shutdownLimit
        do {
            try await ServiceGroup(configuration: groupConfiguration).run()
        } catch {
            try? await replica.setListenAddress(nil)
            try? replica.close()
            throw error
        }
        try? await replica.setListenAddress(nil)
        try replica.close()
        Console.line("Stopped; the replica is closed.")
    }
}
