public import ArtelNode
public import ArtelStore
import HTTPTypes
public import Prometheus
import Synchronization

/// What every request handler of the HTTP API shares.
public struct APIContext: Sendable {
    /// The node's data directory: its keys sign API writes.
    public let directory: DataDirectory
    /// The replica.
    public let replica: Replica
    /// The node's live sessions, for `/health` and `/metrics`.
    public let hub: Hub
    /// The bearer token writes need (``APIToken``).
    public let token: String
    /// Where the node's metrics are recorded; `/metrics` shows it.
    public let registry: PrometheusCollectorRegistry
    /// Whether the node is stopping: `/health` says so and change streams end.
    public let lifecycle: Lifecycle
    /// The web origins whose pages may read public records and feeds (``CORSMiddleware``).
    public let corsOrigins: [String]
    /// The node's human name, which heads its site's pages.
    public let nodeName: String
    /// When the site's sessions end.
    public let sessionPolicy: SessionPolicy
    /// Failed sign-ins, counted to slow guessing.
    let signIns = SignInLimiter()
    /// Where sign-in passwords are checked, one at a time.
    let passwordChecks = PasswordChecks()
    /// Visitors' proposals, counted per address to keep floods out.
    let proposalLimiter = ProposalLimiter()
    /// The proposals being decided, each by one request at a time.
    let proposalClaims = ProposalClaims()

    /// A context.
    public init(
        directory: DataDirectory,
        replica: Replica,
        hub: Hub,
        token: String,
        registry: PrometheusCollectorRegistry,
        lifecycle: Lifecycle = Lifecycle(),
        corsOrigins: [String] = [],
        nodeName: String = "Artel",
        sessionPolicy: SessionPolicy = .standard
    ) {
        self.directory = directory
        self.replica = replica
        self.hub = hub
        self.token = token
        self.registry = registry
        self.lifecycle = lifecycle
        self.corsOrigins = corsOrigins
        self.nodeName = nodeName
        self.sessionPolicy = sessionPolicy
    }

    /// Whether a request carries the token. Compared in constant time.
    func isAuthorized(_ header: String?) -> Bool {
        guard let header, header.lowercased().hasPrefix("bearer ") else { return false }
        let given = Array(header.dropFirst(7).utf8)
        let expected = Array(token.utf8)
        guard given.count == expected.count else { return false }
        return zip(given, expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// Refuses a request without the token with 401 `token_required`; `what` names what needs it.
    func requireToken(_ authorization: String?, for what: String) throws {
        guard isAuthorized(authorization) else {
            throw APIError(
                .unauthorized,
                "token_required",
                "\(what) need the node's API token: send Authorization: Bearer <the contents of api.token>"
            )
        }
    }
}

/// Whether the node is stopping; set once when a graceful shutdown begins.
public final class Lifecycle: Sendable {
    private let stopping = Atomic<Bool>(false)

    /// A node that is serving.
    public init() {}

    /// Whether the node is stopping.
    public var isStopping: Bool { stopping.load(ordering: .relaxed) }

    /// Marks the node as stopping.
    public func stop() {
        stopping.store(true, ordering: .relaxed)
    }
}
