import ArgumentParser
import ArtelCore
import ArtelStore

struct Refusals: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the latest refused deltas: when, from where, and why.",
        discussion: "Example:\n  artel refusals --limit 5"
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "How many to show, newest first.") var limit: Int = 20

    func validate() throws {
        guard (1...10_000).contains(limit) else { throw ValidationError("--limit must be between 1 and 10000") }
    }

    func run() async throws {
        let node = try global.openNode()
        let refusals = try await node.replica.refusals(limit: limit)
        if output.json {
            print(
                JSON.array(
                    refusals.map { refusal in
                        .object([
                            ("at", .string(Moments.iso(Int64(refusal.at)))),
                            ("source", .string(refusal.source)),
                            ("reason", .string(refusal.reason)),
                            ("code", refusal.code.map { .number(Int64($0.rawValue)) } ?? .null),
                            ("message", .string(refusal.message)),
                            ("delta", refusal.id.map { .string($0.hex) } ?? .null),
                            ("kind", refusal.kind.map { .string($0.name) } ?? .null),
                            ("author", refusal.author.map { .string($0.hex) } ?? .null),
                        ])
                    }
                ).rendered
            )
            return
        }
        guard !refusals.isEmpty else {
            print("No delta has been refused.")
            return
        }
        for refusal in refusals {
            let what = [refusal.kind?.name, refusal.id.map { "delta \($0.hex.prefix(16))…" }].compactMap { $0 }.joined(
                separator: " "
            )
            print(
                "\(Moments.text(Int64(refusal.at)))  \(refusal.source)  \(refusal.reason)  \(what)\n    \(refusal.message)"
            )
        }
    }
}
