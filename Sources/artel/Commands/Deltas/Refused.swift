import ArgumentParser
import ArtelCore
import ArtelStore
import Foundation

struct Refused: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refused",
        abstract: "Show the latest refused deltas, when, from where and why, with counts per peer and reason.",
        discussion: """
            Reasons: bad_signature, unauthorized, revoked, outside_grant, blocked, not_followed, expired, \
            invalid_field and the other codes of protocol/encoding.md §10. The log keeps the latest 10000.

            Examples:
              artel refused --limit 5
              artel refused --peer 3d4017c3
            """,
        aliases: ["refusals"]
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "How many to show, newest first.") var limit: Int = 20

    @Option(help: "Only deltas from this peer: a prefix of its node key.") var peer: String?

    func validate() throws {
        guard (1...10_000).contains(limit) else { throw ValidationError("--limit must be between 1 and 10000") }
        if let peer, peer.isEmpty || !Hex.isHexDigits(peer.lowercased()) {
            throw ValidationError("--peer takes the start of a node key, in hex (see `artel peer list`)")
        }
    }

    func run() async throws {
        let node = try global.openNode()
        // Sessions log their peer as "peer" and the first 16 hex digits of its key.
        let source = peer.map { "peer \($0.lowercased().prefix(16))" }
        let refusals = try await node.replica.refusals(limit: limit, source: source)
        let counts = try await node.replica.refusalCounts(source: source)
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
            print(peer == nil ? "No delta has been refused." : "No delta from peer \(peer!) has been refused.")
            return
        }
        func table(_ title: String, _ rows: [(String, Int)]) {
            print(title)
            for (name, count) in rows.prefix(10) {
                print("  \(String(count).padding(toLength: 7, withPad: " ", startingAt: 0)) \(name)")
            }
        }
        table("Refused, by source:", counts.bySource)
        table("Refused, by reason:", counts.byReason)
        print("\nLatest:")
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
