import ArtelCore
import ArtelStore
import Foundation

extension BenchSync {
    /// Nodes connected as `dials` says (node *i* dials the nodes it returns); deltas posted on node 0
    /// one at a time, as another process on its machine would; the time until each other node
    /// keeps it, checked every 2 ms. Then a burst of ``burst`` deltas posted at once: the time until
    /// every node keeps them all, and the CPU all the nodes spent on each.
    func propagation(
        _ topology: String,
        nodes count: Int,
        in directory: String,
        output: BenchOutput,
        dials: (Int) -> [Int]
    ) async throws {
        output.say("\nPropagation in a \(topology) of \(count) nodes: \(samples) deltas posted on one node")
        try await withNodes((0..<count).map { "\(topology)\($0)" }, in: directory) { nodes in
            var sessions = [Int](repeating: 0, count: count)
            for index in 0..<count {
                for other in dials(index) {
                    try await nodes[index].dial(nodes[other])
                    sessions[index] += 1
                    sessions[other] += 1
                }
                try nodes[index].serve()
            }
            for (index, node) in nodes.enumerated() {
                _ = try await node.waitForLog("caught up", count: sessions[index], seconds: 60)
            }
            let watched = topology == "chain" ? [nodes[count - 1]] : Array(nodes.dropFirst())
            let latencies = try await measure(from: nodes[0], to: watched)
            output.say(
                String(
                    format: "  to %@: median %.1f ms, p99 %.1f ms, max %.1f ms over %d arrivals  (goal p99 < 250 ms)",
                    topology == "chain"
                        ? "the far end (\(count - 1) hop\(count == 2 ? "" : "s"))" : "each other node (1 hop)",
                    Measure.quantile(latencies, 0.5),
                    Measure.quantile(latencies, 0.99),
                    latencies.max() ?? 0,
                    latencies.count
                )
            )
            output.record(
                "propagation_" + topology,
                .object([
                    ("nodes", BenchOutput.count(count)), ("arrivals", BenchOutput.count(latencies.count)),
                    ("median_ms", .decimal(Measure.quantile(latencies, 0.5), digits: 1)),
                    ("p99_ms", .decimal(Measure.quantile(latencies, 0.99), digits: 1)),
                    ("max_ms", .decimal(latencies.max() ?? 0, digits: 1)),
                ])
            )
            let cpuBefore = nodes.map(\.cpuSeconds).reduce(0, +)
            let spread = try await spreadBurst(from: nodes[0], to: Array(nodes.dropFirst()))
            let cpuPerDelta = (nodes.map(\.cpuSeconds).reduce(0, +) - cpuBefore) * 1e6 / Double(burst)
            output.say(
                String(
                    format: "  a burst of %d deltas: everywhere in %.2f s, CPU %.0f µs a delta across the %d nodes",
                    burst,
                    Measure.seconds(spread),
                    cpuPerDelta,
                    count
                )
            )
            output.record(
                "burst_" + topology,
                .object([
                    ("deltas", BenchOutput.count(burst)),
                    ("seconds", .decimal(Measure.seconds(spread), digits: 2)),
                    ("cpu_microseconds_per_delta", .decimal(cpuPerDelta, digits: 0)),
                ])
            )
        }
    }

    /// Posts ``burst`` deltas on `origin` in one write and returns the time until every node in
    /// `watched` keeps them all, checked every 10 ms.
    private func spreadBurst(from origin: BenchNode, to watched: [BenchNode]) async throws -> Duration {
        let deltas = try SampleJobs.make(count: burst, key: SigningKey.generate(), start: BenchNode.now)
        return try await withReplicas(of: origin, watched) { poster, watchers in
            let arrivals = try await spread(
                deltas,
                from: poster,
                to: watchers,
                named: watched.map(\.name),
                checkingEvery: .milliseconds(10),
                within: .seconds(60)
            )
            return arrivals.max() ?? .zero
        }
    }

    /// Posts `samples` deltas on `origin`, each once the last has arrived everywhere, and returns
    /// each arrival's latency in milliseconds.
    private func measure(from origin: BenchNode, to watched: [BenchNode]) async throws -> [Double] {
        let key = SigningKey.generate()
        return try await withReplicas(of: origin, watched) { poster, watchers in
            var latencies: [Double] = []
            for sample in 0..<samples {
                let delta = try SampleJobs.make(count: 1, key: key, start: BenchNode.now + UInt64(sample))[0]
                let arrivals = try await spread(
                    [delta],
                    from: poster,
                    to: watchers,
                    named: watched.map(\.name),
                    checkingEvery: .milliseconds(2),
                    within: .seconds(10)
                )
                latencies += arrivals.map { Measure.seconds($0) * 1000 }
                // A random pause, so that posts do not fall in step with the node's 25 ms look for local changes.
                try await Task.sleep(for: .milliseconds(Int.random(in: 20...70)))
            }
            return latencies
        }
    }

    /// Runs `body` with the replicas of `origin` and of `watched` open beside their nodes.
    private func withReplicas<T>(
        of origin: BenchNode,
        _ watched: [BenchNode],
        _ body: (Replica, [Replica]) async throws -> T
    ) async throws -> T {
        let poster = try Replica.open(at: origin.directory.replicaPath)
        let watchers = try watched.map { try Replica.open(at: $0.directory.replicaPath) }
        defer {
            try? poster.close()
            for watcher in watchers { try? watcher.close() }
        }
        return try await body(poster, watchers)
    }

    /// Writes `deltas` into `poster` in one apply, as another process on its machine would, and
    /// checks every `interval` until each of `watchers` keeps them all.
    ///
    /// - Returns: for each watcher, in the order they got there, the time from the write.
    /// - Throws: when a watcher still lacks some after `limit`.
    private func spread(
        _ deltas: [SignedDelta],
        from poster: Replica,
        to watchers: [Replica],
        named names: [String],
        checkingEvery interval: Duration,
        within limit: Duration
    ) async throws -> [Duration] {
        let ids = deltas.map(\.id)
        let posted = ContinuousClock.now
        _ = try await poster.apply(deltas.map(\.bytes), now: BenchNode.now, source: "bench")
        var arrivals: [Duration] = []
        var waiting = Set(watchers.indices)
        while !waiting.isEmpty {
            for index in waiting where try await watchers[index].deltas(ids: ids).missing.isEmpty {
                arrivals.append(ContinuousClock.now - posted)
                waiting.remove(index)
            }
            guard ContinuousClock.now - posted < limit else {
                throw StoreError(
                    .io,
                    "\(deltas.count) posted deltas did not all reach \(waiting.map { names[$0] }) in \(limit)"
                )
            }
            try await Task.sleep(for: interval)
        }
        return arrivals
    }
}
