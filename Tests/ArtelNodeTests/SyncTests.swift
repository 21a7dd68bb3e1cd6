import ArtelCore
import ArtelNode
import ArtelStore
import ArtelSync
import ArtelTestKit
import InMemoryLogging
import Testing

@Suite("Nodes converge over TCP", .serialized, .timeLimit(.minutes(10)))
struct SyncTests {
    func post(_ node: InProcessNode, _ factory: DeltaFactory, _ numbers: Range<UInt64>) async throws -> [SignedDelta] {
        let deltas = numbers.map { factory.job($0, offset: $0) }
        _ = try await node.replica.apply(deltas.map(\.bytes), now: nowMilliseconds(), source: "test")
        return deltas
    }

    @Test("Three nodes in a line, each posting, end with the same kept ids and records")
    func line() async throws {
        try await withNodes(3) { nodes in
            let factories = [TestKeys.techLeaders, TestKeys.association, TestKeys.outsider].map {
                DeltaFactory(key: $0, now: nowMilliseconds())
            }
            var all: Set<DeltaID> = []
            for (index, node) in nodes.enumerated() {
                all.formUnion(
                    try await post(node, factories[index], UInt64(index * 100)..<UInt64(index * 100 + 40)).map(\.id)
                )
            }
            try await nodes[1].peer(with: nodes[0])
            try await nodes[2].peer(with: nodes[1])
            for node in nodes {
                #expect(try await eventually { try await node.keptIDs() == all })
            }
            let late = try await post(nodes[2], factories[2], 500..<501)
            #expect(try await eventually { try await nodes[0].keptIDs().contains(late[0].id) })
            let left = try await ReplicaSnapshot(nodes[0].replica)
            let right = try await ReplicaSnapshot(nodes[2].replica)
            #expect(left == right)
        }
    }

    @Test("A delta checked but never stored (its session ended first) comes back with the next reconciliation")
    func checkedButLost() async throws {
        try await withNodes(2) { nodes in
            let factory = DeltaFactory(key: TestKeys.techLeaders, now: nowMilliseconds())
            let deltas = try await post(nodes[0], factory, 0..<3)
            // As if a push of deltas[0] had been checked and its session had ended before storing it.
            nodes[1].context.hub.verified.insert(deltas[0].id)
            try await nodes[1].peer(with: nodes[0])
            #expect(try await eventually { try await nodes[1].keptIDs() == Set(deltas.map(\.id)) })
        }
    }

    @Test("A peer removed while unreachable stops being dialed; added again at its right address, it is dialed there")
    func peerMoves() async throws {
        try await withNodes(2) { nodes in
            let key = nodes[1].key.publicKey
            try await nodes[0].replica.addPeer(key, address: "127.0.0.1:1", now: nowMilliseconds())
            #expect(try await eventually { nodes[0].logged("dial failed") })
            #expect(try await nodes[0].replica.removePeer(key))
            #expect(try await eventually { nodes[0].logged("stopped dialing: the peer was removed") })
            try await nodes[0].peer(with: nodes[1])
            #expect(try await eventually { await nodes[0].context.hub.connected.contains(key) })
        }
    }

    @Test("A forged delta is refused, neither stored nor relayed, and the others keep syncing")
    func forged() async throws {
        try await withNodes(2) { nodes in
            try await nodes[1].peer(with: nodes[0])
            let factory = DeltaFactory(now: nowMilliseconds())
            #expect(try await eventually { await nodes[0].context.hub.connected.count == 1 })
            let good = factory.job(2)
            let refusal = try await TestPeer.session(with: nodes[0]) { peer in
                var forged = factory.job(1).bytes
                forged[forged.count - 3] ^= 0x10
                try await peer.send(.push(forged))
                try await peer.send(.push(good.bytes))
                return try await peer.receive { if case .refuse = $0 { true } else { false } }
            }
            guard case .refuse(_, let code, _) = refusal else {
                Issue.record("no refusal: \(String(describing: refusal))")
                return
            }
            #expect(code == .badSignature)
            #expect(try await eventually { try await nodes[1].keptIDs() == [good.id] })
            #expect(try await nodes[0].keptIDs() == [good.id])
            #expect(try await nodes[0].replica.refusals(limit: 5).contains { $0.code == .badSignature })
        }
    }

    @Test("Nodes reconcile only what both follow; other deltas sent anyway are refused as not followed")
    func follows() async throws {
        try await withNodes(2) { nodes in
            // Node 0 follows everything and holds two communities' jobs; node 1 follows one community.
            try await nodes[1].replica.unfollow(nil, kinds: .all)
            try await nodes[1].replica.follow(TestKeys.techLeaders.publicKey, kinds: .all)
            let mine = try await post(nodes[0], DeltaFactory(key: TestKeys.techLeaders, now: nowMilliseconds()), 0..<5)
            let theirs = try await post(
                nodes[0],
                DeltaFactory(key: TestKeys.association, now: nowMilliseconds()),
                10..<15
            )
            try await nodes[1].peer(with: nodes[0])
            #expect(try await eventually { try await nodes[1].keptIDs() == Set(mine.map(\.id)) })
            #expect(try await nodes[0].keptIDs() == Set((mine + theirs).map(\.id)))
            let reconciled = try #require(nodes[1].logs.entries.last { "\($0.message)" == "reconciled" })
            #expect("\(reconciled.metadata["sync.items"]!)" == "0" && "\(reconciled.metadata["sync.wanted"]!)" == "5")
            let stranger = DeltaFactory(key: TestKeys.association, now: nowMilliseconds()).job(9)
            let refusal = try await TestPeer.session(with: nodes[1]) { peer in
                try await peer.send(.push(stranger.bytes))
                return try await peer.receive { if case .refuse = $0 { true } else { false } }
            }
            #expect(refusal.map { if case .refuse(_, .notFollowed, _) = $0 { true } else { false } } == true)
        }
    }

    @Test("Through a link that delays and keeps breaking, two nodes still converge")
    func unreliableLink() async throws {
        try await withNodes(2) { nodes in
            let deltas = try await post(nodes[0], DeltaFactory(now: nowMilliseconds()), 0..<3_000)
            try await withGremlinProxy(to: nodes[0].address, breakAfter: 40_000...400_000) { proxy in
                try await nodes[1].replica.addPeer(nodes[0].key.publicKey, address: "\(proxy)", now: nowMilliseconds())
                let converged = try await eventually { try await nodes[1].keptIDs() == Set(deltas.map(\.id)) }
                #expect(converged)
                if !converged {
                    print("kept \(try await nodes[1].keptIDs().count)")
                    for entry in nodes[1].logs.entries.suffix(40) { print("node1", entry.message, entry.metadata) }
                    for entry in nodes[0].logs.entries.suffix(20) { print("node0", entry.message, entry.metadata) }
                }
            }
        }
    }
}
