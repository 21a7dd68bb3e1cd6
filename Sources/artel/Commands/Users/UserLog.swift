import ArgumentParser
import ArtelCore
import ArtelStore

/// `artel user log`: the audit log of accounts, newest first.
struct UserLog: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Show the audit log: who signed in, was refused, signed out, or wrote what, and when.",
        discussion: """
            Each line: when, the account (or "operator" for the command line), the action, what it \
            was done to, and the address a site request came from.

            Example:
              artel user log --limit 20
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "How many lines, newest first (1 to 10000).")
    var limit = 50

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (1...10_000).contains(limit) else { throw ValidationError("--limit takes 1 to 10000, not \(limit)") }
    }

    func run() async throws {
        let node = try global.openNode()
        let entries = try await node.replica.auditLog(limit: limit)
        let lines = entries.map { entry in
            [Moments.text(entry.time), entry.account ?? "operator", entry.action, entry.target, entry.address ?? ""]
                .filter { !$0.isEmpty }.joined(separator: "  ")
        }
        output.emit(
            lines.isEmpty ? "The audit log is empty." : lines.joined(separator: "\n"),
            json: .array(
                entries.map { entry in
                    .object([
                        ("time", .string(ISODates.dateTime(entry.time))),
                        ("account", entry.account.map(JSON.string) ?? .null), ("action", .string(entry.action)),
                        ("target", .string(entry.target)), ("address", entry.address.map(JSON.string) ?? .null),
                    ])
                }
            )
        )
    }
}
