import ArgumentParser
import ArtelAPI
import ArtelCore
import ArtelNode
import ArtelStore
import ArtelSync
import Foundation
import Logging
import Prometheus
import ServiceLifecycle
import UnixSignals

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Run the node: listen for peers, dial the configured ones, reconcile and push, serve the HTTP API, until stopped.",
        discussion: """
            Peers connect with the Secret Handshake under the federation's network key, reconcile what \
            both follow (control plane first) and then push every new delta to each other. Expired \
            deltas are purged every minute. The HTTP API (protocol/api.md) serves reads, signed writes \
            and /metrics behind the token in api.token, a live change stream, public feeds and /health.

            Settings come from flags, then ARTEL_ variables, then artel.toml in the data directory \
            (`artel config check` explains mistakes), then the defaults.

            With --json, standard output carries JSON lines only: one when the node serves \
            ({"status": "serving", "node", "node_key", "version", "data", "listen": host:port or null, \
            "api": its URL or null}, ports chosen by port 0 filled in), one when it stops \
            ({"status": "stopping", "at_once"}) and one when it has stopped ({"status": "stopped"}); \
            the log on standard error is JSON too unless --log-format says otherwise.

            SIGINT or SIGTERM stop the node gracefully: it stops accepting, ends change streams, says \
            goodbye to its peers, finishes the batch it is writing and closes the replica, within 15 s. \
            A second signal stops it at once; the replica stays consistent either way.

            Examples:
              artel serve
              artel serve --listen 0.0.0.0:7400 --api 127.0.0.1:7480
              artel serve --listen 127.0.0.1:0 --api 127.0.0.1:0 --json
              artel serve --peer \\
              10.0.0.2:7400@8cffba609d29fecbdec9e8fcbbd32508f49f9c2a99a6ba870124234fbd8bc7d5
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Option(
        help:
            "Where to listen for peers, host:port (port 0 picks a free one), or `none` to only dial (default 0.0.0.0:\(PeerAddress.defaultPort))."
    )
    var listen: String?

    @Option(help: "The node's name in hellos to peers (default: the name given at `artel init`).")
    var name: String?

    @Option(help: "Where the HTTP API listens, host:port, or `none` (default 127.0.0.1:7480).")
    var api: String?

    @Option(help: "A peer to dial, host:port@node-key; added when the node starts (repeatable).")
    var peer: [String] = []

    @Option(help: "A community key to follow, 64 hex digits; added when the node starts (repeatable).")
    var follow: [String] = []

    @Option(help: "The federation's network key, 64 hex digits (default: the public federation's).")
    var networkKey: String?

    @Option(help: "Accept only this node key (repeatable; default: any node with the network key).")
    var allow: [String] = []

    @Option(
        name: .customLong("cors-origin"),
        help: "A web origin whose pages may read the API's public records and feeds (repeatable; * for any)."
    )
    var corsOrigins: [String] = []

    @Option(help: "The most peer connections at once (default 64).") var maxConnections: Int?
    @Option(help: "Seconds between reconciliations of a live session (default 300).") var reconcileInterval: Int?
    @Option(help: "Seconds between purges of expired deltas (default 60).") var purgeInterval: Int?
    @Option(help: "trace, debug, info, notice, warning, error or critical (default info).") var logLevel: String?
    @Option(help: "text, or json (one object per line, for log collectors; default text).") var logFormat: String?

    /// The flags, as the top layer of the settings.
    private var flags: ConfigFile {
        var flags = ConfigFile()
        flags.name = name
        flags.api = api
        flags.peers = peer.isEmpty ? nil : peer
        flags.follows = follow.isEmpty ? nil : follow
        flags.listen = listen
        flags.networkKey = networkKey
        flags.allow = allow.isEmpty ? nil : allow
        flags.corsOrigins = corsOrigins.isEmpty ? nil : corsOrigins
        flags.maxConnections = maxConnections
        flags.reconcileInterval = reconcileInterval
        flags.purgeInterval = purgeInterval
        flags.logLevel = logLevel
        // --json asks for JSON on every stream, unless the log's format is named.
        flags.logFormat = logFormat ?? (output.json ? "json" : nil)
        return flags
    }

    func validate() throws {
        let (_, mistakes) = ConfigFile.parse(ConfigFile.render(flags))
        if let mistake = mistakes.first {
            // The file's keys name lists in the plural; the flags that fill them are repeated, singular.
            var message = mistake.message.replacingOccurrences(of: "_", with: "-")
            for (key, flag) in [("peers", "peer"), ("follows", "follow"), ("cors-origins", "cors-origin")]
            where message.hasPrefix(key + " ") {
                message = flag + message.dropFirst(key.count)
            }
            throw ValidationError("--" + message)
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

    /// Where the HTTP API listens unless told otherwise.
    static let defaultAPI = "127.0.0.1:7480"

    /// Adds the peers and follows that the settings name, as `artel peer add` and `artel follow` would.
    static func addConfigured(_ settings: ConfigFile, to replica: Replica, now: UInt64) async throws {
        for entry in (settings.peers ?? []).compactMap(PeerEntry.init) {
            try await replica.addPeer(entry.key, address: "\(entry.address)", now: now)
        }
        for community in (settings.follows ?? []).compactMap({ PublicKey(hex: $0.lowercased()) }) {
            _ = try await replica.follow(community, kinds: .all)
        }
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
        try await Self.addConfigured(settings, to: node.replica, now: node.now)
        // States left by a node that crashed: no session survives a restart.
        try await node.replica.endSessions()
        let storedName = try await node.replica.nodeName()
        var configuration = NodeConfiguration(
            name: settings.name ?? storedName,
            key: key,
            networkKey: settings.networkKey.flatMap(NetworkKey.init(hex:)) ?? .publicFederation,
            listen: listen == "none" ? nil : PeerAddress(listen)
        )
        configuration.allowList = settings.allow.map { Set($0.compactMap { PublicKey(hex: $0) }) }
        configuration.maximumConnections = settings.maxConnections ?? 64
        configuration.reconcileInterval = UInt64(settings.reconcileInterval ?? 300) * 1000
        let purgeInterval = settings.purgeInterval ?? 60
        let hub = Hub(maximumConnections: configuration.maximumConnections, nodeKey: key.publicKey)
        let registry = PrometheusCollectorRegistry()
        let context = NodeContext(
            configuration: configuration,
            replica: node.replica,
            hub: hub,
            logger: logger,
            metrics: NodeMetrics(factory: PrometheusMetricsFactory(registry: registry))
        )
        let lifecycle = Lifecycle()

        var report = try await StatusReport.make(node)
        report.listen = configuration.listen.map { "\($0)" } ?? "no port (--listen none): this node only dials"
        if !output.json { Console.line(report.text) }
        let api = settings.api ?? Self.defaultAPI
        let apiAddress = api == "none" ? nil : PeerAddress(api)
        let announcer = ServeAnnouncer(
            json: output.json,
            identity: [
                ("node", .string(configuration.name)), ("node_key", .string(key.publicKey.hex)),
                ("version", .string(Artel.version)), ("data", .string(node.directory.path)),
            ],
            parts: Set([configuration.listen.map { _ in .peers }, apiAddress.map { _ in .api }].compactMap { $0 })
        )
        let pidFile = "\(node.directory.path)/serve.pid"
        try "\(ProcessInfo.processInfo.processIdentifier)\n".write(toFile: pidFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: pidFile) }

        let replica = node.replica
        var services: [any Service] = [
            Dialer(context: context), LocalChanges(context: context),
            PurgeService(replica: replica, interval: .seconds(purgeInterval), logger: logger),
            SyncRequests(hub: hub, requestPath: SyncRequests.requestPath(in: node.directory.path), logger: logger),
            LogSummaries(log: context.throttledLog),
            Announcement { announcer.started(.serving) },
        ]
        if let address = configuration.listen {
            services.append(
                BindingService(
                    Listener(context: context, address: address) { announcer.started(.peers, at: "\($0)") },
                    address: "\(address)",
                    purpose: "listen for peers",
                    setting: "--listen HOST:PORT, [node] listen in the config or ARTEL_LISTEN"
                )
            )
        }
        if let address = apiAddress {
            let apiContext = APIContext(
                directory: node.directory,
                replica: replica,
                hub: hub,
                token: try APIToken.loadOrCreate(in: node.directory.path),
                registry: registry,
                lifecycle: lifecycle,
                corsOrigins: settings.corsOrigins ?? [],
                nodeName: configuration.name
            )
            var apiLogger = logger
            apiLogger[metadataKey: "service"] = "api"
            services.append(
                BindingService(
                    APIServer.service(context: apiContext, address: address, logger: apiLogger) {
                        announcer.started(.api, at: $0)
                    },
                    address: "\(address)",
                    purpose: "serve the HTTP API",
                    setting: "--api HOST:PORT (or none), [api] listen in the config or ARTEL_API"
                )
            )
        }
        // Last, so that it is the first to hear of a graceful shutdown: services stop in reverse order.
        services.append(StoppingMark(lifecycle))
        var groupConfiguration = ServiceGroupConfiguration(
            services: services,
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
        groupConfiguration.maximumGracefulShutdownDuration = Self.shutdownLimit
        let group = Task { try await ServiceGroup(configuration: groupConfiguration).run() }
        // The group stops gracefully at the first signal; a second one cancels it: sessions are cut
        // off, and the batch being written is committed or rolled back whole, never half.
        let secondSignal = Task {
            var signals = 0
            for await _ in await UnixSignalsSequence(trapping: .sigterm, .sigint) {
                signals += 1
                if signals == 1 { announcer.stopping(atOnce: false) }
                if signals == 2 {
                    announcer.stopping(atOnce: true)
                    group.cancel()
                    return
                }
            }
        }
        defer { secondSignal.cancel() }
        do {
            try await group.value
        } catch  where !group.isCancelled {
            try? await replica.setListenAddress(nil)
            try? replica.close()
            throw error
        } catch {
            // Cancelled by a second signal: what follows still closes the replica.
        }
        try? await replica.setListenAddress(nil)
        try replica.close()
        announcer.stopped()
    }
}
