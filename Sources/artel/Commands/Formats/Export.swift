import ArgumentParser
import ArtelAPI
import ArtelCore
import ArtelFormats
import ArtelStore
import Foundation

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            "Write the kept deltas to a delta stream file, or the public jobs and events in a format others read.",
        discussion: """
            --format deltas (the default): another node can `artel apply` the file; every delta is \
            verified again there. Private records stay out unless --include-private says otherwise; \
            files are written readable by their owner only (mode 0600). Only public records leave \
            through the other formats:
            Jobs that are filled, closed or past their valid-through date are left out.
              ics       events, as a feed calendar apps subscribe to (cancelled ones stay, as cancelled)
              jsonld    schema.org JobPosting and Event objects, as Google reads them (--kind to choose)
              jsonfeed  jobs, as JSON Feed 1.1
              atom      jobs, as an Atom feed
              csv       jobs, or events with --kind event
              markdown  jobs, as a vacancy digest to paste into Telegram or Slack

            Examples:
              artel export --community "Tech Leaders Moscow" --kind job --to jobs.deltas
              artel export --format ics --community "Tech Leaders Moscow" --to events.ics
              artel export --format markdown --to digest.md
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case deltas, ics, jsonld, jsonfeed, atom, csv, markdown
    }

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only this community (name, key name or id prefix; repeatable).") var community: [String] = []
    @Option(help: "Only this record kind (repeatable).") var kind: [String] = []
    @Option(help: "The file to write; it must not exist.") var to: String
    @Option(help: "deltas, ics, jsonld, jsonfeed, atom, csv or markdown (see above).") var format: Format = .deltas
    @Flag(help: "With --format deltas, also the deltas of private records, which otherwise never leave the node.")
    var includePrivate = false

    func validate() throws {
        let kinds = Set(kind)
        let writes: Set<String> =
            switch format {
            case .deltas: Set(RecordKind.allCases.map(\.name))
            case .ics: ["event"]
            case .jsonfeed, .atom, .markdown: ["job"]
            case .jsonld, .csv: ["job", "event"]
            }
        guard kinds.isSubset(of: writes) else {
            throw ValidationError(
                "--format \(format) writes \(writes.sorted().joined(separator: " and ")) records; drop the other --kind"
            )
        }
        if includePrivate && format != .deltas {
            throw ValidationError(
                "--include-private goes with --format deltas: the other formats carry public records only"
            )
        }
        if format == .csv && kinds.count > 1 {
            throw ValidationError("--format csv writes one kind: --kind job or --kind event")
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
        if format != .deltas {
            try await exportListings(node, communities: communities, resolver: resolver)
            return
        }
        let kinds = Set(kind.compactMap { RecordKind(name: $0) })
        var deltas: [SignedDelta] = []
        for scope in try await node.replica.scopes()
        where (communities.isEmpty || communities.contains(scope.community))
            && (kinds.isEmpty || kinds.contains(scope.kind))
        {
            deltas += try await node.replica.deltas(in: scope, includingPrivate: includePrivate)
        }
        if includePrivate {
            Console.error("warning: the file holds private records too; keep it to yourself (it is written mode 0600)")
        }
        try Self.write(Data(DeltaStream.encode(deltas)), to: to)
        print("Exported \(deltas.count) deltas to \(to)")
    }

    /// The public jobs and events of the chosen communities in a format others read.
    private func exportListings(_ node: Node, communities: Set<PublicKey>, resolver: Resolver) async throws {
        let names = try await resolver.communityNames()
        let title =
            communities.isEmpty ? "Artel" : communities.compactMap { names[$0] }.sorted().joined(separator: ", ")
        let kinds = Set(kind)
        // CSV writes jobs unless asked for events; the other formats write every kind they can.
        let wantsJobs = format != .ics && (kinds.isEmpty || kinds.contains("job"))
        let wantsEvents =
            [.ics, .jsonld, .csv].contains(format) && (kinds.isEmpty ? format != .csv : kinds.contains("event"))
        let now = Int64(node.now)
        let jobs =
            wantsJobs
            ? try await PublicListings.jobs(node.replica, communities: communities, names: names, now: now) : []
        let stored = wantsEvents ? try await PublicListings.events(node.replica, communities: communities) : []
        // Calendars expand a series themselves; JSON-LD and CSV list its occurrences.
        let events = format == .ics ? stored : CalendarEvent.listing(stored, now: now)
        let text: String
        let count: String
        switch format {
        case .deltas: preconditionFailure("deltas are not listings")
        case .ics:
            (text, count) = (ICalendarWriter.feed(events, name: title, now: now), "\(events.count) public events")
        case .jsonld:
            (text, count) = (
                SchemaOrgWriter.document(jobs: jobs, events: events),
                "\(jobs.count) public jobs and \(events.count) public events"
            )
        case .jsonfeed: (text, count) = (JobFeeds.jsonFeed(jobs, title: title), "\(jobs.count) public jobs")
        case .atom:
            let id = "urn:artel:jobs:" + (communities.map(\.hex).sorted().first ?? "all")
            (text, count) = (JobFeeds.atom(jobs, title: title, id: id, now: now), "\(jobs.count) public jobs")
        case .csv where kinds.contains("event"):
            (text, count) = (CSVWriter.events(events), "\(events.count) public events")
        case .csv: (text, count) = (CSVWriter.jobs(jobs), "\(jobs.count) public jobs")
        case .markdown:
            (text, count) = (MarkdownDigest.render(jobs, title: title), "\(jobs.count) open public jobs")
        }
        try Self.write(Data(text.utf8), to: to)
        print("Exported \(count) to \(to)")
    }

    /// Writes a new file readable by its owner only: an export is the operator's to hand on.
    static func write(_ data: Data, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600])
        else {
            throw StoreError(.io, "cannot write \(path)")
        }
    }
}
