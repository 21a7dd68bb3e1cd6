public import ServiceLifecycle

/// Says the node is serving once the service group runs, which is when SIGINT and SIGTERM are
/// trapped: a supervisor that sees the announcement may stop the node gracefully from then on.
public struct Announcement: Service {
    let announce: @Sendable () -> Void

    /// An announcement made by `announce`.
    public init(_ announce: @escaping @Sendable () -> Void) {
        self.announce = announce
    }

    public func run() async throws {
        announce()
        try? await gracefulShutdown()
    }
}
