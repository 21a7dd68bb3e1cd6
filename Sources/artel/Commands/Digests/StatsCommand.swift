import ArgumentParser
import ArtelAPI
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
            A vacancy listed by several communities or sources counts once, by the digest's rule \
            (the same apply link, or the same employer and title once normalized), in the month it \
            was first posted. Every figure shows its sample size n. Salaries are compared only \
            within one currency, period and basis (gross, take-home, not stated); a vacancy counts \
            with the middle of its range, or with the one end it gives. Sources stand side by \
            side: what communities posted (by hand, from Telegram, from their sites) and what came \
            from hh.ru, each with the facts of its own listing.

            --format svg is a chart of vacancies per month with axes, the median salary and its \
            n, a month the period covers only in part hatched; --format png is that chart as PNG, \
            through rsvg-convert (Debian's librsvg2-bin, which `make deps` installs), and needs \
            --output. --output FILE writes the file instead of printing; without --format, its \
            extension chooses the format (.txt is the table, .csv, .json, .svg, .png). --json \
            prints the figures as JSON, alone or after writing --output.

            Examples:
              artel stats jobs --from 2026-01-01
              artel stats jobs --json > market.json
              artel stats jobs --output market.csv
              artel stats jobs --output market.svg
              artel stats jobs --format png --output market-chart --json
            """
    )

    /// What `stats jobs` writes or prints.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json, svg, png

        /// The format a file's extension names (`.txt` is the table), `nil` for any other.
        init?(path: String) {
            switch URL(fileURLWithPath: path).pathExtension.lowercased() {
            case "txt": self = .table
            case "csv": self = .csv
            case "json": self = .json
            case "svg": self = .svg
            case "png": self = .png
            default: return nil
            }
        }
    }

    @OptionGroup var global: GlobalOptions
    @Option(help: "The first day (default: a year ago).") var from: Moment?
    @Option(help: "The last day (default: today).") var until: Moment?
    @Option(help: "Only jobs of this community (repeatable).") var community: [String] = []
    @Option(
        help: """
            table, csv, json, svg (the chart) or png (the chart as PNG; needs --output and rsvg-convert) \
            (default: the extension of --output, else table).
            """
    )
    var format: Format?
    @Option(help: "Write to this file instead of printing; its extension chooses the format unless --format does.")
    var output: String?
    @Flag(help: "Print the figures as JSON (with --output, after writing the file).") var json = false
    @Option(help: "Rows shown of the long breakdowns (community, city, tag) in the table.") var top = 10

    /// The format to write or print: `--format`, else the extension of `--output`, else JSON with
    /// `--json`, else the table.
    func chosenFormat() throws -> Format {
        if let format { return format }
        guard let output else { return json ? .json : .table }
        guard let named = Format(path: output) else {
            throw ValidationError(
                "cannot tell the format of \(output) from its extension (.txt, .csv, .json, .svg, .png): give --format"
            )
        }
        return named
    }

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1") }
        let format = try chosenFormat()
        guard output == nil else { return }
        if format == .png { throw ValidationError("--format png writes a file: give --output FILE.png") }
        if json && format != .json { throw ValidationError("--json and --format \(format.rawValue): give one") }
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
        let format = try chosenFormat()
        guard let output else {
            print(Self.text(stats, format, top: top), terminator: "")
            return
        }
        if format == .png {
            let svg = FileManager.default.temporaryDirectory.appendingPathComponent("artel-\(UUID()).svg").path
            try Self.write(stats.svg, to: svg)
            defer { try? FileManager.default.removeItem(atPath: svg) }
            try PNGConverter.convert(svg, to: output)
        } else {
            try Self.write(Self.text(stats, format, top: top), to: output)
        }
        print(json ? stats.json : "Wrote the figures as \(format.rawValue) to \(output).\n", terminator: "")
    }

    /// The figures as text in a format (the PNG is written by ``PNGConverter``).
    static func text(_ stats: JobStats, _ format: Format, top: Int) -> String {
        switch format {
        case .table: stats.table(top: top)
        case .csv: stats.csv
        case .json: stats.json
        case .svg, .png: stats.svg
        }
    }

    private static func write(_ text: String, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw StoreError(.io, "cannot write \(path): check that its directory exists and is writable")
        }
    }

    /// The figures of the jobs of some communities (all when none) posted in a period: public and
    /// federation jobs, since the command line reads this node's own replica.
    static func figures(
        _ replica: Replica,
        communities: Set<PublicKey>,
        period: ClosedRange<Int64>,
        names: [PublicKey: String]
    ) async throws -> JobStats {
        try await MarketFigures.read(
            replica,
            communities: communities,
            period: period,
            visibilities: [.public, .federation],
            names: names
        )
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
                    + "(or `apt-get install librsvg2-bin`), or write the SVG (--format svg) and convert it yourself"
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
    }
}
