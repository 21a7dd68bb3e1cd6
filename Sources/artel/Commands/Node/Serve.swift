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

    @Option(
        help:
            "Where to listen for peers, host:port (port 0 picks a free one), or `none` to only dial (default 0.0.0.0:\(PeerAddress.defaultPort))."
    )
    var listen: String?

    @Option(help: "The federation's network key, 64 hex digits (default: the public federation's).")
    var networkKey: String?

    @Option(help: "Accept only this node key (repeatable; default: any node with the network key).")
    var allow: [String] = []

    @Option(help: "The most peer connections at once (default 64).") var maxConnections: Int?
    @Option(help: "Seconds between reconciliations of a live session (default 300).") var reconcileInterval: Int?
    @Option(help: "Seconds between purges of expired deltas (default 60).") var purgeInterval: Int?
    @Option(help: "trace, debug, info, notice, warning, error or critical (default info).") var logLevel: String?
    @Option(help: "text, or json (one object per line, for log collectors; default text).") var logFormat: String?

    /// The flags, as the top layer of the settings.
    private var flags: ConfigFile {
        var flags = ConfigFile()
        flags.listen = listen
        flags.networkKey = networkKey
        flags.allow = allow.isEmpty ? nil : allow
        flags.maxConnections = maxConnections
        flags.reconcileInterval = reconcileInterval
        flags.purgeInterval = purgeInterval
        flags.logLevel = logLevel
        flags.logFormat = logFormat
        return flags
    }

    func validate() throws {
        let (_, mistakes) = ConfigFile.parse(ConfigFile.render(flags))
        if let mistake = mistakes.first {
            throw ValidationError("--" + mistake.message.replacingOccurrences(of: "_", with: "-"))
        }
    }

    /// Flags over `ARTEL_` variables over `artel.toml` over the defaults; refuses mistakes in any.
    static func settings(flags: ConfigFile, directory: String) throws -> ConfigFile {
        let (environment, environmentMistakes) = ConfigFile.fromEnvironment(ProcessInfo.processInfo.environment)
        let (file, fileMistakes) = try ConfigFile.load(fromDirectory: directory)
        let mistakes = environmentMistakes.map(\.description) + fileMistakes.map { "\(ConfigFile.fileName), \($0)" }
        guard mistakes.isEmpty else {
            throw StoreError(
                .invalidInput,
                "the node will not start with these settings:\n  " + mistakes.joined(separator: "\n  ")
            )
        }
        return flags.over(environment).over(file)
    }

    /// The longest a graceful stop waits for peers before it cuts them off.
    static let shutdownLimit = Duration.seconds(15)

    func run() async throws {
        // `artel sync now` may signal as soon as the pid file exists: never let SIGUSR1 kill the node.
        signal(SIGUSR1, SIG_IGN)
        let node = try global.openNode()
        let settings = try Self.settings(flags: flags, directory: node.directory.path)
        if settings.logFormat == "json" {
            LoggingSystem.bootstrap { JSONLogHandler(label: $0) }
        } else {
            LoggingSystem.bootstrap(StreamLogHandler.standardError)
        }
        var logger = Logger(label: "artel")
        logger.logLevel = settings.logLevel.flatMap(Logger.Level.init(rawValue:)) ?? .info
        let (_, key) = try node.directory.keys.load(KeyStore.nodeKeyName)
        let listen = settings.listen ?? "0.0.0.0:\(PeerAddress.defaultPort)"
        var configuration = NodeConfiguration(
            name: try await node.replica.nodeName(),
            key: key,
            networkKey: settings.networkKey.flatMap(NetworkKey.init(hex:)) ?? .publicFederation,
            listen: listen == "none" ? nil : PeerAddress(listen)
        )
        configuration.allowList = settings.allow.map { Set($0.compactMap { PublicKey(hex: $0) }) }
        configuration.maximumConnections = settings.maxConnections ?? 64
        configuration.reconcileInterval = UInt64(settings.reconcileInterval ?? 300) * 1000
        let purgeInterval = settings.purgeInterval ?? 60
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
