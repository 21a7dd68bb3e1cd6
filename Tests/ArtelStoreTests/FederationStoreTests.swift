import ArtelCore
import ArtelStore
import ArtelTestKit
import Foundation
import Testing

@Suite("What a replica keeps for federation: follows, peers, transfers")
struct FederationStoreTests {
    let moscow = TestKeys.techLeaders.publicKey
    let association = TestKeys.association.publicKey

    @Test("Follows add and remove kinds per community; 'every community' stands apart; they survive reopening")
    func follows() async throws {
        try await TestFiles.withTemporaryDirectory { directory in
            let replica = try Replica.create(at: "\(directory)/artel.sqlite")
            #expect(try await replica.follows().entries.isEmpty)
            try await replica.follow(moscow, kinds: KindSet([.job]))
            try await replica.follow(moscow, kinds: KindSet([.event, .job]))
            try await replica.follow(nil, kinds: KindSet([.community]))
            let afterUnfollow = try await replica.unfollow(moscow, kinds: KindSet([.job]))
            // Any follow brings the community's control plane (DESIGN §5).
            #expect(afterUnfollow.kinds(in: moscow) == KindSet([.event]).union(.controlPlane))
            #expect(afterUnfollow.kinds(in: association) == KindSet.controlPlane)
            try replica.close()
            let reopened = try Replica.open(at: "\(directory)/artel.sqlite")
            #expect(try await reopened.follows() == afterUnfollow)
            #expect(try await reopened.unfollow(moscow, kinds: .all).kinds(in: moscow) == KindSet.controlPlane)
            try reopened.close()
        }
    }

    @Test(
        "A peer first seen in a session is recorded whole; later records add counts (deltas, bytes) and keep its address"
    )
    func peerRecords() async throws {
        try await TestReplicas.withReplica { replica in
            let seen = TestKeys.key(9).publicKey
            try await replica.recordPeer(
                seen,
                state: .syncing,
                now: 1_000,
                connected: true,
                deltasIn: 3,
                deltasOut: 2,
                refused: 1,
                bytesIn: 1_200,
                bytesOut: 300
            )
            var record = try #require(try await replica.peers().first { $0.key == seen })
            #expect(record.state == .syncing && record.connected == 1_000 && !record.isConfigured)
            #expect(record.deltasIn == 3 && record.deltasOut == 2 && record.refused == 1)
            #expect(record.bytesIn == 1_200 && record.bytesOut == 300)

            try await replica.addPeer(seen, address: "peer.example.org:7400", now: 2_000)
            try await replica.recordPeer(seen, state: .live, now: 3_000, synced: true, deltasIn: 4, bytesIn: 800)
            try await replica.recordPeer(seen, state: .disconnected, now: 4_000, error: "the peer closed")
            record = try #require(try await replica.peers().first { $0.key == seen })
            #expect(record.isConfigured && record.address == "peer.example.org:7400")
            #expect(record.state == .disconnected && record.synced == 3_000 && record.error == "the peer closed")
            #expect(record.deltasIn == 7 && record.connected == 1_000)
            #expect(record.bytesIn == 2_000 && record.bytesOut == 300, "bytes are added, like deltas")

            #expect(try await replica.removePeer(seen))
            #expect(try await !replica.removePeer(seen))
            #expect(try await replica.peers().isEmpty)
        }
    }

    @Test("Deltas by id come back with the ids not kept; new deltas are listed after a row, without bytes")
    func transfers() async throws {
        try await TestReplicas.withReplica { replica in
            let factory = DeltaFactory(key: TestKeys.techLeaders)
            let first = (0..<3).map { factory.job(UInt64($0), offset: UInt64($0)) }
            _ = try await replica.apply(first.map(\.bytes), now: DeltaFactory.epoch + 100, source: "test")
            let absent = DeltaID(Blake2b.hash256([42]))
            let (found, missing) = try await replica.deltas(ids: [first[2].id, absent, first[0].id])
            #expect(found == [first[2].bytes, first[0].bytes] && missing == [absent])

            let (none, mark) = try await replica.changes(after: nil)
            #expect(none.isEmpty)
            let later = (10..<13).map { factory.job(UInt64($0), offset: UInt64($0)) }
            _ = try await replica.apply(later.map(\.bytes), now: DeltaFactory.epoch + 100, source: "test")
            let (changes, last) = try await replica.changes(after: mark)
            #expect(Set(changes.map(\.id)) == Set(later.map(\.id)))
            #expect(changes.allSatisfy { $0.scope == Scope(community: factory.key.publicKey, kind: .job) })
            #expect(try await replica.changes(after: last).changes.isEmpty)

            // The report names the rows its transaction inserted; read up to a row, every row before
            // it counts as seen, even where none is.
            let third = (20..<23).map { factory.job(UInt64($0), offset: UInt64($0)) }
            let report = try await replica.apply(third.map(\.bytes), now: DeltaFactory.epoch + 100, source: "test")
            #expect(report.insertedRows == (last + 1)...(last + 3))
            let (upTo, seen) = try await replica.changes(after: last, before: last + 3)
            #expect(upTo.map(\.row) == [last + 1, last + 2] && seen == last + 2)
            let (beyond, seenBeyond) = try await replica.changes(after: last + 3, before: last + 10)
            #expect(beyond.isEmpty && seenBeyond == last + 9)
        }
    }

    @Test("Reconciliation items cover exactly the followed scopes of the asked kinds, in order")
    func itemsOfFollowedScopes() async throws {
        try await TestReplicas.withReplica { replica in
            let moscowJobs = (0..<5).map { DeltaFactory(key: TestKeys.techLeaders).job(UInt64($0), offset: UInt64($0)) }
            let associationJobs = (0..<5).map {
                DeltaFactory(key: TestKeys.association).job(UInt64(100 + $0), offset: UInt64($0))
            }
            _ = try await replica.apply(
                (moscowJobs + associationJobs).map(\.bytes),
                now: DeltaFactory.epoch + 100,
                source: "test"
            )
            let onlyMoscow = FollowSet([.init(community: moscow, kinds: .all)])
            let items = try await replica.reconciliationItems(matching: onlyMoscow, kinds: KindSet([.job]))
            #expect(Set(items.map(\.id)) == Set(moscowJobs.map(\.id)))
            let everything = try await replica.reconciliationItems(matching: .everything, kinds: KindSet([.job]))
            #expect(everything.count == 10)
            #expect(everything == everything.sorted { ($0.timestamp, $0.id) < ($1.timestamp, $1.id) })
            #expect(try await replica.reconciliationItems(matching: .everything, kinds: KindSet([.grant])).isEmpty)
        }
    }

    @Test("Nodes that only dialed in are forgotten a week after their last session and beyond the cap")
    func strangersLeaveNoLastingTrace() async throws {
        try await TestReplicas.withReplica { replica in
            let day: UInt64 = 86_400_000
            let configured = TestKeys.association.publicKey
            try await replica.addPeer(configured, address: "127.0.0.1:7401", now: 0)
            let old = TestKeys.outsider.publicKey
            try await replica.recordPeer(old, state: .live, now: 0, connected: true)
            try await replica.recordPeer(old, state: .disconnected, now: 1_000)
            // A session that started long ago and still runs is never forgotten.
            let longSession = SigningKey.generate().publicKey
            try await replica.recordPeer(longSession, state: .syncing, now: 0, connected: true)
            try await replica.recordPeer(longSession, state: .live, now: day, synced: true)
            let start = 8 * day
            let strangers = (0..<(Replica.maximumInboundPeers + 40)).map { _ in SigningKey.generate().publicKey }
            for (index, stranger) in strangers.enumerated() {
                try await replica.recordPeer(stranger, state: .live, now: start + UInt64(index), connected: true)
                try await replica.recordPeer(stranger, state: .disconnected, now: start + UInt64(index))
            }
            let peers = try await replica.peers()
            #expect(peers.count == Replica.maximumInboundPeers + 1)
            #expect(peers.contains { $0.key == configured && $0.isConfigured })
            #expect(peers.contains { $0.key == longSession })
            #expect(!peers.contains { $0.key == old }, "a week after its last session")
            #expect(Set(peers.map(\.key)).isSuperset(of: strangers.suffix(Replica.maximumInboundPeers - 1)))
            #expect(Set(peers.filter(\.isShown).map(\.key)) == [configured, longSession], "no past visitor")
        }
    }
}
