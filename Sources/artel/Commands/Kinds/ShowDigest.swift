import ArgumentParser
import ArtelCore
import ArtelFormats
import ArtelStore

/// `artel digest show`: the digest and the jobs it lists, in order.
struct ShowDigest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a digest with the title, employer and salary of each job it lists.",
        discussion: """
            --format markdown renders it as the community channels post digests, opening with the \
            community's hashtag (--hashtag, else its topic written with #, else the digest's first \
            tag); --format html as a page for a website or an email. Both say, for each vacancy, \
            where else it was listed when the digest was published.

            Examples:
              artel digest show 019a4c40c1e9
              artel digest show 019a4c40c1e9 --format markdown
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The digest's id, or a unique prefix of it.")
    var id: String

    @Option(help: "markdown, html or json (the default is a short text listing).")
    var format: ComposeDigest.Format?

    @Option(help: ArgumentHelp(DigestRendering.hashtagHelp, valueName: "tag")) var hashtag: String?

    func run() async throws {
        let node = try global.openNode()
        let resolver = Resolver(node: node)
        let record = try await resolver.record(.digest, id)
        guard let view = record.view else { throw StoreError(.notFound, "the digest \(record.id) has been deleted") }
        var items: [(Reference, RecordView?)] = []
        if case .single(.references(let references)) = view.value(of: "items") {
            for reference in references {
                items.append((reference, try await node.replica.record(.job, reference)?.view))
            }
        }
        let names = try await resolver.communityNames()
        if let format {
            var elements: [String] = []
            if case .set(let values) = view.value(of: "also_listed") {
                elements = values.compactMap { if case .string(let text) = $0 { text } else { nil } }
            }
            let alsoListed = DigestEntry.alsoListed(from: elements)
            var entries: [DigestEntry] = []
            for reference in items.map(\.0) {
                guard let stored = try await node.replica.record(.job, reference),
                    let job = JobListing(
                        id: stored.id,
                        community: stored.community,
                        state: stored.state,
                        communityName: names[stored.community]
                    )
                else { continue }
                // The name this replica knows now, else the one kept when the digest was published.
                let others = (alsoListed[reference] ?? []).map { other in
                    var other = other
                    other.communityName = names[other.community] ?? other.communityName
                    return other
                }
                entries.append(DigestEntry(job: job, alsoListed: others))
            }
            var tags: [String] = []
            if case .set(let values) = view.value(of: "tags") {
                tags = values.compactMap { if case .string(let text) = $0 { text } else { nil } }
            }
            let hashtag = DigestHashtag.choose(
                explicit: hashtag,
                topics: try await DigestSelection.topics(of: record.community, node: node),
                tags: tags.sorted()
            )
            let title = view.string("title") ?? ""
            print(DigestRendering.render(entries, title: title, format: format, hashtag: hashtag), terminator: "")
            return
        }
        let rendering = RecordRendering(communityNames: names)
        if output.json {
            guard case .object(var members) = RecordJSON.record(view) else { return }
            members.append(("jobs", .array(items.map { $0.1.map(RecordJSON.record) ?? .null })))
            print(JSON.object(members).rendered)
            return
        }
        print(rendering.text(view))
        for (index, (reference, job)) in items.enumerated() {
            guard let job else {
                print("  \(index + 1). (job \(reference.record.hex) is not in this replica)")
                continue
            }
            let summary = [job.string("employer"), ListPrinter.salary(job)].compactMap { $0 }.joined(separator: " · ")
            print("  \(index + 1). \(job.string("title") ?? "(untitled)")\(summary.isEmpty ? "" : " — " + summary)")
        }
    }
}
