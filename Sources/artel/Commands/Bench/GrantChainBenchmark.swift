import ArtelCore
import ArtelStore
import Foundation

/// The cost of authorization through grants: jobs written by an author three grants deep
/// (community → delegate → delegate → author), applied to a fresh replica that holds the chain,
/// between two applies of the same jobs signed by the community key, each to a fresh replica, so
/// that both sides of the comparison meet the same disk and cache conditions.
enum GrantChainBenchmark {
    struct Result {
        /// Applying the author's deltas end to end.
        let applySeconds: Double
        /// Applying the community key's deltas end to end: the mean of the runs before and after.
        let baselineSeconds: Double
        /// Deciding each of them with `Authorization.authorize` alone, in memory.
        let authorizeSeconds: Double
    }

    static func run(count: Int, now: UInt64, in directory: String) async throws -> Result {
        let community = SigningKey.generate()
        let keys = (0..<3).map { _ in SigningKey.generate() }
        let start = now - UInt64(count) - 1_000
        var grants: [SignedDelta] = []
        var parent: Reference?
        for (depth, grantee) in keys.enumerated() {
            let issuer = depth == 0 ? community : keys[depth - 1]
            let timestamp = HLC(milliseconds: start - 100 + UInt64(depth))
            let record = RecordID.grant(issuer: issuer.publicKey, timestamp: timestamp)
            let delta = Delta(
                kind: .grant,
                community: community.publicKey,
                author: issuer.publicKey,
                record: record,
                timestamp: timestamp,
                expiry: 0,
                operations: Grant.operations(
                    grantee: grantee.publicKey,
                    kinds: [.job],
                    validFrom: Int64(start - 1_000),
                    validUntil: Int64(start + 300 * 86_400_000),
                    mayDelegate: depth < 2,
                    parent: parent
                )
            )
            grants.append(try SignedDelta.sign(delta, with: issuer))
            parent = Reference(community: community.publicKey, record: record)
        }
        let jobs = try SampleJobs.make(count: count, key: keys[2], community: community.publicKey, start: start)
        let own = try SampleJobs.make(count: count, key: community, start: start)

        func timedApply(
            _ deltas: [SignedDelta],
            to name: String,
            after setup: [SignedDelta] = []
        ) async throws -> Double {
            let replica = try Replica.create(at: "\(directory)/\(name).sqlite")
            defer { try? replica.close() }
            let prepared = try await replica.apply(setup.map(\.bytes), now: now, source: "bench")
            precondition(prepared.accepted.count == setup.count, "the benchmark's grant chain must be valid")
            let bytes = deltas.map(\.bytes)
            return try await Measure.timedAsync {
                let report = try await replica.apply(bytes, now: now, source: "bench") { _, _ in }
                precondition(report.accepted.count == count, "the benchmark's deltas must all be accepted")
            }
        }
        let before = try await timedApply(own, to: "community-key-1")
        let applySeconds = try await timedApply(jobs, to: "grant-chain", after: grants)
        let after = try await timedApply(own, to: "community-key-2")

        let replica = try Replica.create(at: "\(directory)/grant-chain-trust.sqlite")
        defer { try? replica.close() }
        _ = try await replica.apply(grants.map(\.bytes), now: now, source: "bench")

        let trust = try await replica.trust(of: community.publicKey)
        let (_, authorizeSeconds) = Measure.timed {
            for job in jobs {
                precondition(Authorization.authorize(job.delta, id: job.id, trust: trust) == .authorized)
            }
        }
        return Result(
            applySeconds: applySeconds,
            baselineSeconds: (before + after) / 2,
            authorizeSeconds: authorizeSeconds
        )
    }
}
