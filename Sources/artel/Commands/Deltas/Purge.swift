import ArgumentParser
import ArtelStore

struct Purge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Drop expired deltas now (`artel serve` does this every minute).",
        discussion: "Example:\n  artel purge"
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let node = try global.openNode()
        let report = try await node.replica.purgeExpired(now: node.now)
        output.emit(
            "Purged \(report.deltas) expired deltas; \(report.records) records are gone.",
            json: .object([("deltas", .number(Int64(report.deltas))), ("records", .number(Int64(report.records)))])
        )
    }
}
