import ServiceLifecycle

/// Says the node is serving once the service group runs, which is when SIGINT and SIGTERM are
/// trapped: a supervisor that sees the line may stop the node gracefully from then on.
struct Announcement: Service {
    let message: String

    func run() async throws {
        Console.line(message)
        try? await gracefulShutdown()
    }
}
