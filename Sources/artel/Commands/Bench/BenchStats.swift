import ArgumentParser
import ArtelCore
import ArtelFormats
import ArtelImports
import ArtelStore
import Foundation

/// `artel bench stats`: `stats jobs` over a replica of many jobs.
struct BenchStats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Measure `artel stats jobs` over a replica of many jobs, end to end.",
        discussion: """
            Imports hh.ru-shaped vacancies (those of `bench formats`) into a fresh replica, a tenth \
            of them listed a second time by another community (the same apply link), then times \
            what `artel stats jobs` does: reading the jobs, counting each vacancy once, the \
            breakdowns, and the table, JSON and chart.

            Example:
              artel bench stats --count 100000
              artel bench stats --count 2000 --runs 1 --json
            """
    )

    @Option(help: "How many jobs.") var count: Int = 100_000
    @Option(help: "Timed runs; the best and the median are printed.") var runs: Int = 5
    @OptionGroup var options: OutputOptions

    func validate() throws {
        guard count >= 1_000 else { throw ValidationError("--count must be at least 1000") }
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
    }

    func run() async throws {
        let now = UInt64(Date().timeIntervalSince1970 * 1000)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("artel-bench-stats-\(now)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let replica = try Replica.create(at: "\(directory)/stats.sqlite")
        defer { try? replica.close() }
        let association = SigningKey.generate()
        let partner = SigningKey.generate()
        let repeated = count / 10
        let page = [UInt8](SampleVacancies.page(count: count - repeated, now: now).utf8)
        let items = try HHReader.jobs(in: page).map(ImportItem.init)
        let prepared = try await Measure.timedAsync {
            _ = try await Publisher(replica: replica, key: association)
                .importRecords(items, community: association.publicKey, now: now, source: "bench")
            _ = try await Publisher(replica: replica, key: partner)
                .importRecords(
                    Self.partnerListings(of: Array(items.prefix(repeated)), now: now),
                    community: partner.publicKey,
                    now: now,
                    source: "bench"
                )
        }
        let output = BenchOutput(options)
        output.say(
            "Artel stats benchmark: \(count) jobs (\(repeated) of them a second listing), prepared in "
                + String(format: "%.1f s\n", prepared)
        )
        let names = [association.publicKey: "HR Association", partner.publicKey: "Partner Club"]
        let period = Int64(now) - 400 * 86_400_000...Int64(now) + 86_400_000
        var times: [Double] = []
        var stats: JobStats?
        for _ in 0..<runs {
            times.append(
                try await Measure.timedAsync {
                    let figures = try await JobStatsCommand.figures(
                        replica,
                        communities: [],
                        period: period,
                        names: names
                    )
                    _ = figures.table(top: 10)
                    _ = figures.json
                    _ = figures.svg
                    stats = figures
                }
            )
        }
        times.sort()
        let figures = stats!
        output.say(
            String(
                format:
                    "  stats jobs, end to end (read, count once, break down, table + JSON + SVG): best %.3f s, median %.3f s  (goal < 1 s)",
                times[0],
                times[times.count / 2]
            )
        )
        output.say("  \(figures.listings) listings, \(figures.total.vacancies) vacancies")
        output.record("jobs", BenchOutput.count(count))
        output.record("second_listings", BenchOutput.count(repeated))
        output.record("prepared_seconds", BenchOutput.seconds(prepared))
        output.record("runs", BenchOutput.count(runs))
        output.record("best_seconds", BenchOutput.seconds(times[0]))
        output.record("median_seconds", BenchOutput.seconds(times[times.count / 2]))
        output.record("listings", BenchOutput.count(figures.listings))
        output.record("vacancies", BenchOutput.count(figures.total.vacancies))
        output.finish()
    }

    /// The same vacancies as another community posts them: the same apply link, its own record.
    static func partnerListings(of items: [ImportItem], now: UInt64) -> [ImportItem] {
        let kept = Set(
            ["title", "employer", "apply_url", "date_posted", "location.city"].map { RecordKind.job.schema[$0].id }
        )
        return items.map { item in
            ImportItem(
                kind: .job,
                record: Publisher.newRecordID(now: now),
                operations: item.operations.filter { kept.contains($0.field) },
                controlled: [],
                label: item.label
            )
        }
    }
}
