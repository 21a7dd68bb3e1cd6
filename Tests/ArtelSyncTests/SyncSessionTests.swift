import ArtelCore
import ArtelSync
import ArtelTestKit
import Testing

@Suite("SyncSession")
struct SyncSessionTests {
    let moscow = DeltaFactory(key: TestKeys.techLeaders)
    let association = DeltaFactory(key: TestKeys.association)

    func jobs(_ factory: DeltaFactory, _ numbers: Range<UInt64>) -> [SignedDelta] {
        numbers.map { factory.job($0, offset: $0) }
    }

    @Test("Both sides say hello first; the initiator then reconciles the control plane, then the data plane")
    func sequence() {
        var pair = SessionPair(initiator: [], responder: [])
        pair.run()
        #expect(pair.initiator.sent.first.map { if case .hello = $0 { true } else { false } } == true)
        #expect(pair.responder.sent.first.map { if case .hello = $0 { true } else { false } } == true)
        let opens = pair.initiator.sent.compactMap { if case .reconcileOpen(let plane, _) = $0 { plane } else { nil } }
        #expect(opens == [.control, .data])
        #expect(pair.initiator.reports.map(\.plane) == [.control, .data])
        #expect(pair.initiator.session.isLive && pair.responder.session.isLive)
    }

    @Test("Two sides with different deltas end with the union, both ways, whatever the sizes")
    func converges() {
        for (left, right, common) in [(0, 0, 0), (3, 0, 0), (0, 40, 5), (1_500, 2_500, 700)]
            as [(UInt64, UInt64, UInt64)]
        {
            let shared = jobs(moscow, 0..<common)
            let mine = shared + jobs(moscow, 10_000..<(10_000 + left))
            let theirs = shared + jobs(association, 20_000..<(20_000 + right))
            var pair = SessionPair(initiator: mine, responder: theirs)
            pair.run()
            let union = Set(mine.map(\.id)).union(theirs.map(\.id))
            #expect(Set(pair.initiator.deltas.keys) == union, "\(left) \(right) \(common)")
            #expect(Set(pair.responder.deltas.keys) == union, "\(left) \(right) \(common)")
            #expect(pair.initiator.session.isLive)
            #expect(pair.initiator.closed == nil && pair.responder.closed == nil)
        }
    }

    @Test("Wants stay within 1000 ids each and the in-flight limit")
    func boundedWants() {
        var limits = Limits()
        limits.maximumWantedInFlight = 2_500
        var pair = SessionPair(initiator: [], responder: jobs(moscow, 0..<6_000), limits: limits)
        pair.run()
        let wants = pair.initiator.sent.compactMap { if case .want(let ids) = $0 { ids.count } else { nil } }
        #expect(wants.allSatisfy { $0 <= 1_000 } && wants.reduce(0, +) == 6_000)
        #expect(pair.initiator.deltas.count == 6_000)
    }

    @Test("Only what both sides follow is reconciled")
    func sharedScopesOnly() {
        let follows = FollowSet([.init(community: TestKeys.techLeaders.publicKey, kinds: KindSet(.job))])
        var pair = SessionPair(
            initiator: [],
            responder: jobs(moscow, 0..<3) + jobs(association, 10..<13),
            follows: follows
        )
        pair.run()
        #expect(Set(pair.initiator.deltas.values.map(\.delta.community)) == [TestKeys.techLeaders.publicKey])
        #expect(pair.initiator.deltas.count == 3)
    }

    @Test("Pushes flow both ways for shared scopes; those made before the session is live wait for it")
    func pushes() {
        let follows = FollowSet([.init(community: TestKeys.techLeaders.publicKey, kinds: .all)])
        var pair = SessionPair(initiator: [], responder: [], follows: follows)
        let early = moscow.job(1)
        #expect(pair.responder.session.onLocalDelta(early.bytes, scope: early.delta.scope).isEmpty)
        pair.run()
        #expect(Set(pair.initiator.deltas.keys) == [early.id])
        let fresh = moscow.job(2)
        pair.perform(\.initiator, pair.initiator.session.onLocalDelta(fresh.bytes, scope: fresh.delta.scope))
        let other = association.job(3)
        pair.perform(\.initiator, pair.initiator.session.onLocalDelta(other.bytes, scope: other.delta.scope))
        let back = moscow.job(4)
        pair.perform(\.responder, pair.responder.session.onLocalDelta(back.bytes, scope: back.delta.scope))
        pair.settle()
        #expect(Set(pair.responder.deltas.keys) == [fresh.id])
        #expect(Set(pair.initiator.deltas.keys) == [early.id, back.id])
    }

    @Test("When too many pushes wait for the first reconciliation, the initiator reconciles again at once")
    func droppedPushesReconcile() {
        var pair = SessionPair(initiator: [], responder: [])
        let deltas = (0..<UInt64(SyncSession.maximumWaitingPushes + 1)).map { moscow.job($0) }
        pair.responder.deltas = Dictionary(uniqueKeysWithValues: deltas.map { ($0.id, $0) })
        for delta in deltas { _ = pair.initiator.session.onLocalDelta(delta.bytes, scope: delta.delta.scope) }
        pair.run()
        pair.perform(\.initiator, pair.initiator.session.onTick(now: pair.now))
        pair.settle()
        let opens = pair.initiator.sent.filter { if case .reconcileOpen = $0 { true } else { false } }.count
        #expect(opens == 4)
    }

    @Test("A version this side does not speak gets a typed answer, not a hang")
    func unsupportedVersion() {
        var session = SyncSession(
            .init(hello: Hello(nodeName: "a", software: "t", follows: .everything), role: .responder)
        )
        _ = session.onStart(now: 0)
        let directives = session.onMessage(
            .hello(Hello(version: 9, nodeName: "z", software: "t", follows: .everything)),
            now: 1
        )
        #expect(directives.count == 3)
        #expect(directives.first == .send(.versionUnsupported(1...1)))
        #expect(directives.contains { if case .send(.goodbye(.unsupportedVersion, _)) = $0 { true } else { false } })
        #expect(directives.last.map { if case .close(.unsupportedVersion, _) = $0 { true } else { false } } == true)
        #expect(session.isClosed)
    }

    @Test("A node told its version is unsupported says goodbye with code 1")
    func toldVersionUnsupported() {
        var session = SyncSession(
            .init(hello: Hello(nodeName: "a", software: "t", follows: .everything), role: .initiator)
        )
        _ = session.onStart(now: 0)
        let directives = session.onMessage(.versionUnsupported(2...3), now: 1)
        #expect(directives.contains { if case .send(.goodbye(.unsupportedVersion, _)) = $0 { true } else { false } })
        #expect(directives.contains { if case .close(.unsupportedVersion, _) = $0 { true } else { false } })
    }

    @Test(
        "A peer's goodbye is answered with a goodbye, before and after its hello",
        arguments: [false, true]
    )
    func goodbyeIsAnswered(afterHello: Bool) {
        var session = SyncSession(
            .init(hello: Hello(nodeName: "a", software: "t", follows: .everything), role: .responder)
        )
        _ = session.onStart(now: 0)
        if afterHello {
            _ = session.onMessage(.hello(Hello(nodeName: "z", software: "t", follows: .everything)), now: 1)
        }
        let directives = session.onMessage(.goodbye(.duplicateSession, "both dialed"), now: 2)
        #expect(directives.first == .send(.goodbye(.normal, "goodbye")))
        #expect(directives.last.map { if case .close(.normal, _) = $0 { true } else { false } } == true)
        #expect(session.isClosed)
        #expect(session.onShutdown().isEmpty, "a closed session says goodbye once")
    }

    @Test("A peer's malformed reconciliation is refused in words, never with a type name")
    func malformedReconciliationInWords() {
        var session = SyncSession(
            .init(hello: Hello(nodeName: "a", software: "t", follows: .everything), role: .responder)
        )
        _ = session.onStart(now: 0)
        _ = session.onMessage(.hello(Hello(nodeName: "z", software: "t", follows: .everything)), now: 1)
        #expect(session.onMessage(.reconcileOpen(.data, payload: [0x61, 0x81]), now: 2).count == 1)
        let reasons = session.onItems(.data, [], now: 3).compactMap { directive -> String? in
            switch directive {
            case .send(.goodbye(_, let reason)), .send(.reconcileError(_, _, let reason)): reason
            default: nil
            }
        }
        #expect(reasons.count == 2)
        for reason in reasons {
            #expect(reason.contains("it ends inside a value") && !reason.contains("ArtelSync"), "\(reason)")
        }
    }

    @Test("Refusals for this node's own reasons never end an honest peer's session")
    func localRefusalsAreNotCounted() {
        var session = SyncSession(
            .init(hello: Hello(nodeName: "a", software: "t", follows: .everything), role: .responder)
        )
        _ = session.onStart(now: 0)
        _ = session.onMessage(.hello(Hello(nodeName: "z", software: "t", follows: .everything)), now: 1)
        let codes: [DeltaError.Code] = [.localLimit, .recordDeleted, .blocked, .erased, .notFollowed]
        var closed = false
        for round in 0..<50 {
            let results = (0..<100).map { index in
                SyncSession.Applied(
                    id: nil,
                    refusal: DeltaError(codes[(round + index) % codes.count], "the quarantine is full")
                )
            }
            closed =
                closed || session.onApplied(results, now: 2).contains { if case .close = $0 { true } else { false } }
        }
        #expect(!closed && !session.isClosed)
        let bad = (0..<1_000).map { _ in SyncSession.Applied(id: nil, refusal: DeltaError(.badSignature, "forged")) }
        let cutOff = session.onApplied(bad, now: 3)
        #expect(cutOff.contains { if case .close(.tooManyRefusals, _) = $0 { true } else { false } })
        #expect(cutOff.last == .keepAway(until: 3 + 600_000), "kept away for the configured time")
    }

    @Test(
        "Protocol violations end the session with a code",
        arguments: [
            (Message.want([]), WireCode.protocolViolation),
            (.push([1]), .protocolViolation),
        ]
    )
    func firstMessageMustBeHello(message: Message, code: WireCode) {
        var session = SyncSession(
            .init(hello: Hello(nodeName: "a", software: "t", follows: .everything), role: .responder)
        )
        _ = session.onStart(now: 0)
        let directives = session.onMessage(message, now: 1)
        #expect(directives.contains { if case .close(code, _) = $0 { true } else { false } })
    }

    @Test("A want of more than 1000 ids ends the session")
    func tooManyIDs() {
        var session = helloed(.responder)
        let directives = session.onMessage(.want((0..<1_001).map { _ in DeltaID(Bytes32.zero) }), now: 2)
        #expect(directives.contains { if case .close(.tooManyIDs, _) = $0 { true } else { false } })
    }

    @Test("A peer whose deltas keep being refused is disconnected; refusals are answered one by one")
    func tooManyRefusals() {
        var session = helloed(.responder)
        var closed = false
        for round in 0..<11 {
            let results = (0..<10).map { _ in SyncSession.Applied(id: nil, refusal: DeltaError(.badSignature, "bad")) }
            let directives = session.onApplied(results, now: 100 + UInt64(round))
            #expect(directives.filter { if case .send(.refuse) = $0 { true } else { false } }.count == 10)
            closed = directives.contains { if case .close(.tooManyRefusals, _) = $0 { true } else { false } }
        }
        #expect(closed)
    }

    @Test("A silent peer is pinged, then dropped")
    func idle() {
        var session = helloed(.initiator)
        let isPing = { (directive: SyncSession.Directive) in if case .send(.ping) = directive { true } else { false } }
        #expect(!session.onTick(now: 29_000).contains(where: isPing))
        let ping = session.onTick(now: 31_000)
        #expect(ping.contains(where: isPing))
        let end = session.onTick(now: 121_000)
        #expect(end.contains { if case .close(.idleTimeout, _) = $0 { true } else { false } })
    }

    @Test("A live initiator reconciles again after its interval, with jitter")
    func periodicReconciliation() {
        var pair = SessionPair(initiator: [], responder: [])
        pair.run()
        let opens = { (pair: SessionPair) in
            pair.initiator.sent.filter { if case .reconcileOpen = $0 { true } else { false } }.count
        }
        #expect(opens(pair) == 2)
        pair.perform(\.initiator, pair.initiator.session.onTick(now: pair.now + 47_000))
        #expect(opens(pair) == 2)
        pair.now += 73_000
        pair.perform(\.responder, pair.responder.session.onTick(now: pair.now - 1))
        pair.perform(\.initiator, pair.initiator.session.onTick(now: pair.now))
        pair.settle()
        #expect(opens(pair) == 4)
        #expect(pair.initiator.caughtUp == 1, "caught up once, not at every reconciliation")
    }

    @Test("Each reconciliation reports its items, round trips, bytes, and what it found")
    func reports() throws {
        let shared = jobs(moscow, 0..<3_000)
        var pair = SessionPair(
            initiator: shared + jobs(moscow, 10_000..<10_007),
            responder: shared + jobs(association, 20_000..<20_013)
        )
        pair.now = DeltaFactory.epoch + 5
        pair.run()
        let data = try #require(pair.initiator.reports.last)
        #expect(data.plane == .data && data.items == 3_007)
        #expect(data.offered == 7 && data.wanted == 13)
        let replies = pair.initiator.sent.count { if case .reconcileMessage(.data, _) = $0 { true } else { false } }
        #expect(data.roundTrips == replies + 1, "every message but the open answers a reply, and the close the last")
        let sent = pair.initiator.sent.reduce(0) { total, message in
            switch message {
            case .reconcileOpen(.data, let payload), .reconcileMessage(.data, let payload): total + payload.count
            default: total
            }
        }
        let received = pair.responder.sent.reduce(0) { total, message in
            if case .reconcileMessage(.data, let payload) = message { total + payload.count } else { total }
        }
        #expect(data.bytesSent == sent && data.bytesReceived == received)
        #expect(pair.initiator.caughtUp == 1 && pair.responder.caughtUp == 1)
    }

    @Test("A want for deltas no longer kept is answered with missing")
    func answersMissing() {
        var session = helloed(.responder)
        let id = moscow.job(1).id
        #expect(session.onMessage(.want([id]), now: 2) == [.loadDeltas([id], .answer)])
        #expect(session.onDeltasLoaded(.answer, [], missing: [id], now: 3) == [.send(.missing([id]))])
    }

    @Test("Missing deltas stop being waited for, and the session goes live")
    func waitsNoLongerForMissing() {
        let gone = moscow.job(1)
        var pair = SessionPair(initiator: [], responder: [gone])
        pair.responder.lost = [gone.id]
        pair.run()
        #expect(pair.responder.sent.contains(.missing([gone.id])))
        #expect(pair.initiator.session.isLive && pair.initiator.deltas.isEmpty)
    }

    @Test("Refused deltas are answered with refuse, and the session carries on")
    func refusesBadDeltas() {
        var pair = SessionPair(initiator: [moscow.job(1, title: "плохая")], responder: [])
        pair.responder.refuseTitle = "плохая"
        pair.run()
        #expect(pair.responder.sent.contains { if case .refuse(_, .badSignature, _) = $0 { true } else { false } })
        #expect(pair.responder.deltas.isEmpty && pair.initiator.session.isLive && pair.responder.closed == nil)
    }

    private func helloed(_ role: SyncSession.Role) -> SyncSession {
        var session = SyncSession(.init(hello: Hello(nodeName: "a", software: "t", follows: .everything), role: role))
        _ = session.onStart(now: 0)
        _ = session.onMessage(.hello(Hello(nodeName: "b", software: "t", follows: .everything)), now: 1)
        return session
    }
}
