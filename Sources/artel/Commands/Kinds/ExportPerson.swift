import ArgumentParser
import ArtelCore
import ArtelStore
import Foundation

/// `artel person export ID`: everything the replica holds about a person, for their own use.
struct ExportPerson: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write everything this node holds about a person, as JSON, for the person's own use.",
        discussion: """
            The person record with every field, each of its signed deltas (author, time, bytes in hex), \
            the memberships and ties that name the person, and any delta about them held in quarantine. \
            Hidden and private records are included: this is the person's own data. Without --output \
            the document itself is printed, which is JSON already, with --json or without.

            Example:
              artel person export 0193ab --output anna.json
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The person's id, or a unique prefix of it.")
    var id: String

    @Option(help: "The file to write (it must not exist); default: standard output.")
    var output: String?

    @OptionGroup var format: OutputOptions

    func run() async throws {
        let node = try global.openNode()
        let resolver = Resolver(node: node)
        let person = try await resolver.record(.person, id)
        var memberships = RecordQuery(kind: .membership)
        memberships.person = person.reference
        memberships.limit = 100_000
        memberships.includingHidden = true
        var ties = RecordQuery(kind: .tie)
        ties.person = person.reference
        ties.limit = 100_000
        ties.includingHidden = true
        let held = try await node.replica.heldDeltas(includingRefused: true).filter {
            $0.signed.delta.kind == .person && $0.signed.delta.record == person.id
                && $0.signed.delta.community == person.community
        }
        let document = JSON.object([
            ("exported", .string(Moments.iso(Int64(node.now)))),
            ("person", person.view.map(RecordJSON.record) ?? .null),
            ("deleted", .bool(person.state.isDeleted)),
            ("deltas", .array(person.deltas.map(Self.json))),
            ("memberships", .array(try await node.replica.list(memberships).map(RecordJSON.record))),
            ("ties", .array(try await node.replica.list(ties).map(RecordJSON.record))),
            ("held", .array(held.map { Self.json($0.signed) })),
        ])
        let text = document.rendered + "\n"
        guard let to = output else {
            print(text, terminator: "")
            return
        }
        guard !FileManager.default.fileExists(atPath: to) else {
            throw StoreError(.invalidInput, "\(to) already exists; choose another file")
        }
        guard
            FileManager.default.createFile(
                atPath: to,
                contents: Data(text.utf8),
                attributes: [.posixPermissions: 0o600]
            )
        else { throw StoreError(.io, "cannot write \(to)") }
        format.emit(
            "Wrote everything this node holds about person \(person.id.hex) to \(to) (readable only by you).",
            json: .object([("person", .string(person.id.hex)), ("file", .string(to))])
        )
    }

    private static func json(_ signed: SignedDelta) -> JSON {
        .object([
            ("id", .string(signed.id.hex)),
            ("author", .string(signed.delta.author.hex)),
            ("at", .string(Moments.iso(Int64(signed.delta.timestamp.milliseconds)))),
            ("bytes", .string(Hex.encode(signed.bytes))),
        ])
    }
}
