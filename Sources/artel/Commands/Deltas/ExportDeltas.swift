import ArgumentParser
import ArtelCore
import ArtelFormats
import ArtelStore
import Foundation

struct ExportDeltas: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the kept deltas of this replica to a delta stream file, or its events as iCalendar.",
        discussion: """
            --format deltas (the default): another node can `artel apply` the file; every delta is \
            verified again there. --format ics: the public events, as a feed calendar apps subscribe \
            to (cancelled events stay in it as cancelled, so that subscribers drop them). Only public \
            records leave through a format other than deltas.

            Examples:
              artel export --community "Tech Leaders Moscow" --kind job --to jobs.deltas
              artel export --format ics --community "Tech Leaders Moscow" --to events.ics
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case deltas, ics
    }

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only this community (name, key name or id prefix; repeatable).") var community: [String] = []
    @Option(help: "Only this record kind (repeatable).") var kind: [String] = []
    @Option(help: "The file to write; it must not exist.") var to: String
    @Option(help: "deltas (a delta stream for `artel apply`) or ics (the public events).") var format: Format = .deltas

    func validate() throws {
        if format == .ics && !kind.isEmpty && kind != ["event"] {
            throw ValidationError("--format ics writes events; drop --kind")
        }
        for name in kind where RecordKind(name: name) == nil {
            throw ValidationError(
                "--kind \(name) is not a record kind (\(RecordKind.allCases.map(\.name).joined(separator: ", ")))"
            )
        }
    }

    func run() async throws {
        let node = try global.openNode()
        let resolver = Resolver(node: node)
        var communities: Set<PublicKey> = []
        for name in community { communities.insert(try await resolver.community(name)) }
        guard !FileManager.default.fileExists(atPath: to) else {
            throw StoreError(.invalidInput, "\(to) already exists; choose a new file")
        }
        if format == .ics {
            try await exportCalendar(node, communities: communities, resolver: resolver)
            return
        }
        let kinds = Set(kind.compactMap { RecordKind(name: $0) })
        var deltas: [SignedDelta] = []
        for scope in try await node.replica.scopes()
        where (communities.isEmpty || communities.contains(scope.community))
            && (kinds.isEmpty || kinds.contains(scope.kind))
        {
            deltas += try await node.replica.deltas(in: scope)
        }
        guard FileManager.default.createFile(atPath: to, contents: Data(DeltaStream.encode(deltas))) else {
            throw StoreError(.io, "cannot write \(to)")
        }
        print("Exported \(deltas.count) deltas to \(to)")
    }

    /// The public events of the chosen communities as an iCalendar feed.
    private func exportCalendar(_ node: Node, communities: Set<PublicKey>, resolver: Resolver) async throws {
        var query = RecordQuery(kind: .event)
        query.communities = Array(communities)
        query.visibilities = [.public]
        query.limit = 1_000_000
        let events = try await node.replica.records(query).compactMap { CalendarEvent(record: $0.id, state: $0.state) }
        let names = try await resolver.communityNames()
        let title =
            communities.isEmpty ? "Artel events" : communities.compactMap { names[$0] }.sorted().joined(separator: ", ")
        let feed = ICalendarWriter.feed(events, name: title, now: Int64(node.now))
        guard FileManager.default.createFile(atPath: to, contents: Data(feed.utf8)) else {
            throw StoreError(.io, "cannot write \(to)")
        }
        print("Exported \(events.count) public events to \(to)")
    }
}
