import ArgumentParser
import ArtelCore
import ArtelStore
import Foundation

struct BenchApply: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Measure sign and verify limits and the apply rate of a fresh replica, in one run.",
        discussion: """
            Generates signed job deltas, then measures: the sign rate, the raw libsodium verify rate on \
            one core and on every core (the limit), BLAKE2b, the end-to-end apply rate (verify, merge, \
            store), the same for an author three grants deep under the community key, and the store-only rate (signatures already checked), the two ways of writing a row \
            through GRDB, and the replica's size against the encoded deltas. Each rate is printed as a ratio to the verify limit of the same run. \
            Replicas go to a temporary directory, removed afterwards.

            Example:
              artel bench apply --count 100000
              artel bench apply --count 20000 --json
            """
    )

    @Option(help: "How many deltas.") var count: Int = 100_000
    @OptionGroup var options: OutputOptions

    func validate() throws {
        guard count >= 1_000 else { throw ValidationError("--count must be at least 1000") }
    }

    func run() async throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let output = BenchOutput(options)
        let now = UInt64(Date().timeIntervalSince1970 * 1000)
        let key = SigningKey.generate()
        let (deltas, signSeconds) = try Measure.timed {
            try SampleJobs.make(count: count, key: key, start: now - UInt64(count))
        }
        let encodedBytes = deltas.reduce(0) { $0 + $1.bytes.count }
        output.say(
            "Artel apply benchmark: \(count) job deltas, \(encodedBytes / count) bytes each on average, \(cores) cores\n"
        )
        output.record("deltas", BenchOutput.count(count))
        output.record("bytes_per_delta", BenchOutput.count(encodedBytes / count))
        output.record("cores", BenchOutput.count(cores))

        let (_, verifyOne) = Measure.timed { Measure.verify(deltas[...]) }
        let verifyAll = await Measure.timedAsync { _ = await Measure.verifyInParallel(deltas, cores: cores) }
        let (_, hashSeconds) = Measure.timed { for delta in deltas { _ = Blake2b.hash256(delta.unsignedBytes) } }
        let limit = Double(count) / verifyAll
        func line(_ key: String, _ name: String, _ seconds: Double, cpu: Double? = nil, goal: String = "") {
            let rate = Double(count) / seconds
            let ratio = String(format: "%.2f", rate / limit)
            output.say(
                "  \(name.padding(toLength: 44, withPad: " ", startingAt: 0))\(Measure.rate(rate))  \(ratio) × limit\(goal)"
            )
            var figures: [(String, JSON)] = [
                ("per_second", BenchOutput.rate(rate)), ("limit_ratio", BenchOutput.ratio(rate / limit)),
            ]
            if let cpu {
                let microseconds = cpu / Double(count) * 1e6
                output.say(String(format: "    CPU %.1f µs a delta, every thread of this process", microseconds))
                figures.append(("cpu_microseconds_per_delta", .decimal(microseconds, digits: 1)))
            }
            output.record(key, .object(figures))
        }
        line("sign", "sign (1 core)", signSeconds)
        line("blake2b", "BLAKE2b-256 of a delta (1 core)", hashSeconds)
        line("verify_one_core", "verify, raw libsodium (1 core)", verifyOne)
        line("verify_limit", "verify, raw libsodium (\(cores) cores) = the limit", verifyAll)

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("artel-bench-\(now)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }

        let endToEnd = try Replica.create(at: "\(directory)/end-to-end.sqlite")
        let bytes = deltas.map(\.bytes)
        let apply = try await Measure.timedWithCPU {
            let report = try await endToEnd.apply(bytes, now: now, source: "bench") { _, _ in }
            precondition(
                report.accepted.count == count,
                "the benchmark's deltas must all be accepted: \(report.refusals.first.map(String.init(describing:)) ?? "")"
            )
        }
        line(
            "apply",
            "apply end to end: verify, merge, store",
            apply.seconds,
            cpu: apply.cpu,
            goal: "  (goal ≥ 0.75 × limit)"
        )

        let chained = try await GrantChainBenchmark.run(count: count, now: now, in: directory)
        line("apply_grant_chain", "apply end to end, author 3 grants deep", chained.applySeconds)
        let extraPercent = (chained.applySeconds / chained.baselineSeconds - 1) * 100
        let authorizeMicroseconds = chained.authorizeSeconds / Double(count) * 1e6
        output.say(
            String(
                format:
                    "    %+.1f%% apply time against the community key's own, applied before and after it (goal ≤ +10%%); authorizing alone: %.2f µs a delta",
                extraPercent,
                authorizeMicroseconds
            )
        )
        output.record("grant_chain_extra_percent", .decimal(extraPercent, digits: 1))
        output.record("authorize_microseconds", .decimal(authorizeMicroseconds, digits: 2))

        let storeOnly = try Replica.create(at: "\(directory)/store-only.sqlite")
        let store = try await Measure.timedWithCPU {
            _ = try await storeOnly.applyAdmitted(deltas, now: now, source: "bench")
        }
        line("apply_store_only", "apply store only: merge, store", store.seconds, cpu: store.cpu)

        let paths = try InsertPathBenchmark.run(count: count, in: directory)
        let storeRate = Double(count) / store.seconds
        output.say(
            String(
                format:
                    "\n  SQLite insert of a delta-shaped row: %.0f/s through GRDB arguments, %.0f/s through C binding (%.2f×)"
                    + "\n  store only against the C binding: %.2f × (goal ≥ 0.35 ×)",
                paths.arguments,
                paths.binding,
                paths.binding / paths.arguments,
                storeRate / paths.binding
            )
        )
        output.record("store_only_binding_ratio", BenchOutput.ratio(storeRate / paths.binding))
        output.record("insert_grdb_arguments_per_second", BenchOutput.rate(paths.arguments))
        output.record("insert_c_binding_per_second", BenchOutput.rate(paths.binding))

        let jobRows = (0..<min(count, 20_000)).map(SampleJobs.searchTexts)
        let jobEntries = try FullTextBenchmark.run(rows: jobRows, in: directory)
        let postEntries = try FullTextBenchmark.run(
            rows: Array(repeating: [SampleJobs.post], count: 5_000),
            in: directory
        )
        output.say(
            String(
                format:
                    "\n  full-text entry, CPU a row: %.1f µs with unicode61, %.1f µs with artel_words (the jobs' texts, %d bytes)"
                    + "\n                             %.1f µs with unicode61, %.1f µs with artel_words (a post of %d bytes)",
                jobEntries.unicode61,
                jobEntries.artelWords,
                jobRows.map { $0.reduce(0) { $0 + $1.utf8.count } }.reduce(0, +) / jobRows.count,
                postEntries.unicode61,
                postEntries.artelWords,
                SampleJobs.post.utf8.count
            )
        )
        output.record("full_text_unicode61_microseconds", .decimal(jobEntries.unicode61, digits: 2))
        output.record("full_text_artel_words_microseconds", .decimal(jobEntries.artelWords, digits: 2))
        output.record("full_text_post_unicode61_microseconds", .decimal(postEntries.unicode61, digits: 2))
        output.record("full_text_post_artel_words_microseconds", .decimal(postEntries.artelWords, digits: 2))

        try endToEnd.close()
        try storeOnly.close()
        let size = try endToEnd.fileSize()
        output.say(
            String(
                format: "\n  replica %.1f MB for %.1f MB of encoded deltas = %.2f× (goal ≤ 2×)",
                Double(size) / 1e6,
                Double(encodedBytes) / 1e6,
                Double(size) / Double(encodedBytes)
            )
        )
        output.record("replica_bytes", .number(size))
        output.record("encoded_bytes", BenchOutput.count(encodedBytes))
        output.record("replica_ratio", BenchOutput.ratio(Double(size) / Double(encodedBytes)))
        output.finish()
    }
}
