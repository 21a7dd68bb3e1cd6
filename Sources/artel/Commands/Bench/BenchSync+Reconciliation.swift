import ArtelCore
import ArtelStore
import Foundation

extension BenchSync {
    /// Two replicas of `reconcileCount` deltas that differ by `differences` reconcile when one dials
    /// the other; the dialing node logs what each plane's reconciliation took.
    func reconciliation(cores: Int, in directory: String, output: BenchOutput) async throws {
        output.say("\nReconciliation: \(reconcileCount) vs \(reconcileCount) kept deltas, \(differences) differences")
        try await withNodes(["left", "right"], in: directory) { nodes in
            let (left, right) = (nodes[0], nodes[1])
            let key = SigningKey.generate()
            let start = BenchNode.now - UInt64(reconcileCount) - 120_000
            let preparing = try await Measure.timedAsync {
                try await left.withReplica { replica in
                    for first in stride(from: 0, to: reconcileCount, by: 100_000) {
                        let part = try await SampleJobs.makeInParallel(
                            count: min(100_000, reconcileCount - first),
                            key: key,
                            start: start + UInt64(first),
                            cores: cores
                        )
                        _ = try await replica.applyAdmitted(part, now: BenchNode.now, source: "bench")
                    }
                }
                try Self.copyReplica(from: left.directory.replicaPath, to: right.directory.replicaPath)
            }
            output.say(String(format: "  (prepared both replicas in %.0f s)", preparing))
            for (index, node) in [left, right].enumerated() {
                let own = try await SampleJobs.makeInParallel(
                    count: differences / 2 + (index == 0 ? differences % 2 : 0),
                    key: SigningKey.generate(),
                    start: BenchNode.now - 60_000,
                    cores: 1
                )
                _ = try await node.withReplica { try await $0.applyAdmitted(own, now: BenchNode.now, source: "bench") }
            }
            try left.serve()
            try await right.dial(left)
            let seconds = try await Measure.timedAsync {
                try right.serve()
                _ = try await right.waitForLog("caught up", seconds: 600)
            }
            for line in right.logged("reconciled") { output.say("  " + Self.describe(reconciled: line)) }
            let total = right.logged("reconciled").reduce(0) { $0 + (BenchNode.figures($1)["sync.ms"] ?? 0) }
            output.say(
                "  both planes, reading the items from SQLite included: \(total) ms  (goal < 3000 ms, ≤ 3 round trips)"
            )
            output.say(String(format: "  start to caught up, transfer included: %.2f s", seconds))
            output.record(
                "reconciliation",
                .object([
                    ("deltas_each", BenchOutput.count(reconcileCount)), ("differences", BenchOutput.count(differences)),
                    ("prepared_seconds", .decimal(preparing, digits: 0)),
                    ("reconciled", .array(right.logged("reconciled").map(Self.figures(reconciled:)))),
                    ("both_planes_ms", .number(Int64(total))), ("caught_up_seconds", .decimal(seconds, digits: 2)),
                ])
            )
            // The dialing node has caught up; the other stores what it was offered a moment later.
            let expected = reconcileCount + differences
            let deadline = ContinuousClock.now + .seconds(60)
            var counts: [Int] = []
            repeat {
                if !counts.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
                counts = try await [left, right].asyncMap { node in
                    try await node.withReplica { try await $0.summary().deltas }
                }
            } while counts != [expected, expected] && ContinuousClock.now < deadline
            guard counts[0] == counts[1], counts[0] == expected else {
                throw StoreError(.io, "after reconciling, the replicas keep \(counts[0]) and \(counts[1]) deltas")
            }
        }
    }

    /// Copies a closed replica, with its write-ahead log if it has one, over another.
    static func copyReplica(from source: String, to destination: String) throws {
        let files = FileManager.default
        for suffix in ["", "-wal", "-shm"] {
            try? files.removeItem(atPath: destination + suffix)
            if files.fileExists(atPath: source + suffix) {
                try files.copyItem(atPath: source + suffix, toPath: destination + suffix)
            }
        }
    }
}

extension Array {
    /// The elements transformed one after another by an async function.
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
