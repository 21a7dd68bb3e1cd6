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
              jsonld    schema.org JobPosting and Event objects, as Google reads them (--kinds to choose)
              jsonfeed  jobs, as JSON Feed 1.1
              atom      jobs, as an Atom feed
              csv       jobs, or events with --kinds event; --excel for Excel and Google Sheets
              markdown  jobs, as a vacancy digest to paste into Telegram or Slack
            Feeds and JSON-LD word salaries, work modes and employment in each community's \
            language (its `language` field: ru, or none, reads Russian; en and any other, English). \
            A feed you publish needs --feed-url, the address readers fetch it by: it becomes Atom's \
            rel="self" link and JSON Feed's feed_url. Without it the feed is still valid, but readers \
            cannot subscribe from a copy of it.

            Examples:
              artel export --community "Tech Leaders Moscow" --kinds job \\
                  --output jobs.deltas
              artel export --format ics --community "Tech Leaders Moscow" \\
                  --output events.ics
              artel export --format atom \\
                  --feed-url https://jobs.example.org/jobs.atom --output jobs.atom
              artel export --format csv --excel --output jobs.csv
              artel export --format markdown --output digest.md
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case deltas, ics, jsonld, jsonfeed, atom, csv, markdown
    }

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only this community (name, key name or id prefix; repeatable).") var community: [String] = []
    @Option(help: "Only this record kind (repeatable).") var kinds: [String] = []
    @Option(help: "The file to write; it must not exist.") var output: String
    @Option(help: "deltas, ics, jsonld, jsonfeed, atom, csv or markdown (see above).") var format: Format = .deltas
    @Flag(help: "With --format deltas, also the deltas of private records, which otherwise never leave the node.")
    var includePrivate = false
    @Option(help: "With --format atom or jsonfeed, the address the feed is published at (http or https).")
    var feedURL: String?
    @Option(
        help: """
            With --format atom or jsonfeed, the web page the feed is about (default: the community's \
            first link, when exporting one community).
            """
    )
    var homePageURL: String?
    @Flag(help: "With --format csv, for Excel and Google Sheets: a UTF-8 byte order mark and ; between fields.")
    var excel = false
    @OptionGroup var printing: OutputOptions

    func validate() throws {
        let kinds = Set(self.kinds)
        let writes: Set<String> =
            switch format {
            case .deltas: Set(RecordKind.allCases.map(\.name))
            case .ics: ["event"]
            case .jsonfeed, .atom, .markdown: ["job"]
            case .jsonld, .csv: ["job", "event"]
            }
        guard kinds.isSubset(of: writes) else {
            throw ValidationError(
                "--format \(format) writes \(writes.sorted().joined(separator: " and ")) records; drop the other --kinds"
            )
        }
        if includePrivate && format != .deltas {
            throw ValidationError(
                "--include-private goes with --format deltas: the other formats carry public records only"
            )
        }
        if feedURL != nil || homePageURL != nil {
            guard format == .atom || format == .jsonfeed else {
                throw ValidationError("--feed-url and --home-page-url go with --format atom or jsonfeed")
            }
            for (flag, url) in [("--feed-url", feedURL), ("--home-page-url", homePageURL)] {
                guard let url, !FeedLinks.isWebURL(url) else { continue }
                throw ValidationError(
                    "\(flag) \"\(url)\" is not an absolute http or https URL, such as https://jobs.example.org/jobs.atom"
                )
            }
        }
        if excel && format != .csv {
            throw ValidationError("--excel goes with --format csv")
        }
        if format == .csv && kinds.count > 1 {
            throw ValidationError("--format csv writes one kind: --kinds job or --kinds event")
        }
        for name in self.kinds where RecordKind(name: name) == nil {
            throw ValidationError(
                "--kinds \(name) is not a record kind (\(RecordKind.allCases.map(\.name).joined(separator: ", ")))"
            )
        }
    }

    func run() async throws {
        let node = try global.openNode()
        let resolver = Resolver(node: node)
        var communities: Set<PublicKey> = []
        for name in community { communities.insert(try await resolver.community(name)) }
        guard !FileManager.default.fileExists(atPath: output) else {
            throw StoreError(.invalidInput, "\(output) already exists; choose a new file")
        }
        if format != .deltas {
            try await exportListings(node, communities: communities, resolver: resolver)
            return
        }
        let kinds = Set(self.kinds.compactMap { RecordKind(name: $0) })
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
        try Self.write(Data(DeltaStream.encode(deltas)), to: output)
        printing.emit(
            "Exported \(deltas.count) deltas to \(output)",
            json: Self.json(output, format: format, counts: [("deltas", deltas.count)])
        )
    }

    /// The public jobs and events of the chosen communities in a format others read.
    private func exportListings(_ node: Node, communities: Set<PublicKey>, resolver: Resolver) async throws {
        let names = try await resolver.communityNames()
        let languages = try await PublicListings.communityLanguages(node.replica)
        let title =
            communities.isEmpty ? "Artel" : communities.compactMap { names[$0] }.sorted().joined(separator: ", ")
        let kinds = Set(self.kinds)
        // CSV writes jobs unless asked for events; the other formats write every kind they can.
        let wantsJobs = format != .ics && (kinds.isEmpty || kinds.contains("job"))
        let wantsEvents =
            [.ics, .jsonld, .csv].contains(format) && (kinds.isEmpty ? format != .csv : kinds.contains("event"))
        let now = Int64(node.now)
        let jobs =
            wantsJobs
            ? try await PublicListings.jobs(
                node.replica,
                communities: communities,
                names: names,
                languages: languages,
                now: now
            ) : []
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
        case .jsonfeed:
            let links = try await feedLinks(node, communities: communities)
            (text, count) = (JobFeeds.jsonFeed(jobs, title: title, links: links), "\(jobs.count) public jobs")
        case .atom:
            let id = "urn:artel:jobs:" + (communities.map(\.hex).sorted().first ?? "all")
            let links = try await feedLinks(node, communities: communities)
            (text, count) = (
                JobFeeds.atom(jobs, title: title, id: id, links: links, now: now), "\(jobs.count) public jobs"
            )
        case .csv where kinds.contains("event"):
            (text, count) = (CSVWriter.events(events, dialect: dialect), "\(events.count) public events")
        case .csv: (text, count) = (CSVWriter.jobs(jobs, dialect: dialect), "\(jobs.count) public jobs")
        case .markdown:
            (text, count) = (MarkdownDigest.render(jobs, title: title), "\(jobs.count) open public jobs")
        }
        try Self.write(Data(text.utf8), to: output)
        let counts = [("jobs", wantsJobs ? jobs.count : nil), ("events", wantsEvents ? events.count : nil)]
        printing.emit(
            "Exported \(count) to \(output)",
            json: Self.json(output, format: format, counts: counts.compactMap { name, n in n.map { (name, $0) } })
        )
    }

    /// What `--json` prints: `{"file": "jobs.atom", "format": "atom", "jobs": 12}`.
    static func json(_ file: String, format: Format, counts: [(String, Int)]) -> JSON {
        .object(
            [("file", .string(file)), ("format", .string(format.rawValue))]
                + counts.map { ($0.0, JSON.number(Int64($0.1))) }
        )
    }

    private var dialect: CSVWriter.Dialect { excel ? .excel : .rfc4180 }

    /// The feed's links: `--feed-url`, and `--home-page-url` or else the website of the one
    /// community exported. Without `--feed-url` the feed goes without `rel="self"` and `feed_url`
    /// (both optional, so the feed stays valid), and a note says so.
    private func feedLinks(_ node: Node, communities: Set<PublicKey>) async throws -> FeedLinks {
        var homePage = homePageURL
        if homePage == nil, communities.count == 1 {
            homePage = try await PublicListings.communityWebsites(node.replica)[communities.first!]
        }
        if feedURL == nil {
            Console.error(
                "note: without --feed-url the feed names no address of its own (Atom rel=\"self\", JSON Feed "
                    + "feed_url); give the address you publish it at so that readers can subscribe"
            )
        }
        return try FeedLinks(feed: feedURL, homePage: homePage)
    }

    /// Writes a new file readable by its owner only: an export is the operator's to hand on.
    static func write(_ data: Data, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600])
        else {
            throw StoreError(.io, "cannot write \(path)")
        }
    }
}
