import ArgumentParser
import ArtelCore
import ArtelFormats
import ArtelImports
import ArtelStore
import Foundation

struct BenchTelegram: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "telegram",
        abstract: "Measure reading and importing a Telegram channel export, end to end.",
        discussion: """
            Writes a Telegram Desktop export (result.json) of as many posts in the layouts channels \
            use: digests of three vacancies split by separator lines, numbered one-line digests, \
            single #вакансия posts with labelled parts, event announcements and service messages. \
            Then it times reading it (splitting, fields, salaries) and importing the vacancies into a \
            fresh replica (draft, check, sign, store). The goal is under 5 s for 10 000 posts.

            Example:
              artel bench telegram --count 10000
              artel bench telegram --count 1000 --json
            """
    )

    @Option(help: "How many posts.") var count: Int = 10_000
    @OptionGroup var options: OutputOptions

    func validate() throws {
        guard count >= 100 else { throw ValidationError("--count must be at least 100") }
    }

    func run() async throws {
        let now = UInt64(Date().timeIntervalSince1970 * 1000)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("artel-bench-telegram-\(now)")
            .path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let export = try SampleTelegramExport.json(posts: count, now: now)
        let output = BenchOutput(options)
        output.say(
            "Artel Telegram benchmark: \(count) posts (\(export.count / 1_000) kB), "
                + "\(ProcessInfo.processInfo.activeProcessorCount) cores\n"
        )
        let (report, readSeconds) = try Measure.timed {
            try TelegramReader.read([UInt8](export), channel: "bench")
        }
        let jobs = report.jobs
        let key = SigningKey.generate()
        let replica = try Replica.create(at: "\(directory)/import.sqlite")
        defer { try? replica.close() }
        let publisher = Publisher(replica: replica, key: key)
        let items = jobs.map(ImportItem.init)
        let importSeconds = try await Measure.timedAsync {
            let counts = try await publisher.importRecords(items, community: key.publicKey, now: now, source: "bench")
            precondition(counts[.created] == jobs.count, "every vacancy must be new")
        }
        func line(_ name: String, _ seconds: Double, _ rate: String) {
            output.say(
                "  \(name.padding(toLength: 40, withPad: " ", startingAt: 0))"
                    + String(format: "%6.2f s   ", seconds) + rate
            )
        }
        line("read: split posts, read fields", readSeconds, "\(Int(Double(count) / readSeconds)) posts/s")
        line(
            "import \(jobs.count) vacancies: sign, store",
            importSeconds,
            "\(Int(Double(jobs.count) / importSeconds)) vacancies/s"
        )
        line("read and import, end to end", readSeconds + importSeconds, "(goal: under 5 s for 10 000 posts)")
        output.record("posts", BenchOutput.count(count))
        output.record("export_bytes", BenchOutput.count(export.count))
        output.record("cores", BenchOutput.count(ProcessInfo.processInfo.activeProcessorCount))
        output.record("vacancies", BenchOutput.count(jobs.count))
        output.record("read_seconds", BenchOutput.seconds(readSeconds))
        output.record("read_posts_per_second", BenchOutput.rate(Double(count) / readSeconds))
        output.record("import_seconds", BenchOutput.seconds(importSeconds))
        output.record("import_vacancies_per_second", BenchOutput.rate(Double(jobs.count) / importSeconds))
        output.record("read_and_import_seconds", BenchOutput.seconds(readSeconds + importSeconds))
        output.finish()
    }
}
