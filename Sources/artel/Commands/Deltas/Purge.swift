import ArgumentParser
import ArtelStore

struct Purge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Drop expired deltas now (`artel serve` does this every minute).",
        discussion: "Example:\n  artel purge"
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let node = try global.openNode()
        let report = try await node.replica.purgeExpired(now: node.now)
        print("Purged \(report.deltas) expired deltas; \(report.records) records are gone.")
    }
}
