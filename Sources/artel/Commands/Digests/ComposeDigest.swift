import ArgumentParser
import ArtelCore
import ArtelFormats
import ArtelStore
import Foundation

/// `artel digest compose`: what a digest of the jobs the node holds would list.
struct ComposeDigest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compose",
        abstract: "Compose a digest from the jobs this node holds, de-duplicated, and print it.",
        discussion: """
            Takes the open, shared jobs of every followed community (or those given) posted in the \
            period, filtered as `artel list jobs` filters them (--tags, --work-mode, --employment, \
            --salary-min in --salary-currency). The same vacancy posted by several communities or \
            imported from several sources appears once, saying where else it was listed: two \
            listings are one vacancy when their apply links match, or their employers and titles \
            do (case, ё/е, quotes, legal forms such as ООО, punctuation and hyphens aside). \
            `artel digest publish` signs the same selection as a digest record.

            The Markdown digest opens with the community's hashtag: --hashtag, else the topic \
            written with `#` of the only --community (`artel community edit … --topics \
            "#комьюнити_вакансия"`), else the first --tags; with none, with the title alone. \
            --json prints the entries as JSON.

            Examples:
              artel digest compose --from 2026-11-16 --tags комьюнити_вакансия \\
                  --work-mode remote --employment part_time
              artel digest compose --format html > digest.html
              artel digest compose --salary-min 80000 --salary-currency RUB --json
            """
    )

    /// How `--format` renders a digest (`digest show`; `digest compose` takes `--json` for JSON).
    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, html, json }

    /// The formats of `digest compose --format`: JSON is `--json`.
    enum Page: String, ExpressibleByArgument, CaseIterable { case markdown, html }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: DigestSelection
    @Option(help: "markdown (to paste into Telegram or Slack) or html; --json for JSON.") var format: Page = .markdown
    @Option(help: "A title for the digest.") var title: String?
    @Option(help: ArgumentHelp(DigestRendering.hashtagHelp, valueName: "tag")) var hashtag: String?
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let node = try global.openNode()
        let resolver = Resolver(node: node)
        let entries = try await selection.entries(node, resolver: resolver)
        let (start, end) = selection.period(now: node.now)
        let title = title ?? "вакансии \(Moments.text(start, dateOnly: true)) — \(Moments.text(end, dateOnly: true))"
        let tag = try await selection.hashtag(explicit: hashtag, community: nil, node: node, resolver: resolver)
        let rendered: Format = output.json ? .json : (format == .html ? .html : .markdown)
        print(DigestRendering.render(entries, title: title, format: rendered, hashtag: tag), terminator: "")
    }
}

/// `artel digest publish`: the composed digest as a signed record.
struct PublishDigest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Compose a digest (as `digest compose` does) and publish it as a signed digest record.",
        discussion: """
            The digest lists each vacancy once, by reference to the job of whichever community \
            listed it most fully, and keeps where else it was listed (`also_listed`: the other \
            jobs and their communities' names), so that `digest show` and peers that follow the \
            publishing community see it without holding the other jobs. It takes the filters of \
            `digest compose`; --json prints the record as `digest show --json` does, and its delta.

            Examples:
              artel digest publish --to "HR Association" --title "Вакансии недели" \\
                  --from 2026-11-16
              artel digest publish --to "HR Association" --title "Удалённо" \\
                  --work-mode remote --json
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: DigestSelection
    @Option(help: "The community that publishes the digest.") var to: String
    @Option(help: "The digest's title.") var title: String
    @OptionGroup var signer: AuthorOption
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let node = try global.openNode()
        let resolver = Resolver(node: node)
        let entries = try await selection.entries(node, resolver: resolver)
        guard !entries.isEmpty else { throw StoreError(.notFound, "no job matches: nothing to publish") }
        guard entries.count <= 500 else {
            throw ValidationError(
                "\(entries.count) vacancies match; a digest lists at most 500: narrow the period or filters"
            )
        }
        let community = try await resolver.community(to)
        let (start, end) = selection.period(now: node.now)
        let operations = DigestEntry.recordOperations(
            entries,
            title: title,
            period: (start, end),
            tags: selection.tags.map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 }
        )
        let record = Publisher.newRecordID(now: node.now)
        let delta = try await resolver.publisher(for: community, author: signer)
            .create(.digest, community: community, record: record, operations: operations, now: node.now)
        let repeated = entries.filter { !$0.alsoListed.isEmpty }.count
        let view = try await node.view(.digest, Reference(community: community, record: record))
        output.emit(
            "Published digest \(record.hex) with \(entries.count) vacancies (\(repeated) of them listed more than once).",
            json: WriteOutput.written(view, delta: delta)
        )
    }
}

/// Digests as text others read.
enum DigestRendering {
    static let hashtagHelp =
        "The hashtag that opens the Markdown digest (default: the community's topic written with #)."

    static func render(
        _ entries: [DigestEntry],
        title: String,
        format: ComposeDigest.Format,
        hashtag: String?
    ) -> String {
        switch format {
        case .markdown: return MarkdownDigest.render(entries: entries, title: title, tag: hashtag)
        case .html: return HTMLDigest.render(entries: entries, title: title)
        case .json:
            let objects: [[String: Any]] = entries.map { entry in
                [
                    "job": "\(entry.job.community.hex):\(entry.job.id.hex)", "title": entry.job.title,
                    "employer": entry.job.employer ?? NSNull(), "community": entry.job.communityName ?? NSNull(),
                    "also_listed": entry.alsoListed.map { other -> [String: Any] in
                        [
                            "job": other.reference.description,
                            "community": other.communityName ?? NSNull(),
                        ]
                    },
                ]
            }
            let data = try! JSONSerialization.data(
                withJSONObject: ["title": title, "entries": objects],
                options: [.prettyPrinted, .sortedKeys]
            )
            return String(decoding: data, as: UTF8.self) + "\n"
        }
    }
}
