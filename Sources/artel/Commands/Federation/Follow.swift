import ArgumentParser
import ArtelCore
import ArtelStore

struct Follow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Follow a community: store, reconcile and relay its records.",
        discussion: """
            A node keeps only what it follows: deltas of other communities or kinds, from peers or from \
            files, are refused (not_followed). Following any kind of a community also follows its profile, \
            grants and revocations, which decide whose data to accept: --kinds narrows the data kinds only. \
            Creating a community follows it. A serving node applies \
            the change to the sessions that start afterwards; `artel sync now` does not restart running ones, \
            restarting the node does.

            Examples:
              artel follow "Tech Leaders Moscow"
              artel follow --kinds job --kinds digest \\
                  3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c
              artel follow --every-community --kinds event
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var scope: FollowScope
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let node = try global.openNode()
        let community = try await scope.community(Resolver(node: node))
        let follows = try await node.replica.follow(community, kinds: scope.kindSet)
        let names = try await Resolver(node: node).communityNames()
        output.emit(
            FollowPrinter.text(follows, names: names),
            json: FollowPrinter.json(follows)
        )
    }
}

struct Unfollow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Stop following a community, or some of its kinds.",
        discussion: """
            Deltas already kept stay until they expire; new ones are refused.

            Example:
              artel unfollow "Tech Leaders Moscow" --kinds event
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var scope: FollowScope
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let node = try global.openNode()
        let community = try await scope.community(Resolver(node: node))
        let follows = try await node.replica.unfollow(community, kinds: scope.kindSet)
        let names = try await Resolver(node: node).communityNames()
        output.emit(
            FollowPrinter.text(follows, names: names),
            json: FollowPrinter.json(follows)
        )
    }
}

struct Follows: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List what this node follows.",
        discussion: "Example:\n  artel follows --json"
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let node = try global.openNode()
        let follows = try await node.replica.follows()
        let names = try await Resolver(node: node).communityNames()
        output.emit(
            FollowPrinter.text(follows, names: names),
            json: FollowPrinter.json(follows)
        )
    }
}

/// The community and kinds a follow or unfollow names.
struct FollowScope: ParsableArguments {
    @Argument(help: "The community: its name, its key's name, or its id (64 hex digits for one not yet known).")
    var community: String?

    @Flag(help: "Every community, present and future (for a node that relays a whole federation).")
    var everyCommunity = false

    @Option(help: "A record kind (repeatable; default: every kind).")
    var kinds: [String] = []

    func validate() throws {
        guard (community != nil) != everyCommunity else {
            throw ValidationError("name a community, or give --every-community")
        }
        for kind in kinds where RecordKind(name: kind) == nil {
            throw ValidationError(
                "--kinds \(kind) is not a record kind (\(RecordKind.allCases.map(\.name).joined(separator: ", ")))"
            )
        }
    }

    var kindSet: KindSet { kinds.isEmpty ? .all : KindSet(kinds.compactMap { RecordKind(name: $0) }) }

    func community(_ resolver: Resolver) async throws -> PublicKey? {
        guard let community else { return nil }
        return try await resolver.community(community)
    }
}

/// Follow sets as text and JSON.
enum FollowPrinter {
    /// What the node follows after a change, as `artel follows --json` prints it.
    static func json(_ follows: FollowSet) -> JSON {
        .array(
            follows.entries.map { entry in
                .object([
                    ("community", entry.community.map { .string($0.hex) } ?? .null),
                    ("kinds", .array(entry.kinds.kinds.map { .string($0.name) })),
                ])
            }
        )
    }

    static func text(_ follows: FollowSet, names: [PublicKey: String]) -> String {
        guard !follows.entries.isEmpty else { return "This node follows nothing: it keeps only what it writes itself." }
        return follows.entries.map { entry in
            let who =
                entry.community.map { key in names[key].map { "\($0) (\(key.hex.prefix(16))…)" } ?? key.hex }
                ?? "every community"
            let kinds = entry.kinds == .all ? "every kind" : entry.kinds.kinds.map(\.name).joined(separator: ", ")
            return "\(who): \(kinds)"
        }.joined(separator: "\n")
    }
}
