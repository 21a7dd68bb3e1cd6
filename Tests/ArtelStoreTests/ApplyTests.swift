import ArtelCore
import ArtelStore
import ArtelTestKit
import Testing

@Suite("Replica.apply")
struct ApplyTests {
    let factory = DeltaFactory()
    let now = DeltaFactory.epoch + 1_000

    @Test("Accepted deltas are stored, merged and materialized; their outcomes come back in order")
    func accepts() async throws {
        try await TestReplicas.withReplica { replica in
            let first = factory.job(1, [Fields.set(.job, "salary_min", .integer(50_000))])
            let second = factory.job(2, title: "Координатор сообщества")
            let report = try await replica.apply([first.bytes, second.bytes], now: now, source: "test")
            #expect(report.accepted.map(\.id) == [first.id, second.id])
            let jobs = try await replica.list(RecordQuery(kind: .job))
            #expect(Set(jobs.compactMap { $0.string("title") }) == ["Комьюнити-менеджер", "Координатор сообщества"])
            let summary = try await replica.summary()
            #expect(summary.deltas == 2 && summary.records[.job] == 2)
        }
    }

    @Test("A delta applied twice is a duplicate; one that wins nothing is superseded and not stored")
    func duplicatesAndSuperseded() async throws {
        try await TestReplicas.withReplica { replica in
            let new = factory.job(1, title: "new", offset: 10)
            let old = factory.job(1, title: "old")
            _ = try await replica.apply([new.bytes], now: now, source: "test")
            let report = try await replica.apply([new.bytes, old.bytes], now: now, source: "test")
            #expect(report.duplicates == 1 && report.superseded == 1 && report.accepted.isEmpty)
            #expect(try await ReplicaSnapshot(replica).keptIDs == [new.id])
        }
    }

    @Test("Deltas that lose their last register are pruned from the replica")
    func prunes() async throws {
        try await TestReplicas.withReplica { replica in
            let old = factory.job(1, title: "old")
            let new = factory.job(1, title: "new", offset: 10)
            _ = try await replica.apply([old.bytes], now: now, source: "test")
            let report = try await replica.apply([new.bytes], now: now, source: "test")
            #expect(report.pruned == 1)
            #expect(try await ReplicaSnapshot(replica).keptIDs == [new.id])
            #expect(try await replica.list(RecordQuery(kind: .job)).first?.string("title") == "new")
        }
    }

    @Test("A delete removes the record from the tables; later edits are refused as deleted, not stored")
    func deletes() async throws {
        try await TestReplicas.withReplica { replica in
            let create = factory.job(1)
            let delete = factory.sign(factory.delta(.job, record: DeltaFactory.recordID(1), offset: 5, [.delete]))
            let edit = factory.job(1, title: "после удаления", offset: 9)
            let report = try await replica.apply([create.bytes, delete.bytes, edit.bytes], now: now, source: "test")
            guard case .recordDeleted = report.outcomes[2] else {
                Issue.record("the edit should be refused as deleted: \(report.outcomes[2])")
                return
            }
            #expect(try await replica.list(RecordQuery(kind: .job)).isEmpty)
            #expect(try await ReplicaSnapshot(replica).keptIDs == [delete.id])
            #expect(
                try await replica.record(
                    .job,
                    Reference(community: factory.key.publicKey, record: DeltaFactory.recordID(1))
                )?.state.isDeleted == true
            )
        }
    }

    @Test("Bad deltas are refused with their reason, logged, and change nothing", arguments: BadDelta.allCases)
    func refusals(bad: BadDelta) async throws {
        try await TestReplicas.withReplica { replica in
            _ = try await replica.apply([factory.job(1).bytes], now: now, source: "test")
            let before = try await ReplicaSnapshot(replica)
            let report = try await replica.apply([bad.bytes(factory, now: now)], now: now, source: "peer 1")
            let refusal = try #require(report.refusals.first)
            #expect(refusal.error.code == bad.code, "\(refusal.error)")
            #expect(try await ReplicaSnapshot(replica) == before)
            let logged = try #require(try await replica.refusals(limit: 1).first)
            #expect(logged.code == bad.code && logged.source == "peer 1" && logged.message == refusal.error.message)
        }
    }

    @Test("Good deltas in a batch are applied even when others in it are refused")
    func mixedBatch() async throws {
        try await TestReplicas.withReplica { replica in
            var tampered = factory.job(2).bytes
            tampered[tampered.count - 1] ^= 1
            let report = try await replica.apply(
                [factory.job(1).bytes, tampered, factory.job(3).bytes],
                now: now,
                source: "test"
            )
            #expect(report.accepted.count == 2 && report.refusals.count == 1)
        }
    }

    @Test("Large inputs are applied in batches with progress, verifying ahead of the writer")
    func batches() async throws {
        try await TestReplicas.withReplica { replica in
            let deltas = (0..<10_500).map { factory.job(UInt64($0), offset: UInt64($0)).bytes }
            var progress: [Int] = []
            let report = try await replica.apply(deltas, now: now + 100_000, source: "test") { done, _ in
                progress.append(done)
            }
            #expect(report.accepted.count == deltas.count)
            // One transaction of the first 500, then the last 10 000 halved again and again.
            #expect(progress == [500, 5_500, 8_000, 9_250, 9_875, 10_188, 10_500])
            #expect(try await replica.count(RecordQuery(kind: .job)) == deltas.count)
        }
    }

    @Test("Accepting a delta moves the node's clock past its timestamp, but at most a minute ahead of its own")
    func clockAdvances() async throws {
        try await TestReplicas.withReplica { replica in
            let near = factory.job(1, offset: 30_000)
            _ = try await replica.apply([near.bytes], now: now, source: "test")
            #expect(try await replica.clock().latest == near.delta.timestamp)
            let far = factory.job(2, offset: 9 * 60_000)
            let report = try await replica.apply([far.bytes], now: now, source: "test")
            #expect(report.accepted.count == 1)
            let latest = try await replica.clock().latest
            #expect(latest < far.delta.timestamp)
            #expect(latest.milliseconds == now + HybridLogicalClock.maximumDrag)
        }
    }
}

/// Kinds of bad delta, each with the refusal it earns.
enum BadDelta: CaseIterable, Sendable {
    case brokenSignature, nonCanonical, truncated, corrupted, futureTimestamp, expired, unauthorized, invalidField,
        garbage

    func bytes(_ factory: DeltaFactory, now: UInt64) -> [UInt8] {
        let good = factory.job(7)
        switch self {
        case .brokenSignature:
            var bytes = good.bytes
            bytes[bytes.count - 10] ^= 0x20
            return bytes
        case .nonCanonical:
            return Array(good.bytes.prefix(98)) + [0x02, 0x02, 0x06, 0x02, 0x01] + good.signature.bytes
        case .truncated:
            return Array(good.bytes.dropLast(3))
        case .corrupted:
            var bytes = good.bytes
            bytes[103] = 0xff  // the first byte of the title: no UTF-8 sequence starts with 0xff
            return bytes
        case .futureTimestamp:
            return factory.job(7, offset: now - DeltaFactory.epoch + 11 * 60_000).bytes
        case .expired:
            return factory.sign(
                factory.delta(.job, record: DeltaFactory.recordID(7), expiry: now, [Fields.set(.job, "title", "x")])
            ).bytes
        case .unauthorized:
            // A grant to itself by a key that is not the community's, resting on no other grant.
            return Grants.grant(
                by: TestKeys.outsider,
                in: factory.key.publicKey,
                to: TestKeys.outsider.publicKey,
                kinds: [.job],
                from: DeltaFactory.epoch,
                until: DeltaFactory.epoch + Grants.day,
                signedAt: DeltaFactory.epoch
            ).bytes
        case .invalidField:
            return factory.job(7, [Fields.set(.job, "work_mode", "sometimes")]).bytes
        case .garbage:
            return Array("not a delta at all".utf8)
        }
    }

    var code: DeltaError.Code {
        switch self {
        case .brokenSignature: .badSignature
        case .nonCanonical: .nonCanonical
        case .truncated: .truncated
        case .corrupted: .invalidUTF8
        case .futureTimestamp: .futureTimestamp
        case .expired: .expired
        case .unauthorized: .unauthorized
        case .invalidField: .unknownEnumValue
        case .garbage: .unsupportedVersion
        }
    }
}
