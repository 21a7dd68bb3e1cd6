import ArgumentParser
import ArtelCore
import ArtelStore

struct RevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "End a grant, and every grant made under it, from a moment on.",
        discussion: """
            Deltas the grantee made before --from stay; later ones are refused, and withdrawn where \
            they were already applied. With --compromised everything ever made under the grant is \
            void: use it when the author's key was stolen, since a thief can stamp deltas in the past. \
            A grant can be revoked with the community key or, with --author, by any issuer up its chain.

            Examples:
              artel revoke 0193ab
              artel revoke 0193ab --compromised --reason "laptop stolen"
              artel revoke 0193ab --request revoke.request
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The grant: its id or a unique prefix (see `artel grants`).")
    var grant: String

    @Option(help: "The moment from which the grant no longer covers deltas (default: now).")
    var from: Moment?

    @Flag(help: "The grantee's key was compromised: void everything ever made under the grant.")
    var compromised = false

    @Option(help: "Why, for people.")
    var reason: String?

    @OptionGroup var signer: AuthorOption

    @Option(help: "Write a signing request to this file instead of signing here.")
    var request: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if request != nil && signer.author != nil {
            throw ValidationError("--request prepares a revocation for the community key; it does not take --author")
        }
    }

    func run() async throws {
        let node = try global.openNode()
        let resolver = Resolver(node: node)
        let grant = try await resolver.record(.grant, grant)
        let effective = UInt64(max(0, from?.milliseconds() ?? Int64(node.now)))
        let operations = Revocation.operations(
            grant: grant.reference,
            effectiveFrom: HLC(milliseconds: effective),
            compromised: compromised,
            reason: reason
        )
        let record = Publisher.newRecordID(now: node.now)
        let what = compromised ? "as compromised" : "from \(Moments.text(Int64(effective)))"
        if let request {
            let delta = try await Publisher.draft(
                .revocation,
                community: grant.community,
                author: grant.community,
                record: record,
                operations: operations,
                replica: node.replica,
                now: node.now
            )
            try SigningRequestFile.write(delta, to: request)
            output.emit(
                "Wrote a request to revoke grant \(grant.id.hex) \(what) to \(request).",
                json: .object([
                    ("request", .string(request)), ("revocation", .string(delta.record.hex)),
                    ("grant", .string(grant.id.hex)),
                ])
            )
            return
        }
        let publisher = try resolver.publisher(for: grant.community, author: signer)
        let revoked = try await publisher.create(
            .revocation,
            community: grant.community,
            record: record,
            operations: operations,
            now: node.now
        )
        let trust = try await node.replica.trust(of: grant.community)
        let json = trust.plane.grants.values.first { $0.id == grant.id }.map { GrantsCommand.json($0, trust: trust) }
        output.emit(
            "Revoked grant \(grant.id.hex) \(what).",
            json: .object([
                ("grant", json ?? .string(grant.id.hex)), ("revocation", .string(revoked.delta.record.hex)),
                ("delta", .string(revoked.id.hex)),
            ])
        )
    }
}
