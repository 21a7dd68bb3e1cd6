import ArgumentParser
import ArtelStore

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the replica: SQLite integrity, every signature, retention and every materialized row.",
        discussion: """
            Nothing is changed, and a replica this user may only read is checked too (all but its
            full-text indexes). Exit status 1 when a problem is found. Run it after a crash or a restore.

            Example:
              artel check
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let node = try global.openNode()
        let report = try await node.replica.check()
        if output.json {
            print(
                JSON.object([
                    ("records", .number(Int64(report.records))), ("deltas", .number(Int64(report.deltas))),
                    ("problems", .array(report.problems.map(JSON.string))),
                    ("unchecked", .array(report.unchecked.map(JSON.string))),
                ]).rendered
            )
            if !report.problems.isEmpty { throw ExitCode.failure }
            return
        }
        print(
            "Checked \(report.records) records and \(report.deltas) deltas: \(report.problems.isEmpty ? "consistent" : "\(report.problems.count) problems")"
        )
        for problem in report.problems { print("  \(problem)") }
        for skipped in report.unchecked { print("  not checked: \(skipped)") }
        if !report.problems.isEmpty { throw ExitCode.failure }
    }
}
