import ArtelCore
import ArtelNode
import ArtelStore
import ArtelSync
import ArtelTestKit
import Testing

@Suite("Grants and revocations over TCP", .serialized, .timeLimit(.minutes(10)))
struct TrustSyncTests {
    @Test(
        "Deltas that arrive before their grant wait unrelayed; the grant releases them everywhere; a compromised revocation withdraws them everywhere"
    )
    func grantsTravel() async throws {
        try await withNodes(3) { nodes in
            let community = TestKeys.techLeaders
            let editor = TestKeys.key(20)
            let now = nowMilliseconds()
            let grant = Grants.grant(
                by: community,
                in: community.publicKey,
                to: editor.publicKey,
                kinds: [.job],
                from: now - Grants.day,
                until: now + 100 * Grants.day,
                signedAt: now - 60_000
            )
            let jobs = (0..<20).map { Grants.job(100 + $0, by: editor, in: community.publicKey, at: now - 50_000 + $0) }

            // B and C are peers; B receives the editor's jobs from a stranger before any grant.
            try await nodes[2].peer(with: nodes[1])
            #expect(try await eventually { await nodes[1].context.hub.connected.count == 1 })
            try await TestPeer.session(with: nodes[1]) { peer in
                for job in jobs { try await peer.send(.push(job.bytes)) }
                try await peer.send(.ping(1))
                _ = try await peer.receive { if case .pong(1) = $0 { true } else { false } }
            }
            #expect(try await eventually { try await nodes[1].replica.heldDeltas().count == jobs.count })
            #expect(try await nodes[1].keptIDs().isEmpty)
            #expect(try await nodes[2].keptIDs().isEmpty, "B relayed held deltas")
            #expect(try await nodes[2].replica.heldDeltas().isEmpty, "B relayed held deltas")

            // A holds the grant and the jobs; once A and B meet, the grant reaches B and C, B applies
            // what it held and relays it, and every node ends with the same set.
            _ = try await nodes[0].replica.apply([grant.bytes] + jobs.map(\.bytes), now: now, source: "test")
            try await nodes[1].peer(with: nodes[0])
            let everything = Set([grant.id] + jobs.map(\.id))
            for node in nodes {
                #expect(try await eventually { try await node.keptIDs() == everything })
            }
            #expect(try await nodes[1].replica.heldDeltas(includingRefused: true).isEmpty)

            let revocation = Grants.revocation(
                DeltaFactory.recordID(2),
                of: grant.delta.record,
                by: community,
                in: community.publicKey,
                from: now,
                compromised: true,
                signedAt: now - 10_000
            )
            _ = try await nodes[2].replica.apply([revocation.bytes], now: nowMilliseconds(), source: "test")
            for node in nodes {
                #expect(try await eventually { try await node.keptIDs() == [grant.id, revocation.id] })
                #expect(try await node.replica.list(RecordQuery(kind: .job)).isEmpty)
            }
        }
    }

    @Test("A block on one node refuses there only: its peer keeps the blocked deltas, and the session lives on")
    func blockStaysLocal() async throws {
        try await withNodes(2) { nodes in
            let now = nowMilliseconds()
            let blocked = DeltaFactory(key: TestKeys.association, now: now - 60_000)
            let kept = DeltaFactory(key: TestKeys.techLeaders, now: now - 60_000)
            let blockedJobs = (0..<150).map { blocked.job(UInt64($0), offset: UInt64($0)) }
            let keptJobs = (0..<10).map { kept.job(UInt64(1_000 + $0), offset: UInt64($0)) }
            _ = try await nodes[1].replica.apply((blockedJobs + keptJobs).map(\.bytes), now: now, source: "test")
            _ = try await nodes[0].replica.block(TestKeys.association.publicKey, as: .community, reason: nil, now: now)

            try await nodes[0].peer(with: nodes[1])
            #expect(try await eventually { try await nodes[0].keptIDs() == Set(keptJobs.map(\.id)) })
            // More than the 100 refusals a minute that would end a session, none held against the peer.
            #expect(try await eventually { try await nodes[0].replica.refusalCounts().byReason.first?.1 ?? 0 >= 100 })
            let late = kept.job(2_000, offset: 30_000)
            _ = try await nodes[1].replica.apply([late.bytes], now: nowMilliseconds(), source: "test")
            #expect(try await eventually { try await nodes[0].keptIDs().contains(late.id) })
            #expect(!nodes[0].logged("too_many_refusals") && !nodes[1].logged("too_many_refusals"))
            #expect(try await nodes[1].keptIDs() == Set((blockedJobs + keptJobs + [late]).map(\.id)))
        }
    }

    @Test("A private record never appears on the wire: not reconciled, not pushed, not sent to a peer that asks for it")
    func privateStaysHome() async throws {
        try await withNodes(2) { nodes in
            try await nodes[1].peer(with: nodes[0])
            #expect(try await eventually { await nodes[0].context.hub.connected.count == 1 })
            let factory = DeltaFactory(now: nowMilliseconds())
            let person = factory.sign(
                factory.delta(
                    .person,
                    record: DeltaFactory.recordID(1),
                    [Fields.set(.person, "display_name", "Анна"), Fields.set(.person, "visibility", "private")]
                )
            )
            let job = factory.job(2, offset: 1)
            _ = try await nodes[0].replica.apply([person.bytes, job.bytes], now: nowMilliseconds(), source: "test")
            #expect(try await eventually { try await nodes[1].keptIDs().contains(job.id) })
            // Reconciling again, once live (a session still catching up ignores sync now), both planes.
            #expect(try await eventually { nodes[1].logged("caught up") })
            let before = nodes[1].entries("reconciled").count
            await nodes[1].context.hub.syncNow()
            #expect(try await eventually { nodes[1].entries("reconciled").count >= before + 2 })

            // A capturing peer asks for the private delta by id and records every byte it receives.
            let captured = try await TestPeer.session(with: nodes[0]) { peer in
                try await peer.send(.want([person.id, job.id]))
                var seen: [Message] = []
                _ = try await peer.receive(until: { message in
                    seen.append(message)
                    let answered = seen.contains { if case .deltas = $0 { true } else { false } }
                    let refused = seen.contains { if case .missing = $0 { true } else { false } }
                    return answered && refused
                })
                return seen
            }
            let carried = captured.flatMap { message -> [[UInt8]] in
                if case .deltas(let deltas) = message { deltas } else { [] }
            }
            #expect(carried == [job.bytes])
            #expect(captured.contains { if case .missing([person.id]) = $0 { true } else { false } })
            #expect(try await !nodes[1].keptIDs().contains(person.id))
        }
    }

    @Test(
        "An erasure reaches three nodes; a fourth that was offline rejoins and cannot bring the person's memberships and ties back"
    )
    func erasureAcrossNodes() async throws {
        try await withNodes(4) { nodes in
            let community = TestKeys.techLeaders
            let anna = TestKeys.key(40)
            let moscow = community.publicKey
            let now = nowMilliseconds() - 60_000
            let annaRef = Reference(community: moscow, record: DeltaFactory.recordID(1))
            let boris = Reference(community: moscow, record: DeltaFactory.recordID(2))
            let record = [
                People.person(1, name: "Анна", subject: anna.publicKey, by: community, in: moscow, at: now),
                People.person(2, name: "Борис", by: community, in: moscow, at: now),
                People.membership(of: annaRef, in: community, at: now + 1),
                People.tie(from: boris, to: annaRef, in: community, at: now + 1),
            ]
            for node in nodes {
                _ = try await node.replica.apply(record.map(\.bytes), now: nowMilliseconds(), source: "test")
            }
            try await nodes[1].peer(with: nodes[0])
            try await nodes[2].peer(with: nodes[1])

            let erasure = People.delete(1, by: anna, in: moscow, at: now + 10_000)
            _ = try await nodes[0].replica.apply([erasure.bytes], now: nowMilliseconds(), source: "test")
            let remaining: Set<DeltaID> = [record[1].id, erasure.id]
            for node in nodes.prefix(3) {
                #expect(try await eventually { try await node.keptIDs() == remaining })
            }
            #expect(try await nodes[3].keptIDs() == Set(record.map(\.id)), "the offline node still holds them")

            try await nodes[3].peer(with: nodes[2])
            for node in nodes {
                #expect(try await eventually { try await node.keptIDs() == remaining })
                #expect(try await node.replica.list(RecordQuery(kind: .membership)).isEmpty)
                #expect(try await node.replica.list(RecordQuery(kind: .tie)).isEmpty)
            }
            // Node 3 reconciles both planes with node 2 again, once live (a session still catching up
            // ignores sync now); it holds what node 2 holds, so it offers nothing and nothing comes back.
            #expect(try await eventually { nodes[3].logged("caught up") })
            let before = nodes[3].entries("reconciled").count
            await nodes[3].context.hub.syncNow()
            #expect(try await eventually { nodes[3].entries("reconciled").count >= before + 2 })
            let offered = nodes[3].entries("reconciled").dropFirst(before).map { $0["sync.offered"] ?? "?" }
            #expect(offered.allSatisfy { $0 == "0" }, "node 3 offered \(offered) after the rejoin")
            #expect(try await nodes[2].keptIDs() == remaining, "a reconciliation after the rejoin brought them back")
        }
    }
}
