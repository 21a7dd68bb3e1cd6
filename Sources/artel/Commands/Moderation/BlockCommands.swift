import ArgumentParser
import ArtelCore
import ArtelStore

struct BlockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "block",
        abstract: "Refuse an author's or a community's deltas from now on, and purge what is stored of them.",
        discussion: """
            The block is this node's choice alone: peers keep their own, and refusals it causes never count \
            against a peer. Records the blocked deltas touched are merged again from what is left. An \
            author's grants and revocations are not blocked (revoke the grant to end their rights).

            Examples:
              artel block author 5f1c2a… --reason "spam"
              artel block community "Partner Club"
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "author or community.")
    var target: String

    @Argument(
        help: "The key: for an author a key name or its public key in hex; for a community its name or id prefix."
    )
    var key: String

    @Option(help: "Why, for the record.")
    var reason: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard BlockTarget(rawValue: target) != nil else {
            throw ValidationError("block what? \"\(target)\" is neither author nor community")
        }
    }

    func run() async throws {
        let node = try global.openNode()
        let resolver = Resolver(node: node)
        let target = BlockTarget(rawValue: target)!
        let key = target == .community ? try await resolver.community(key) : try resolver.publicKey(key)
        let purged = try await node.replica.block(key, as: target, reason: reason, now: node.now)
        let block = try await node.replica.blocks().first { $0.key == key }
        output.emit(
            "Blocked \(target) \(key.hex); \(purged) of its deltas purged.",
            json: .object([
                ("block", block.map(BlocksCommand.json) ?? .string(key.hex)), ("purged", .number(Int64(purged))),
            ])
        )
    }
}

struct UnblockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unblock",
        abstract: "Lift a block; what was refused meanwhile returns from peers at the next reconciliation.",
        discussion: "Example:\n  artel unblock 5f1c2a…"
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The blocked key: a prefix of it in hex (see `artel blocks`).")
    var key: String

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let node = try global.openNode()
        let matches = try await node.replica.blocks().filter { $0.key.hex.hasPrefix(key.lowercased()) }
        guard matches.count == 1 else {
            throw StoreError(
                matches.isEmpty ? .notFound : .ambiguous,
                matches.isEmpty
                    ? "no blocked key starts with \"\(key)\"; see `artel blocks`"
                    : "\"\(key)\" starts several blocked keys"
            )
        }
        _ = try await node.replica.unblock(matches[0].key)
        output.emit(
            "Unblocked \(matches[0].target) \(matches[0].key.hex).",
            json: .object([("unblocked", BlocksCommand.json(matches[0]))])
        )
    }
}

struct BlocksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blocks",
        abstract: "List the authors and communities this node blocks.",
        discussion: "Example:\n  artel blocks --json"
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let node = try global.openNode()
        let blocks = try await node.replica.blocks()
        if output.json {
            print(JSON.array(blocks.map(Self.json)).rendered)
            return
        }
        guard !blocks.isEmpty else {
            print("This node blocks nobody.")
            return
        }
        for block in blocks {
            print(
                "\(block.target) \(block.key.hex)  since \(Moments.text(Int64(block.at)))\(block.reason.map { ": \($0)" } ?? "")"
            )
        }
    }
}

extension BlocksCommand {
    /// A block as `artel blocks --json` prints it.
    static func json(_ block: Block) -> JSON {
        .object([
            ("target", .string(block.target.rawValue)), ("key", .string(block.key.hex)),
            ("since", .string(Moments.iso(Int64(block.at)))), ("reason", block.reason.map(JSON.string) ?? .null),
        ])
    }
}

struct HideCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hide",
        abstract: "Hide a record on this node: lists leave it out, but it is still kept and relayed.",
        discussion: "Example:\n  artel hide 0193ab\n  artel hide 0193ab --undo"
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The record's id or a unique prefix of it.")
    var id: String

    @Flag(help: "Show the record again.")
    var undo = false

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let node = try global.openNode()
        let record = try await Resolver(node: node).record(among: RecordKind.hideable, id)
        let changed =
            undo
            ? try await node.replica.unhide(record.kind, record.reference)
            : try await node.replica.hide(record.kind, record.reference, now: node.now)
        let text =
            switch (undo, changed) {
            case (true, true): "The \(record.kind) \(record.id) is shown again."
            case (true, false): "The \(record.kind) \(record.id) was not hidden."
            case (false, true): "Hid the \(record.kind) \(record.id) on this node."
            case (false, false): "The \(record.kind) \(record.id) was already hidden."
            }
        output.emit(
            text,
            json: .object([
                ("kind", .string(record.kind.name)), ("id", .string(record.id.hex)), ("hidden", .bool(!undo)),
                ("changed", .bool(changed)),
            ])
        )
    }
}
