import ArgumentParser
import ArtelCore
import ArtelStore
import Foundation

struct BenchSync: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Measure sync between real artel serve processes on loopback, against the verify limit.",
        discussion: """
            Runs child `artel serve` processes on 127.0.0.1 with data directories in a temporary \
            directory (removed afterwards) and measures, in one run:

              the raw libsodium verify rate on every core (the limit);
              the initial sync of --count job deltas from a full node to an empty one: handshake,
                reconciliation, transfer, verification and storage, as deltas/s and as a ratio to
                the limit, and the peak memory of both processes;
              the reconciliation of two replicas of --reconcile-count deltas that differ by
                --differences: round trips, bytes each way, and time including reading the items
                from SQLite, as the dialing node logs them;
              the propagation of new deltas posted on one node along a chain of --chain nodes and
                in a full mesh of --mesh nodes: median and p99 latency over --samples deltas;
                then a burst of --burst deltas posted at once: the time until every node keeps them,
                and the CPU all the nodes spent on each delta.

            The 1 000 000-delta replicas take a few minutes and about 2 GB of disk to prepare.

            Example:
              artel bench sync
              artel bench sync --count 20000 --reconcile-count 100000
              artel bench sync --count 2000 --reconcile-count 10000 --json
            """
    )

    @Option(help: "Deltas in the initial sync.") var count: Int = 100_000
    @Option(help: "Deltas in each replica of the reconciliation.") var reconcileCount: Int = 1_000_000
    @Option(help: "Deltas the two reconciled replicas differ by.") var differences: Int = 20
    @Option(help: "Nodes in the propagation chain.") var chain: Int = 5
    @Option(help: "Nodes in the propagation mesh.") var mesh: Int = 10
    @Option(help: "Deltas posted to measure propagation.") var samples: Int = 100
    @Option(help: "Deltas posted at once to measure how a burst spreads.") var burst: Int = 1_000
    @OptionGroup var options: OutputOptions

    func validate() throws {
        guard count >= 100, reconcileCount >= 100, samples >= 1, burst >= 1 else {
            throw ValidationError(
                "--count and --reconcile-count must be at least 100, --samples and --burst at least 1"
            )
        }
        guard differences >= 2, differences <= reconcileCount else {
            throw ValidationError("--differences must be between 2 and --reconcile-count")
        }
        guard chain >= 2, mesh >= 2 else { throw ValidationError("--chain and --mesh need at least 2 nodes") }
    }

    func run() async throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("artel-bench-sync-\(BenchNode.now)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }

        let key = SigningKey.generate()
        let deltas = try await SampleJobs.makeInParallel(
            count: count,
            key: key,
            start: BenchNode.now - UInt64(count) - 60_000,
            cores: cores
        )
        let output = BenchOutput(options)
        output.say("Artel sync benchmark: real artel serve processes on loopback, \(cores) cores\n")
        let limit = await Measure.verifyLimit(deltas, cores: cores)
        output.say("  verify, raw libsodium (\(cores) cores) = the limit   \(Measure.rate(limit))")
        output.record("cores", BenchOutput.count(cores))
        output.record("verify_limit_per_second", BenchOutput.rate(limit))

        try await initialSync(deltas, limit: limit, in: "\(directory)/initial", output: output)
        try await reconciliation(cores: cores, in: "\(directory)/reconcile", output: output)
        try await propagation("chain", nodes: chain, in: "\(directory)/chain", output: output) { index in
            index == 0 ? [] : [index - 1]
        }
        try await propagation("mesh", nodes: mesh, in: "\(directory)/mesh", output: output) { index in
            Array(0..<index)
        }
        output.finish()
    }

    /// Nodes made in `directory`, stopped however the measurement ends.
    func withNodes<T>(
        _ names: [String],
        in directory: String,
        _ body: ([BenchNode]) async throws -> T
    ) async throws -> T {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var nodes: [BenchNode] = []
        defer { for node in nodes { node.stop() } }
        for name in names { nodes.append(try await BenchNode(name, in: directory)) }
        return try await body(nodes)
    }

    /// A full node serves an empty one everything: the time from the empty node's start until it
    /// says it caught up.
    private func initialSync(
        _ deltas: [SignedDelta],
        limit: Double,
        in directory: String,
        output: BenchOutput
    ) async throws {
        output.say(
            "\nInitial sync: \(deltas.count) job deltas, \(deltas.reduce(0) { $0 + $1.bytes.count } / deltas.count) bytes each"
        )
        try await withNodes(["full", "empty"], in: directory) { nodes in
            let (full, empty) = (nodes[0], nodes[1])
            _ = try await full.withReplica { try await $0.applyAdmitted(deltas, now: BenchNode.now, source: "bench") }
            try full.serve()
            try await empty.dial(full)
            var caughtUp: Substring = ""
            let seconds = try await Measure.timedAsync {
                try empty.serve()
                caughtUp = try await empty.waitForLog("caught up", seconds: 1_800)[0]
            }
            let kept = try await empty.withReplica { try await $0.summary().deltas }
            guard kept == deltas.count else {
                throw StoreError(.io, "the empty node kept \(kept) of \(deltas.count) deltas: \(caughtUp)")
            }
            let rate = Double(deltas.count) / seconds
            let (sender, receiver) = (full.peakMemory, empty.peakMemory)
            output.say(
                "  start to caught up                          \(Measure.rate(rate))  "
                    + String(format: "%.2f × limit  (goal ≥ 0.60 × limit), %.1f s", rate / limit, seconds)
            )
            output.say(
                String(
                    format: "  CPU: serving node %.1f s, syncing node %.1f s (%.0f µs per delta in all)",
                    full.cpuSeconds,
                    empty.cpuSeconds,
                    (full.cpuSeconds + empty.cpuSeconds) * 1e6 / Double(deltas.count)
                )
            )
            for line in empty.logged("reconciled") { output.say("  " + Self.describe(reconciled: line)) }
            output.say(
                String(
                    format: "  peak memory: serving node %.0f MB, syncing node %.0f MB  (goal < 250 MB each)",
                    Double(sender) / 1e6,
                    Double(receiver) / 1e6
                )
            )
            output.record(
                "initial_sync",
                .object([
                    ("deltas", BenchOutput.count(deltas.count)), ("per_second", BenchOutput.rate(rate)),
                    ("limit_ratio", BenchOutput.ratio(rate / limit)), ("seconds", .decimal(seconds, digits: 1)),
                    ("cpu_serving_seconds", .decimal(full.cpuSeconds, digits: 1)),
                    ("cpu_syncing_seconds", .decimal(empty.cpuSeconds, digits: 1)),
                    ("reconciled", .array(empty.logged("reconciled").map(Self.figures(reconciled:)))),
                    ("peak_memory_serving_bytes", BenchOutput.count(sender)),
                    ("peak_memory_syncing_bytes", BenchOutput.count(receiver)),
                ])
            )
        }
    }

    /// One reconciliation log line's figures, for JSON.
    static func figures(reconciled line: Substring) -> JSON {
        let figures = BenchNode.figures(line)
        let keys = ["items", "round_trips", "bytes_out", "bytes_in", "offered", "wanted", "ms"]
        return .object(
            [("plane", .string(line.contains("sync.plane=data") ? "data" : "control"))]
                + keys.map { ($0, .number(Int64(figures["sync." + $0] ?? 0))) }
        )
    }

    /// One reconciliation log line, readably.
    static func describe(reconciled line: Substring) -> String {
        let figures = BenchNode.figures(line)
        let plane = line.contains("sync.plane=data") ? "data" : "control"
        return "reconciled \(plane) plane: \(figures["sync.items"] ?? 0) items here, "
            + "\(figures["sync.round_trips"] ?? 0) round trips, "
            + "\(figures["sync.bytes_out"] ?? 0) bytes out, \(figures["sync.bytes_in"] ?? 0) in, "
            + "\(figures["sync.offered"] ?? 0) offered, \(figures["sync.wanted"] ?? 0) wanted, "
            + "\(figures["sync.ms"] ?? 0) ms"
    }
}
