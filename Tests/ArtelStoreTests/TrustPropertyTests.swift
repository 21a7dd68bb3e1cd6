import ArtelCore
import ArtelStore
import ArtelTestKit
import Foundation
import PropertyBased
import Testing

@Suite("Trust decisions do not depend on arrival order")
struct TrustPropertyTests {
    static let community = TestKeys.techLeaders
    static let authors = (30...33).map { TestKeys.key($0) }
    static let start = DeltaFactory.epoch
    static let day = Grants.day

    /// A random mix of grants (some delegated, some widening), revocations (some by keys that may
    /// not revoke, some compromised) and jobs and events by the grantees and by strangers.
    static func scenario(using rng: inout Xoshiro) -> [SignedDelta] {
        let moscow = community.publicKey
        var deltas: [SignedDelta] = []
        var grants: [(id: RecordID, grantee: SigningKey)] = []
        var number: UInt64 = 1
        func nextID() -> RecordID {
            defer { number += 1 }
            return DeltaFactory.recordID(number)
        }
        func someKinds() -> [RecordKind] {
            [[.job], [.event], [.job, .event]].randomElement(using: &rng)!
        }
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let parent = grants.isEmpty || Bool.random(using: &rng) ? nil : grants.randomElement(using: &rng)
            let issuer = parent?.grantee ?? community
            let grantee = authors.randomElement(using: &rng)!
            let from = start + UInt64.random(in: 0...3, using: &rng) * day
            let grant = Grants.grant(
                by: issuer,
                in: moscow,
                to: grantee.publicKey,
                kinds: someKinds(),
                from: from,
                until: from + UInt64.random(in: 2...12, using: &rng) * day,
                delegate: Bool.random(using: &rng),
                parent: parent?.id,
                signedAt: start + UInt64.random(in: 0...4, using: &rng) * day
            )
            deltas.append(grant)
            grants.append((grant.delta.record, grantee))
        }
        for _ in 0..<Int.random(in: 0...2, using: &rng) {
            let target = grants.randomElement(using: &rng)!
            let revoker = [community, authors.randomElement(using: &rng)!].randomElement(using: &rng)!
            deltas.append(
                Grants.revocation(
                    nextID(),
                    of: target.id,
                    by: revoker,
                    in: moscow,
                    from: start + UInt64.random(in: 0...10, using: &rng) * day,
                    compromised: Int.random(in: 0..<4, using: &rng) == 0,
                    signedAt: start + 5 * day
                )
            )
        }
        for _ in 0..<Int.random(in: 3...10, using: &rng) {
            let author = authors.randomElement(using: &rng)!
            let at = start + UInt64.random(in: 0...12, using: &rng) * day + 1
            deltas.append(
                Bool.random(using: &rng)
                    ? Grants.job(number, by: author, in: moscow, at: at)
                    : Grants.event(number, by: author, in: moscow, at: at)
            )
            number += 1
        }
        return deltas
    }

    /// What a replica decided: applied, waiting and refused ids.
    struct Decisions: Equatable {
        let kept: Set<DeltaID>
        let waiting: Set<DeltaID>
        let refused: Set<DeltaID>

        init(_ replica: Replica) async throws {
            kept = try await ReplicaSnapshot(replica).keptIDs
            let held = try await replica.heldDeltas(includingRefused: true)
            waiting = Set(held.filter(\.isWaiting).map(\.signed.id))
            refused = Set(held.filter { !$0.isWaiting }.map(\.signed.id))
        }
    }

    @Test("Every arrival order, one by one or in batches, leads to the same applied set, quarantine and refusals")
    func orderIndependence() async throws {
        let now = Self.start + 20 * Self.day
        try await FixedSeeds.check(count: 40) { seed, rng in
            let deltas = Self.scenario(using: &rng)
            var reference: Decisions?
            for _ in 0..<3 {
                let order = deltas.shuffled(using: &rng)
                let decisions = try await TestReplicas.withReplica { replica in
                    var remaining = order[...]
                    while !remaining.isEmpty {
                        let size = Int.random(in: 1...remaining.count, using: &rng)
                        _ = try await replica.apply(remaining.prefix(size).map(\.bytes), now: now, source: "test")
                        remaining = remaining.dropFirst(size)
                    }
                    #expect(try await replica.check().problems == [], "seed \(seed)")
                    return try await Decisions(replica)
                }
                #expect(decisions.kept.count + decisions.waiting.count + decisions.refused.count == deltas.count)
                if let reference {
                    #expect(decisions == reference, "seed \(seed)")
                } else {
                    reference = decisions
                }
            }
        }
    }
}
