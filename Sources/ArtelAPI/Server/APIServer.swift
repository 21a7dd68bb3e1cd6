public import ArtelNode
import Hummingbird
public import Logging
public import ServiceLifecycle

/// The node's HTTP API (protocol/api.md, protocol/openapi.json): reads and signed writes of
/// records, a live change stream, public feeds, health and metrics.
public enum APIServer: Sendable {
    /// The API as a service of the node, listening on `address`.
    ///
    /// - Parameter onListening: told the address once the server listens (its port, when 0 was asked).
    public static func service(
        context: APIContext,
        address: PeerAddress,
        logger: Logger,
        onListening: @escaping @Sendable (String) -> Void
    ) -> some Service {
        Application(
            router: router(context),
            server: .http1(configuration: .init(additionalChannelHandlers: [MalformedRequestResponder()])),
            configuration: ApplicationConfiguration(
                address: .hostname(address.host, port: address.port),
                serverName: NodeConfiguration.software
            ),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? address.port
                onListening("\(address.host):\(port)")
            },
            logger: logger
        )
    }

    /// The routes, for the server and for tests that read them.
    static func router(_ context: APIContext) -> Router<APIRequestContext> {
        let router = Router(context: APIRequestContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: CompressionMiddleware())
        router.add(middleware: ServerTimingMiddleware())
        if !context.corsOrigins.isEmpty { router.add(middleware: CORSMiddleware(origins: context.corsOrigins)) }
        router.add(middleware: ErrorMiddleware(siteName: context.nodeName))
        router.add(middleware: SessionMiddleware(replica: context.replica, policy: context.sessionPolicy))
        HealthRoutes(context: context).register(on: router)
        ChangeRoutes(context: context).register(on: router)
        RecordRoutes(context: context).register(on: router)
        FeedRoutes(context: context).register(on: router)
        SiteRoutes(context: context).register(on: router)
        DigestSiteRoutes(context: context).register(on: router)
        MarketSiteRoutes(context: context).register(on: router)
        EmbedSiteRoutes(context: context).register(on: router)
        EventSiteRoutes(context: context).register(on: router)
        CommunitySiteRoutes(context: context).register(on: router)
        AccountSiteRoutes(context: context).register(on: router)
        EditorSiteRoutes(context: context).register(on: router)
        ModerationSiteRoutes(context: context).register(on: router)
        OperatorSiteRoutes(context: context).register(on: router)
        ProposalSiteRoutes(context: context).register(on: router)
        ImportSiteRoutes(context: context).register(on: router)
        return router
    }
}

/// Marks the node as stopping when a graceful shutdown begins, so that `/health` answers 503 and
/// live change streams end: place it after the API in the service group, which stops services in
/// reverse order.
public struct StoppingMark: Service {
    let lifecycle: Lifecycle

    /// A mark for `lifecycle`.
    public init(_ lifecycle: Lifecycle) {
        self.lifecycle = lifecycle
    }

    public func run() async throws {
        try? await gracefulShutdown()
        lifecycle.stop()
    }
}
