import ArgumentParser
import ArtelCore
import ArtelStore

struct GrantsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grants",
        abstract: "List a community's grants: who may write what, until when, and how each stands.",
        discussion: """
            A grant is valid, revoked (from a moment, or as compromised), waiting (a grant it rests on \
            has not arrived) or invalid (it widens its parent, or rests on nothing), with the reason.

            Example:
              artel grants "Tech Leaders Moscow"
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The community: its name, its key's name, or a prefix of its id.")
    var community: String

    func run() async throws {
        let node = try global.openNode()
        let resolver = Resolver(node: node)
        let community = try await resolver.community(community)
        let trust = try await node.replica.trust(of: community)
        let names = Dictionary(
            try node.directory.keys.list().map { ($0.publicKey, $0.name) },
            uniquingKeysWith: { first, _ in first }
        )
        let grants = trust.plane.grants.values.sorted { ($0.validFrom, $0.id) < ($1.validFrom, $1.id) }
        if output.json {
            print(JSON.array(grants.map { Self.json($0, trust: trust) }).rendered)
            return
        }
        guard !grants.isEmpty else {
            print("Community \(community.hex.prefix(16))… has given no grants: only its own key writes for it.")
            return
        }
        for grant in grants {
            let grantee =
                names[grant.grantee].map { "\($0) (\(grant.grantee.hex.prefix(16))…)" }
                ?? "\(grant.grantee.hex.prefix(16))…"
            let kinds = grant.kinds.map(\.name).sorted().joined(separator: ", ")
            let dates =
                "\(Moments.text(grant.validFrom, dateOnly: true)) → \(Moments.text(grant.validUntil, dateOnly: true))"
            print("grant \(grant.id.hex)  \(Self.standing(grant, in: trust))")
            print("    to \(grantee): \(kinds), \(dates)\(grant.mayDelegate ? ", may delegate" : "")")
            if let parent = grant.parent { print("    under grant \(parent.hex)") }
        }
    }

    /// How a grant stands, in words.
    static func standing(_ grant: Grant, in trust: Trust) -> String {
        switch trust.standings[grant.id] {
        case .valid(let chain) where chain.compromised: "revoked as compromised"
        case .valid(let chain):
            chain.cutoff.map { "revoked from \(Moments.text(Int64($0.milliseconds)))" } ?? "valid"
        case .waiting(let why): "waiting: \(why)"
        case .invalid(let error): "invalid (\(error.code.name)): \(error.message)"
        case nil: "unknown"
        }
    }

    /// A grant as `artel grants --json` prints it.
    static func json(_ grant: Grant, trust: Trust) -> JSON {
        .object([
            ("id", .string(grant.id.hex)),
            ("issuer", .string(grant.issuer.hex)),
            ("grantee", .string(grant.grantee.hex)),
            ("kinds", .array(grant.kinds.map(\.name).sorted().map { .string($0) })),
            ("valid_from", .string(Moments.iso(grant.validFrom))),
            ("valid_until", .string(Moments.iso(grant.validUntil))),
            ("may_delegate", .bool(grant.mayDelegate)),
            ("parent", grant.parent.map { .string($0.hex) } ?? .null),
            ("standing", .string(standing(grant, in: trust))),
        ])
    }
}
