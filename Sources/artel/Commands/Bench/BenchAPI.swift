import ArgumentParser
import ArtelCore
import ArtelStore
import Foundation
import Synchronization

struct BenchAPI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api",
        abstract: "Measure the HTTP API: a filtered job query on a large replica, idle and while a peer syncs from it.",
        discussion: """
            Prepares a replica of --count jobs, serves it with a child `artel serve`, and asks its API \
            for two filtered pages of 20 jobs (remote, paying at least 120 000; and the same with a \
            word one job in five has), each with the count of all matches and without it, and for the \
            site's job board with the same filters and word (a rendered HTML page), from --clients \
            clients at once, each on a kept-alive \
            connection: first with the node idle, then while an empty node dials it and syncs all \
            --count deltas. Prints throughput and the median, p99 and largest latency of each, and, \
            as the limit, the same queries run on the replica directly in this process.

            Example:
              artel bench api
              artel bench api --count 20000 --requests 500
              artel bench api --count 2000 --requests 100 --json
            """
    )

    @Option(help: "Jobs in the replica.") var count: Int = 100_000
    @Option(help: "Requests in each measurement.") var requests: Int = 2_000
    @Option(help: "Clients asking at once.") var clients: Int = 4
    @OptionGroup var options: OutputOptions

    /// The filtered query a community's site would send: remote jobs paying at least 120 000, a page of 20.
    static let filtered = "/api/v1/jobs?salary_min=120000&work_mode=remote&limit=20"
    /// The same with a word that one job in five has ("Казань", its city).
    static let searched = filtered + "&q=%D0%9A%D0%B0%D0%B7%D0%B0%D0%BD%D1%8C"
    /// The site's job board with the same two filters and word: the query, and the page rendered.
    static let board = "/?salary_min=120000&work_mode=remote&q=%D0%9A%D0%B0%D0%B7%D0%B0%D0%BD%D1%8C"

    func validate() throws {
        guard count >= 100, requests >= 10, (1...64).contains(clients) else {
            throw ValidationError("--count must be at least 100, --requests at least 10, --clients 1 to 64")
        }
    }

    func run() async throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "artel-bench-api-\(BenchNode.now)"
        )
        .path
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
        output.say(
            "Artel API benchmark: \(count) jobs, \(clients) clients, \(requests) requests a run, \(cores) cores\n"
        )
        output.record("jobs", BenchOutput.count(count))
        output.record("clients", BenchOutput.count(clients))
        output.record("requests", BenchOutput.count(requests))
        output.record("cores", BenchOutput.count(cores))
        var measured: [JSON] = []
        let nodes = [try await BenchNode("full", in: directory), try await BenchNode("empty", in: directory)]
        defer { for node in nodes { node.stop() } }
        let (full, empty) = (nodes[0], nodes[1])
        _ = try await full.withReplica { try await $0.applyAdmitted(deltas, now: BenchNode.now, source: "bench") }
        try full.serve(api: true)

        let queries = [
            ("filtered", Self.filtered, nil as String?), ("filtered + a word", Self.searched, "Казань"),
            ("filtered, no total", Self.filtered + "&total=false", nil),
            ("filtered + a word, no total", Self.searched + "&total=false", "Казань"),
            ("site board, filtered + a word", Self.board, "Казань"),
        ]
        for (label, path, word) in queries {
            let (samples, matching) = try await full.withReplica { replica in
                var query = RecordQuery(kind: .job)
                query.text = word
                query.salaryAtLeast = 120_000
                query.workModes = ["remote"]
                query.limit = 20
                query.visibilities = [.public]
                if path == Self.board { query.openAt = Int64(BenchNode.now) }
                var samples: [Double] = []
                var matching = 0
                let counting = !path.hasSuffix("total=false")
                for _ in 0..<200 {
                    samples.append(
                        try await Measure.timedAsync {
                            if counting {
                                matching = try await replica.page(query).total
                            } else {
                                _ = try await replica.list(query)
                            }
                        }
                    )
                }
                return (samples, matching)
            }
            output.say(
                Self.line("\(label): replica", samples, wall: nil) + (matching > 0 ? "  (\(matching) match)" : "")
            )
            measured.append(Self.figures(label, "replica", samples, wall: nil, matching: matching))
        }

        let paths = queries.map(\.1)
        _ = try Self.load(port: full.apiPort, paths: paths, requests: 100, clients: clients)
        let (idle, _, idleWall) = try Self.load(port: full.apiPort, paths: paths, requests: requests, clients: clients)
        for (index, (label, _, _)) in queries.enumerated() {
            output.say(Self.line("\(label): API, node idle", idle[index], wall: idleWall / Double(paths.count)))
            measured.append(Self.figures(label, "api_idle", idle[index], wall: idleWall / Double(paths.count)))
        }

        try await empty.dial(full)
        try empty.serve()
        let (busy, busyServer, busyWall) = try Self.load(
            port: full.apiPort,
            paths: paths,
            requests: requests,
            clients: clients
        )
        let syncing = empty.logged("caught up").isEmpty
        for (index, (label, _, _)) in queries.enumerated() {
            output.say(Self.line("\(label): API, a peer syncing", busy[index], wall: busyWall / Double(paths.count)))
            measured.append(Self.figures(label, "api_syncing", busy[index], wall: busyWall / Double(paths.count)))
        }
        output.say(
            syncing
                ? "  the sync of \(count) deltas was still running when the last request was answered"
                : "  note: the sync ended before the last request; raise --count or lower --requests to cover it all"
        )
        let worst = busy.dropLast().map { Measure.quantile($0, 0.99) }.max() ?? 0
        let board = Measure.quantile(busy[paths.count - 1], 0.99)
        let boardServer = Measure.quantile(busyServer[paths.count - 1], 0.99)
        output.say(
            String(format: "  p99 with sync running, worst API query: %.2f ms (goal: under 20 ms)", worst * 1000)
        )
        output.say(String(format: "  p99 with sync running, the site's board at the client: %.2f ms", board * 1000))
        output.say(
            String(
                format: "  p99 with sync running, the site's board in server time: %.2f ms (goal: under 50 ms)",
                boardServer * 1000
            )
        )
        output.record("queries", .array(measured))
        output.record("sync_covered_every_request", .bool(syncing))
        output.record("worst_p99_syncing_ms", BenchOutput.milliseconds(worst * 1000))
        output.record("board_p99_syncing_ms", BenchOutput.milliseconds(board * 1000))
        output.record("board_server_p99_syncing_ms", BenchOutput.milliseconds(boardServer * 1000))
        output.finish()
    }

    /// One measurement's figures, for JSON: the same as ``line(_:_:wall:)`` prints.
    static func figures(
        _ query: String,
        _ setting: String,
        _ samples: [Double],
        wall: Double?,
        matching: Int = 0
    )
        -> JSON
    {
        var members: [(String, JSON)] = [("query", .string(query)), ("where", .string(setting))]
        if let wall { members.append(("requests_per_second", BenchOutput.rate(Double(samples.count) / wall))) }
        members += [
            ("p50_ms", BenchOutput.milliseconds(Measure.quantile(samples, 0.5) * 1000)),
            ("p99_ms", BenchOutput.milliseconds(Measure.quantile(samples, 0.99) * 1000)),
            ("max_ms", BenchOutput.milliseconds((samples.max() ?? 0) * 1000)),
        ]
        if matching > 0 { members.append(("matching", BenchOutput.count(matching))) }
        return .object(members)
    }

    /// One line of results: median, p99 and largest latency, and the rate when timed by the wall clock.
    static func line(_ label: String, _ samples: [Double], wall: Double?) -> String {
        let rate =
            wall.map { String(format: "%7.0f req/s  ", Double(samples.count) / $0) }
            ?? String(repeating: " ", count: 15)
        return "  " + label.padding(toLength: 50, withPad: " ", startingAt: 0) + rate
            + String(
                format: "p50 %.2f ms  p99 %.2f ms  max %.2f ms",
                Measure.quantile(samples, 0.5) * 1000,
                Measure.quantile(samples, 0.99) * 1000,
                (samples.max() ?? 0) * 1000
            )
    }

    /// Sends `requests` requests from `clients` threads, each on its own kept-alive connection,
    /// cycling through `paths`.
    ///
    /// - Returns: the latencies of each path's requests in seconds, the node's own time for each
    ///   (`Server-Timing`), and the wall time of the run.
    static func load(
        port: Int,
        paths: [String],
        requests: Int,
        clients: Int
    ) throws -> (latencies: [[Double]], serverTimes: [[Double]], wall: Double) {
        let results = Mutex<(latencies: [[Double]], serverTimes: [[Double]], failure: (any Error)?)>(
            (paths.map { _ in [] }, paths.map { _ in [] }, nil)
        )
        let started = ContinuousClock.now
        DispatchQueue.concurrentPerform(iterations: clients) { client in
            do {
                let connection = try KeptAliveConnection(port: port)
                var mine: [[Double]] = paths.map { _ in [] }
                var serverTimes: [[Double]] = paths.map { _ in [] }
                for request in 0..<(requests / clients + (client < requests % clients ? 1 : 0)) {
                    let index = (request + client) % paths.count
                    let begun = ContinuousClock.now
                    let (status, serverTime) = try connection.get(paths[index])
                    guard status == 200 else { throw StoreError(.io, "the API answered \(status)") }
                    mine[index].append(Measure.seconds(ContinuousClock.now - begun))
                    if let serverTime { serverTimes[index].append(serverTime) }
                }
                results.withLock { results in
                    for index in paths.indices {
                        results.latencies[index] += mine[index]
                        results.serverTimes[index] += serverTimes[index]
                    }
                }
            } catch {
                results.withLock { $0.failure = error }
            }
        }
        let (latencies, serverTimes, failure) = results.withLock { ($0.latencies, $0.serverTimes, $0.failure) }
        if let failure { throw failure }
        return (latencies, serverTimes, Measure.seconds(ContinuousClock.now - started))
    }
}
