import ArtelCore
import ArtelStore
import ArtelTestKit
import PropertyBased
import Testing

@Suite("Replicas converge")
struct ConvergenceTests {
    @Test(
        "Two replicas given the same deltas in different orders, batches and repetitions hold the same records and kept ids"
    )
    func sameDeltasSameReplica() async throws {
        try await TestReplicas.withReplica { reference in
            try await TestReplicas.withReplica { other in
                var seeds = Xoshiro(seed: (42, 7, 7, 42))
                for round in 0..<25 {
                    let deltas = DeltaGenerators.jobHistory(
                        records: 3,
                        deltas: Int.random(in: 1...16, using: &seeds),
                        using: &seeds
                    )
                    let now = DeltaFactory.epoch + 1_000
                    _ = try await reference.apply(deltas.map(\.bytes), now: now, source: "test")
                    var shuffled = (deltas + deltas.filter { _ in Bool.random(using: &seeds) }).shuffled(using: &seeds)
                    while !shuffled.isEmpty {
                        let size = Int.random(in: 1...shuffled.count, using: &seeds)
                        _ = try await other.apply(shuffled.prefix(size).map(\.bytes), now: now, source: "test")
                        shuffled.removeFirst(size)
                    }
                    let left = try await ReplicaSnapshot(reference)
                    let right = try await ReplicaSnapshot(other)
                    #expect(left == right, "round \(round)")
                    #expect(try await other.check().problems.isEmpty, "round \(round)")
                }
            }
        }
    }

    @Test("A replica holds exactly what the merge of its deltas keeps")
    func replicaMatchesMerge() async throws {
        try await FixedSeeds.check(count: 20) { seed, rng in
            let deltas = DeltaGenerators.jobHistory(
                records: 2,
                deltas: Int.random(in: 1...12, using: &rng),
                using: &rng
            )
            var states: [RecordID: RecordState] = [:]
            for delta in deltas { states[delta.delta.record, default: RecordState()].merge(delta) }
            let expected = Set(states.values.flatMap { $0.kept.keys })
            let kept = try await TestReplicas.withReplica { replica in
                _ = try await replica.apply(deltas.map(\.bytes), now: DeltaFactory.epoch + 1_000, source: "test")
                return try await ReplicaSnapshot(replica).keptIDs
            }
            #expect(kept == expected, "seed \(seed)")
        }
    }
}
