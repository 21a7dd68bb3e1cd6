import ArgumentParser
import ArtelCore
import ArtelStore
import Foundation

struct GrantCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant",
        abstract: "Let an author key write some kinds of record for a community, for up to a year.",
        discussion: """
            The grant is signed with the community key, or, with --author, by the holder of a grant \
            that allows delegation: the new grant is made under that one and may only narrow its kinds \
            and dates. Peers apply the author's deltas once the grant reaches them; deltas that arrive \
            before it wait in quarantine.

            With --request nothing is signed: the grant goes to a signing request file for a community \
            key kept on another machine. Sign it there with `artel keys sign-request FILE`, bring the \
            signed delta back and import it with `artel apply`.

            Examples:
              artel keys new editor --role author
              artel grant "Tech Leaders Moscow" editor --kinds job --kinds event \\
                  --until 2027-06-01
              artel grant "Tech Leaders Moscow" --kinds job --until 2027-03-01 \\
                  --author editor \\
                  5f1c2a609d29fecbdec9e8fcbbd32508f49f9c2a99a6ba870124234fbd8bc7d5
              artel grant "Tech Leaders Moscow" editor --kinds job --until 2027-06-01 \\
                  --request grant.request
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The community: its name, its key's name, or a prefix of its id.")
    var community: String

    @Argument(help: "The key to grant: a key name in this node's key store, or a public key in hex.")
    var grantee: String

    @Option(help: "A kind the grantee may write (repeatable): community, person, membership, tie, job, digest, event.")
    var kinds: [String] = []

    @Option(help: "The first moment the grantee may write (a date or date and time, UTC; default: now).")
    var from: Moment?

    @Option(help: "The last day (or moment) the grantee may write: at most a year after --from.")
    var until: Moment

    @Flag(help: "Let the grantee grant narrower rights to other keys.")
    var delegate = false

    @Option(
        help: "With --author: the grant (id prefix) to make this one under; default: the signer's widest fitting grant."
    )
    var under: String?

    @Option(help: "Why the grant was given, for people.")
    var note: String?

    @OptionGroup var signer: AuthorOption

    @Option(help: "Write a signing request to this file instead of signing here.")
    var request: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard !kinds.isEmpty else { throw ValidationError("name at least one kind: --kinds job (repeatable)") }
        for kind in kinds {
            guard let known = RecordKind(name: kind), !known.isGrantOrRevocation else {
                throw ValidationError(
                    "--kinds \(kind) is not a kind one can be granted (community, person, membership, tie, job, digest, event)"
                )
            }
        }
        if request != nil && signer.author != nil {
            throw ValidationError("--request prepares a grant for the community key; it does not take --author")
        }
        if under != nil && signer.author == nil {
            throw ValidationError("--under names the signer's own grant: give --author too")
        }
    }

    func run() async throws {
        let node = try global.openNode()
        let resolver = Resolver(node: node)
        let community = try await resolver.community(community)
        let grantee = try resolver.publicKey(grantee)
        let validFrom = from?.milliseconds() ?? Int64(node.now)
        let validUntil = until.isDateOnly ? until.milliseconds() + 86_400_000 - 1 : until.milliseconds()
        guard validFrom <= validUntil else { throw ValidationError("--until comes before --from") }
        let kinds = Set(kinds.compactMap { RecordKind(name: $0) })
        // The record id derives from the signer and the timestamp the publisher stamps; this one is provisional.
        let record = RecordID.grant(issuer: community, timestamp: HLC(milliseconds: node.now))
        var parent: Reference?
        if signer.author != nil {
            let key = try resolver.signingKey(for: community, author: signer)
            if key.publicKey != community {
                let trust = try await node.replica.trust(of: community)
                let chosen = try ParentGrant.choose(
                    in: trust,
                    signer: key.publicKey,
                    kinds: kinds,
                    from: validFrom,
                    until: validUntil,
                    prefix: under
                )
                parent = Reference(community: community, record: chosen.id)
            }
        }
        let operations = Grant.operations(
            grantee: grantee,
            kinds: kinds,
            validFrom: validFrom,
            validUntil: validUntil,
            mayDelegate: delegate,
            parent: parent,
            note: note
        )
        let what =
            "\(kinds.map(\.name).sorted().joined(separator: ", ")) to \(grantee.hex.prefix(16))… "
            + "from \(Moments.text(validFrom)) until \(Moments.text(validUntil))"
        if let request {
            let delta = try await Publisher.draft(
                .grant,
                community: community,
                author: community,
                record: record,
                operations: operations,
                replica: node.replica,
                now: node.now
            )
            try SigningRequestFile.write(delta, to: request)
            output.emit(
                """
                Wrote a request to grant \(what) to \(request) (grant \(delta.record.hex)).
                Sign it where the community key is: artel keys sign-request \(request) --output grant.delta
                """,
                json: .object([("request", .string(request)), ("grant", .string(delta.record.hex))])
            )
            return
        }
        let publisher = try resolver.publisher(for: community, author: signer)
        let granted = try await publisher.create(
            .grant,
            community: community,
            record: record,
            operations: operations,
            now: node.now
        )
        let trust = try await node.replica.trust(of: community)
        let json = trust.plane.grants.values.first { $0.id == granted.delta.record }.map {
            GrantsCommand.json($0, trust: trust)
        }
        output.emit(
            "Granted \(what): grant \(granted.delta.record.hex)",
            json: .object([("grant", json ?? .string(granted.delta.record.hex)), ("delta", .string(granted.id.hex))])
        )
    }
}

/// Chooses the grant a delegated grant is made under.
enum ParentGrant {
    /// The signer's valid grant that allows delegation and covers the kinds and dates, by id prefix
    /// when one is given, else the one that lasts longest.
    static func choose(
        in trust: Trust,
        signer: PublicKey,
        kinds: Set<RecordKind>,
        from: Int64,
        until: Int64,
        prefix: String?
    ) throws -> Grant {
        let fitting = trust.plane.grants.values.filter { grant in
            guard grant.grantee == signer, grant.mayDelegate, case .valid(let chain) = trust.standings[grant.id] else {
                return false
            }
            return !chain.compromised && kinds.isSubset(of: chain.kinds) && chain.validFrom <= from
                && until <= chain.validUntil
        }
        if let prefix {
            let named = fitting.filter { $0.id.hex.hasPrefix(prefix.lowercased()) }
            guard named.count == 1 else {
                throw StoreError(
                    named.isEmpty ? .notFound : .ambiguous,
                    named.isEmpty
                        ? "no grant starting with \"\(prefix)\" lets \(signer.hex.prefix(16))… delegate these kinds and dates; see `artel grants`"
                        : "\"\(prefix)\" starts several grants; give more digits"
                )
            }
            return named[0]
        }
        guard let widest = fitting.max(by: { ($0.validUntil, $0.id) < ($1.validUntil, $1.id) }) else {
            throw StoreError(
                .notFound,
                "key \(signer.hex.prefix(16))… holds no grant of this community that allows delegation and covers "
                    + "\(kinds.map(\.name).sorted().joined(separator: ", ")) from \(Moments.text(from)) until "
                    + "\(Moments.text(until)); see `artel grants`"
            )
        }
        return widest
    }
}
