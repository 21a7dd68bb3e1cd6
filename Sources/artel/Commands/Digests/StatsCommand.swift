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
        abstract: "Vacancies counted once, by month, community, source, city, work mode, employment and tag.",
        discussion: """
            A vacancy listed by several communities or sources counts once, by the digest's rule \\
            (the same apply link, or the same employer and title once normalized), in the month it \\
            was first posted. Every figure shows its sample size n. Salaries are compared only \\
            within one currency, period and basis (gross, take-home, not stated); a vacancy counts \\
            with the middle of its range, or with the one end it gives. Sources stand side by \\
            side: what communities posted (by hand, from Telegram, from their sites) and what came \\
            from hh.ru, each with the facts of its own listing.

            --chart writes an SVG of vacancies per month with axes, the median salary and its n, \\
            a month the period covers only in part hatched; --png writes it as PNG through \\
            rsvg-convert (Debian's librsvg2-bin, which `make deps` installs).

            Examples:
              artel stats jobs --from 2026-01-01
              artel stats jobs --json > market.json
              artel stats jobs --format csv > market.csv
              artel stats jobs --chart market.svg --png market.png
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @OptionGroup var global: GlobalOptions
    @Option(help: "The first day (default: a year ago).") var from: Moment?
    @Option(help: "The last day (default: today).") var until: Moment?
    @Option(help: "Only jobs of this community (repeatable).") var community: [String] = []
    @Option(help: "table, csv or json.") var format: Format = .table
    @Flag(help: "Print JSON (the same as --format json).") var json = false
    @Option(help: "Rows shown of the long breakdowns (community, city, tag) in the table.") var top = 10
    @Option(help: "Also write an SVG chart to this file.") var chart: String?
    @Option(help: "Also write the chart as PNG to this file (needs rsvg-convert: make deps).") var png: String?

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1") }
        if json && format != .table { throw ValidationError("--json and --format \(format.rawValue): give one") }
    }

    func run() async throws {
        let node = try global.openNode()
        let resolver = Resolver(node: node)
        var communities: Set<PublicKey> = []
        for name in community { communities.insert(try await resolver.community(name)) }
        let end =
            until.map { $0.isDateOnly ? $0.milliseconds() + 86_400_000 - 1 : $0.milliseconds() } ?? Int64(node.now)
        let start = from?.milliseconds() ?? end - 365 * 86_400_000
        guard start <= end else { throw ValidationError("--from is after --until") }
        let names = try await resolver.communityNames()
        let stats = try await Self.figures(node.replica, communities: communities, period: start...end, names: names)
        switch json ? .json : format {
        case .table: print(stats.table(top: top), terminator: "")
        case .csv: print(stats.csv, terminator: "")
        case .json: print(stats.json, terminator: "")
        }
        guard chart != nil || png != nil else { return }
        let svgPath = chart ?? FileManager.default.temporaryDirectory.appendingPathComponent("artel-\(UUID()).svg").path
        guard FileManager.default.createFile(atPath: svgPath, contents: Data(stats.svg.utf8)) else {
            throw StoreError(.io, "cannot write the chart to \(svgPath)")
        }
        if chart != nil { Console.error("Wrote the chart to \(svgPath).") }
        defer { if chart == nil { try? FileManager.default.removeItem(atPath: svgPath) } }
        if let png { try PNGConverter.convert(svgPath, to: png) }
    }

    /// The figures of the jobs of some communities (all when none) posted in a period, read from
    /// the replica in one statement.
    static func figures(
        _ replica: Replica,
        communities: Set<PublicKey>,
        period: ClosedRange<Int64>,
        names: [PublicKey: String]
    ) async throws -> JobStats {
        var query = RecordQuery(kind: .job)
        query.communities = Array(communities)
        query.visibilities = [.public, .federation]
        query.from = period.lowerBound
        query.until = period.upperBound
        query.limit = 10_000_000
        let jobs = try await replica.jobFigureRows(query).map {
            JobListing(row: $0, communityName: names[$0.community])
        }
        return JobStats(jobs, period: period)
    }
}

extension JobListing {
    /// The listing of a job's materialized row.
    init(row: JobFigureRow, communityName: String?) {
        self.init(id: row.id, community: row.community, title: row.title, updated: row.updated)
        self.communityName = communityName
        employer = row.employer
        salaryMin = row.salaryMin
        salaryMax = row.salaryMax
        salaryCurrency = row.salaryCurrency
        salaryPeriod = row.salaryPeriod
        salaryGross = row.salaryGross
        employment = row.employment
        workMode = row.workMode
        city = row.city
        tags = row.tags
        applyURL = row.applyURL
        sources = row.sources
        datePosted = row.datePosted
        status = row.status
    }
}

/// SVG to PNG through `rsvg-convert` (Debian `librsvg2-bin`).
enum PNGConverter {
    static func convert(_ svg: String, to png: String) throws {
        guard
            let path = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
                .map({ "\($0)/rsvg-convert" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else {
            throw StoreError(
                .io,
                "cannot write \(png): rsvg-convert is not installed. Install it with `make deps` "
                    + "(or `apt-get install librsvg2-bin`), or convert the SVG (--chart) yourself"
            )
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--format", "png", "--output", png, svg]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: png) else {
            throw StoreError(
                .io,
                "rsvg-convert could not write \(png) (exit \(process.terminationStatus)): "
                    + said.trimmingCharacters(in: .whitespacesAndNewlines)
            )
        }
        Console.error("Wrote the chart as PNG to \(png).")
    }
}
