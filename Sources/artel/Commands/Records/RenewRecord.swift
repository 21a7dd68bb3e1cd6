import ArgumentParser
import ArtelCore
import ArtelStore

/// `artel <kind> renew ID`.
struct RenewRecord<Kind: KindMarker>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "renew",
            abstract: "Republish every field of a \(Kind.kind) with a fresh expiry.",
            discussion: """
                Jobs live at most 120 days, digests a year, events until 30 days after their end; renewing \
                starts that time again from now.

                Example:
                  artel \(Kind.kind) renew \(Kind.example) --days 60
                """
        )
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var signer: AuthorOption

    @Argument(help: "The record's id, or a unique prefix of it.")
    var id: String

    @Option(help: "Expire after this many days instead of as late as the kind allows.")
    var days: Int?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let days, days < 1 { throw ValidationError("--days must be at least 1") }
    }

    func run() async throws {
        let node = try global.openNode()
        let resolver = Resolver(node: node)
        let record = try await RecordLookup.find(Kind.kind, id, resolver: resolver)
        let expiresAt = days.map { node.now + UInt64($0) * 86_400_000 }
        let delta = try await resolver.publisher(for: record.community, author: signer).renew(
            record,
            expiresAt: expiresAt,
            now: node.now
        )
        let view = try await node.view(Kind.kind, record.reference)
        let expiry =
            delta.delta.expiry == 0
            ? "never expires" : "expires \(Moments.text(Int64(delta.delta.expiry), zone: Moments.zone(of: view)))"
        output.emit(
            "Renewed \(Kind.kind) \(record.id.hex); it \(expiry)",
            json: WriteOutput.written(view, delta: delta)
        )
    }
}
