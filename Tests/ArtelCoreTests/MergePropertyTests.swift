import ArtelCore
import ArtelTestKit
import PropertyBased
import Testing

@Suite("Merge laws")
struct MergePropertyTests {
    /// What a set of merged records shows: every register's winner, and the kept ids.
    struct Outcome: Equatable {
        var registers: [RecordID: [RegisterKey: Operation]] = [:]
        var kept: Set<DeltaID> = []
    }

    func outcome(_ batches: [[SignedDelta]]) -> Outcome {
        var states: [RecordID: RecordState] = [:]
        for batch in batches {
            for delta in batch { states[delta.delta.record, default: RecordState()].merge(delta) }
        }
        var outcome = Outcome()
        for (record, state) in states {
            outcome.registers[record] = state.registers.mapValues(\.operation)
            outcome.kept.formUnion(state.kept.keys)
        }
        return outcome
    }

    @Test("Any order, repetition and batching of the same deltas gives the same records and kept ids")
    func convergence() {
        FixedSeeds.check(count: 200) { seed, rng in
            let deltas = DeltaGenerators.jobHistory(
                records: 3,
                deltas: Int.random(in: 1...14, using: &rng),
                using: &rng
            )
            let reference = outcome([deltas])
            for _ in 0..<6 {
                var shuffled = deltas.shuffled(using: &rng)
                shuffled += shuffled.filter { _ in Bool.random(using: &rng) }
                shuffled.shuffle(using: &rng)
                var batches: [[SignedDelta]] = []
                var rest = shuffled[...]
                while !rest.isEmpty {
                    let size = Int.random(in: 1...max(1, rest.count), using: &rng)
                    batches.append(Array(rest.prefix(size)))
                    rest = rest.dropFirst(size)
                }
                #expect(outcome(batches) == reference, "seed \(seed)")
            }
        }
    }

    @Test("Every permutation of a small set of deltas converges")
    func everyPermutation() {
        FixedSeeds.check(count: 30) { seed, rng in
            let deltas = DeltaGenerators.jobHistory(records: 1, deltas: 5, using: &rng)
            let reference = outcome([deltas])
            for permutation in permutations(deltas) {
                #expect(outcome([permutation]) == reference, "seed \(seed)")
            }
        }
    }

    @Test("The kept deltas alone merge to the same registers as all the deltas")
    func keptDeltasSuffice() {
        FixedSeeds.check(count: 200) { seed, rng in
            let deltas = DeltaGenerators.jobHistory(
                records: 1,
                deltas: Int.random(in: 1...12, using: &rng),
                using: &rng
            )
            let state = RecordState(merging: deltas)
            let rebuilt = RecordState(merging: state.kept.values.shuffled(using: &rng))
            #expect(rebuilt.registers.mapValues(\.operation) == state.registers.mapValues(\.operation), "seed \(seed)")
            #expect(Set(rebuilt.kept.keys) == Set(state.kept.keys), "seed \(seed)")
        }
    }

    private func permutations(_ items: [SignedDelta]) -> [[SignedDelta]] {
        guard let first = items.first else { return [[]] }
        return permutations(Array(items.dropFirst())).flatMap { rest in
            (0...rest.count).map { index in
                var permutation = rest
                permutation.insert(first, at: index)
                return permutation
            }
        }
    }
}
