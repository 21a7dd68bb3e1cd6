import ArgumentParser
import ArtelStore
import Logging
import ServiceLifecycle
import UnixSignals

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the node until it is told to stop (Ctrl-C or SIGTERM).",
        discussion: """
            Opens the replica, prints what it holds, and purges expired deltas every minute. Peers and
            the HTTP API join with the wire and service releases. On SIGINT or SIGTERM the node finishes
            what it is doing, closes the replica cleanly and exits 0.

            Example:
              artel serve --data /srv/artel
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Seconds between purges of expired deltas.")
    var purgeInterval: Int = 60

    func validate() throws {
        guard purgeInterval >= 1 else { throw ValidationError("--purge-interval must be at least 1 second") }
    }

    func run() async throws {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        var logger = Logger(label: "artel")
        logger.logLevel = .info
        let node = try global.openNode()
        Console.line(try await StatusReport.make(node).text)
        let services: [any Service] = [
            PurgeService(replica: node.replica, interval: .seconds(purgeInterval), logger: logger),
            Announcement(
                message: "Serving; no peers yet (the wire arrives with the next release). Press Ctrl-C to stop."
            ),
        ]
        let group = ServiceGroup(
            configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        )
        try await group.run()
        try node.replica.close()
        Console.line("Stopped; the replica is closed.")
    }
}
