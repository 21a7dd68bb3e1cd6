import ArgumentParser
import ArtelCore
import ArtelStore

struct QuarantineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarantine",
        abstract: "List the deltas waiting for a grant: not applied, not shown, not relayed.",
        discussion: """
            A delta whose author holds no grant that this node knows of waits here, and is applied \
            as soon as a grant that covers it arrives (from a peer, a file or `artel grant`). With \
            --refused, also the deltas the grants there are refuse (revoked, outside their dates, \
            wrong kind), which a later grant could still cover.

            Example:
              artel quarantine --refused
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Flag(help: "Also list held deltas that the current grants refuse.")
    var refused = false

    func run() async throws {
        let node = try global.openNode()
        let held = try await node.replica.heldDeltas(includingRefused: refused)
        if output.json {
            print(
                JSON.array(
                    held.map { entry in
                        let delta = entry.signed.delta
                        return .object([
                            ("delta", .string(entry.signed.id.hex)),
                            ("kind", .string(delta.kind.name)),
                            ("community", .string(delta.community.hex)),
                            ("author", .string(delta.author.hex)),
                            ("record", .string(delta.record.hex)),
                            ("state", .string(entry.isWaiting ? "waiting" : "refused")),
                            ("code", entry.code.map { .string($0.name) } ?? .null),
                            ("reason", .string(entry.reason)),
                            ("source", .string(entry.source)),
                            ("arrived", .string(Moments.iso(Int64(entry.arrived)))),
                        ])
                    }
                ).rendered
            )
            return
        }
        guard !held.isEmpty else {
            print(refused ? "No delta is held." : "No delta waits in quarantine.")
            return
        }
        for entry in held {
            let delta = entry.signed.delta
            let state = entry.isWaiting ? "waiting" : "refused (\(entry.code?.name ?? "?"))"
            print(
                "\(Moments.text(Int64(entry.arrived)))  \(entry.source)  \(delta.kind) \(delta.record.hex.prefix(12))… "
                    + "by \(delta.author.hex.prefix(16))…  \(state)\n    \(entry.reason)"
            )
        }
    }
}
