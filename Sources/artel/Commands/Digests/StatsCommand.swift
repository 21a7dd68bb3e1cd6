import ArgumentParser
import ArtelCore
import ArtelFormats
import ArtelStore
import Foundation

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Figures of what this node holds, for associations that watch the market.",
        subcommands: [JobStatsCommand.self]
    )
}

struct JobStatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "Vacancies by month and community: counts, salary quartiles, remote and part-time shares, top tags.",
        discussion: """
            Salaries are compared within one currency and period; a vacancy counts with the middle of \\
            its range, or with the one end it gives. --chart writes an SVG of vacancies per month \\
            with the median monthly salary in roubles; --png also converts it, when rsvg-convert or \\
            ImageMagick is installed.

            Examples:
              artel stats jobs --from 2026-01-01
              artel stats jobs --format csv > market.csv
              artel stats jobs --chart market.svg --png market.png
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv }

    @OptionGroup var global: GlobalOptions
    @Option(help: "The first day (default: a year ago).") var from: Moment?
    @Option(help: "The last day (default: today).") var until: Moment?
    @Option(help: "Only jobs of this community (repeatable).") var community: [String] = []
    @Option(help: "table or csv.") var format: Format = .table
    @Option(help: "Also write an SVG chart to this file.") var chart: String?
    @Option(help: "Also write the chart as PNG to this file (needs rsvg-convert or ImageMagick).") var png: String?

    func validate() throws {
        if png != nil && chart == nil { throw ValidationError("--png converts the chart: give --chart FILE.svg too") }
    }

    func run() async throws {
        let node = try global.openNode()
        let resolver = Resolver(node: node)
        var communities: Set<PublicKey> = []
        for name in community { communities.insert(try await resolver.community(name)) }
        let end =
            until.map { $0.isDateOnly ? $0.milliseconds() + 86_400_000 - 1 : $0.milliseconds() } ?? Int64(node.now)
        let start = from?.milliseconds() ?? end - 365 * 86_400_000
        var query = RecordQuery(kind: .job)
        query.communities = Array(communities)
        query.visibilities = [.public, .federation]
        query.limit = 1_000_000
        let names = try await resolver.communityNames()
        let jobs = try await node.replica.records(query).compactMap {
            JobListing(id: $0.id, community: $0.community, state: $0.state, communityName: names[$0.community])
        }
        .filter { (start...end).contains($0.datePosted ?? $0.updated) }
        let stats = JobStats(jobs)
        print(format == .csv ? stats.csv : stats.table, terminator: "")
        guard let chart else { return }
        guard FileManager.default.createFile(atPath: chart, contents: Data(stats.svg.utf8)) else {
            throw StoreError(.io, "cannot write \(chart)")
        }
        Console.error("Wrote the chart to \(chart).")
        if let png { try convert(chart, to: png) }
    }

    /// SVG to PNG with whichever converter the machine has that works.
    private func convert(_ svg: String, to png: String) throws {
        var tried: [String] = []
        for (tool, arguments) in [
            ("rsvg-convert", ["-o", png, svg]), ("magick", [svg, png]), ("convert", [svg, png]),
        ] {
            guard
                let path = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
                    .map({ "\($0)/\(tool)" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) })
            else { continue }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            if process.terminationStatus == 0 && FileManager.default.fileExists(atPath: png) {
                Console.error("Wrote the chart as PNG to \(png).")
                return
            }
            tried.append("\(tool) failed (exit \(process.terminationStatus))")
        }
        throw StoreError(
            .io,
            "no SVG converter could write \(png) (\(tried.isEmpty ? "install rsvg-convert or ImageMagick" : tried.joined(separator: "; "))); the chart is in \(svg)"
        )
    }
}
