public import ArtelCore
import Foundation
import GRDB

extension Replica {
    /// The most deltas applied in one transaction by ``apply(_:now:source:progress:)``, and the most
    /// records an import stores in one.
    public static let batchSize = 10_000

    /// Applies deltas atomically: verifies them on every core outside the write transaction, then in
    /// one transaction authorizes them against their communities' control planes, stores and merges
    /// the authorized ones, holds the others, updates the materialized tables, prunes what lost every
    /// register and records why each refused delta was refused.
    ///
    /// A crash or kill at any moment leaves the replica as it was before the call or with the whole
    /// batch applied, never in between.
    ///
    /// - Parameters:
    ///   - batch: encoded deltas, in any order.
    ///   - now: the wall clock in Unix milliseconds.
    ///   - source: where the deltas come from (a file, a peer), for the refusal log.
    ///   - follows: what this node follows; deltas of other scopes are refused (``DeltaError/Code/notFollowed``).
    /// - Returns: one outcome per delta.
    /// - Throws: ``StoreError`` when the replica cannot be written; nothing is applied then.
    public func apply(
        _ batch: [[UInt8]],
        now: UInt64,
        source: String,
        follows: FollowSet = .everything
    ) async throws -> ApplyReport {
        try await store(await Self.admit(batch, now: now, follows: follows), now: now, source: source)
    }

    /// The first half of ``apply(_:now:source:follows:)``: decodes, verifies and checks deltas on
    /// every core, without the database, so that a caller can check the next batch while
    /// ``store(_:now:source:)`` writes the current one.
    ///
    /// A delta whose id `known` remembers is taken as held, without decoding it or checking its
    /// signature again, and the store counts it as a duplicate: its id is the hash of every byte
    /// but the signature, so what it says is what was checked, and the copy is neither stored nor
    /// relayed. Each delta that passes every check is remembered there, and only such a delta, so
    /// a forged copy that arrives first cannot keep the genuine one out.
    ///
    /// - Parameters:
    ///   - batch: encoded deltas, in any order.
    ///   - now: the wall clock in Unix milliseconds.
    ///   - follows: what this node follows; deltas of other scopes are refused.
    ///   - known: the deltas this node checked lately (a node's ``RecentDeltas``).
    public static func admit(
        _ batch: [[UInt8]],
        now: UInt64,
        follows: FollowSet = .everything,
        known: RecentDeltas? = nil
    ) async -> AdmittedDeltas {
        AdmittedDeltas(results: await ParallelAdmission.admit(batch, now: now, follows: follows, known: known))
    }

    /// Applies a long sequence of deltas in transactions of at most ``batchSize``, verifying the
    /// batches that follow while one is written (``BatchPipeline``: the first transactions grow
    /// from 500 deltas and the last shrink to about 500, so that the writer neither waits long for
    /// its first batch nor writes much alone at the end).
    ///
    /// Each batch is atomic on its own; after a crash the replica holds a prefix of whole batches,
    /// and applying the same input again completes it (already stored deltas count as duplicates).
    ///
    /// - Parameters:
    ///   - deltas: encoded deltas, in any order.
    ///   - now: the wall clock in Unix milliseconds.
    ///   - source: where the deltas come from, for the refusal log.
    ///   - follows: what this node follows; deltas of other scopes are refused.
    ///   - progress: called after each batch with the deltas done so far and the report so far.
    public func apply(
        _ deltas: [[UInt8]],
        now: UInt64,
        source: String,
        follows: FollowSet = .everything,
        progress: (_ done: Int, _ report: ApplyReport) -> Void
    ) async throws -> ApplyReport {
        var report = ApplyReport()
        try await BatchPipeline.run(BatchPipeline.ranges(count: deltas.count, size: Self.batchSize)) { range in
            await Self.admit(Array(deltas[range]), now: now, follows: follows)
        } store: { admitted, range in
            report.append(try await store(admitted, now: now, source: source))
            progress(range.upperBound, report)
        }
        return report
    }

    /// The second half of ``apply(_:now:source:follows:)``: stores admitted deltas atomically, in
    /// one transaction, and records the refusals.
    ///
    /// - Parameters:
    ///   - admitted: deltas from ``admit(_:now:follows:known:)``.
    ///   - now: the wall clock in Unix milliseconds.
    ///   - source: where the deltas come from (a file, a peer), for the refusal log.
    /// - Returns: one outcome per delta.
    /// - Throws: ``StoreError`` when the replica cannot be written; nothing is stored then.
    public func store(_ admitted: AdmittedDeltas, now: UInt64, source: String) async throws -> ApplyReport {
        try await store(admitted, now: now, source: source) { _, _ in }
    }

    /// ``store(_:now:source:)``, and then, in the same transaction, `finish` with the batch's
    /// writer (which knows what it stored) and the database.
    func store(
        _ admitted: AdmittedDeltas,
        now: UInt64,
        source: String,
        finish: @escaping @Sendable (BatchWriter, Database) throws -> Void
    ) async throws -> ApplyReport {
        if let held = admitted.allKnown { return ApplyReport(outcomes: held.map { .duplicate($0) }) }
        return try await writing("applying \(admitted.count) deltas") { db in
            var writer = BatchWriter(db: db)
            var gate = try TrustGate(db: db, source: source, now: now)
            var report = ApplyReport()
            var latest: HLC?
            for case .checked(let signed, _) in admitted.results where signed.delta.kind.isGrantOrRevocation {
                try gate.learn(signed)
            }
            for result in admitted.results {
                switch result {
                case .checked(let signed, let fresh):
                    let outcome = try gate.admit(signed, fresh: fresh, into: &writer)
                    if case .accepted = outcome {
                        latest = max(latest ?? signed.delta.timestamp, signed.delta.timestamp)
                    }
                    report.outcomes.append(outcome)
                case .known(let id):
                    report.outcomes.append(.duplicate(id))
                case .refused(let refusal):
                    report.outcomes.append(.refused(refusal))
                }
            }
            try gate.settle(into: &writer, report: &report)
            report.settleWithdrawals()
            try writer.persist()
            report.pruned = writer.pruned
            report.insertedRows = writer.insertedRows
            try RefusalLog.record(report.refusals + report.withdrawn, at: now, source: source, in: db)
            if let latest {
                try NodeState.advanceClock(past: HybridLogicalClock.observable(latest, now: now), in: db)
            }
            try finish(writer, db)
            return report
        }
    }
}

extension Replica {
    /// Applies deltas whose signatures and rules were already checked, in transactions of
    /// ``batchSize``: the store-only half of ``apply(_:now:source:progress:)``, for benchmarks.
    package func applyAdmitted(_ deltas: [SignedDelta], now: UInt64, source: String) async throws -> ApplyReport {
        var report = ApplyReport()
        for start in stride(from: 0, to: deltas.count, by: Self.batchSize) {
            let batch = Array(deltas[start..<min(start + Self.batchSize, deltas.count)])
            report.append(try await store(AdmittedDeltas(checked: batch), now: now, source: source))
        }
        return report
    }
}
