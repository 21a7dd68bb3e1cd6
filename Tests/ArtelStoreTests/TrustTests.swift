import ArtelCore
import ArtelStore
import ArtelTestKit
import Foundation
import Testing

/// Real scenarios of partial trust (DESIGN §5), each with deltas signed by real keys and applied to
/// a real replica.
@Suite("Grants, revocations and quarantine")
struct TrustTests {
    let community = TestKeys.techLeaders
    let editor = TestKeys.key(20)
    let volunteer = TestKeys.key(21)
    let intern = TestKeys.key(22)
    let start = DeltaFactory.epoch
    let day = Grants.day
    var moscow: PublicKey { community.publicKey }
    /// The wall clock for every apply: after everything the scenarios sign.
    var now: UInt64 { start + 30 * day }

    func id(_ number: UInt64) -> RecordID { DeltaFactory.recordID(number) }

    /// A year-long grant of jobs and events from the community to the editor, who may delegate.
    func editorGrant(kinds: [RecordKind] = [.job, .event], delegate: Bool = true) -> SignedDelta {
        Grants.grant(
            by: community,
            in: moscow,
            to: editor.publicKey,
            kinds: kinds,
            from: start,
            until: start + 360 * day,
            delegate: delegate,
            signedAt: start
        )
    }

    func apply(_ replica: Replica, _ deltas: [SignedDelta]) async throws -> ApplyReport {
        try await replica.apply(deltas.map(\.bytes), now: now, source: "test")
    }

    func kept(_ replica: Replica) async throws -> Set<DeltaID> { try await ReplicaSnapshot(replica).keptIDs }

    func refusal(_ report: ApplyReport) -> DeltaError.Code? { report.refusals.first?.error.code }

    @Test("An author with a grant writes the kinds it names; other kinds are refused")
    func grantedAuthor() async throws {
        try await TestReplicas.withReplica { replica in
            let job = Grants.job(100, by: editor, in: moscow, at: start + day)
            let digest = DeltaFactory(key: editor, now: start + day).sign(
                DeltaFactory(key: editor, now: start + day).delta(
                    .digest,
                    record: id(101),
                    community: moscow,
                    [Fields.set(.digest, "title", "Дайджест вакансий")]
                )
            )
            let report = try await apply(replica, [editorGrant(), job, digest])
            #expect(report.accepted.map(\.id) == [editorGrant().id, job.id])
            #expect(refusal(report) == .unauthorized)
            #expect(report.refusals.first?.error.message.contains("not digest") == true)
            #expect(try await kept(replica) == [editorGrant().id, job.id])
        }
    }

    @Test("A delta whose grant has not arrived waits in quarantine, unseen, then applies when the grant comes")
    func quarantineThenGrant() async throws {
        try await TestReplicas.withReplica { replica in
            let job = Grants.job(100, by: editor, in: moscow, at: start + day)
            let first = try await apply(replica, [job])
            #expect(first.quarantined == 1 && first.accepted.isEmpty && first.refusals.isEmpty)
            #expect(try await kept(replica).isEmpty)
            #expect(try await replica.list(RecordQuery(kind: .job)).isEmpty)
            let waiting = try await replica.heldDeltas()
            #expect(waiting.map(\.signed.id) == [job.id] && waiting[0].isWaiting)
            #expect(waiting[0].reason.contains("no grant"))

            let second = try await apply(replica, [editorGrant()])
            #expect(second.released.map(\.id) == [job.id])
            #expect(try await kept(replica) == [editorGrant().id, job.id])
            #expect(try await replica.heldDeltas(includingRefused: true).isEmpty)
            #expect(try await replica.check().problems == [])
        }
    }

    @Test("A grant signed by anyone but the community key, with no parent, is forged: it and its deltas are refused")
    func forgedGrant() async throws {
        try await TestReplicas.withReplica { replica in
            let forged = Grants.grant(
                by: volunteer,
                in: moscow,
                to: volunteer.publicKey,
                kinds: [.job],
                from: start,
                until: start + 100 * day,
                signedAt: start
            )
            let job = Grants.job(100, by: volunteer, in: moscow, at: start + day)
            let report = try await apply(replica, [forged, job])
            #expect(report.refusals.map(\.id) == [forged.id, job.id])
            #expect(report.refusals.allSatisfy { $0.error.code == .unauthorized })
            #expect(try await kept(replica).isEmpty)
        }
    }

    @Test("A chain may only narrow: a delegated grant that widens kinds or dates gives nothing")
    func wideningChain() async throws {
        try await TestReplicas.withReplica { replica in
            let wider = Grants.grant(
                by: editor,
                in: moscow,
                to: volunteer.publicKey,
                kinds: [.job, .digest],
                from: start,
                until: start + 100 * day,
                parent: editorGrant().delta.record,
                signedAt: start + day
            )
            let longer = Grants.grant(
                by: editor,
                in: moscow,
                to: intern.publicKey,
                kinds: [.job],
                from: start,
                until: start + 365 * day,
                parent: editorGrant().delta.record,
                signedAt: start + day + 1
            )
            let jobs = [
                Grants.job(100, by: volunteer, in: moscow, at: start + 2 * day),
                Grants.job(101, by: intern, in: moscow, at: start + 2 * day),
            ]
            let report = try await apply(replica, [editorGrant(kinds: [.job])] + [wider, longer] + jobs)
            #expect(report.accepted.map(\.id) == [editorGrant(kinds: [.job]).id])
            let messages = report.refusals.map(\.error.message)
            #expect(messages[0].contains("widens") && messages[1].contains("outside the dates"))
            #expect(report.refusals.count == 4)
        }
    }

    @Test("A chain three grants deep authorizes; one that does not allow delegation stops it")
    func delegationDepth() async throws {
        try await TestReplicas.withReplica { replica in
            let second = Grants.grant(
                by: editor,
                in: moscow,
                to: volunteer.publicKey,
                kinds: [.job],
                from: start,
                until: start + 200 * day,
                delegate: true,
                parent: editorGrant().delta.record,
                signedAt: start + day
            )
            let third = Grants.grant(
                by: volunteer,
                in: moscow,
                to: intern.publicKey,
                kinds: [.job],
                from: start,
                until: start + 100 * day,
                parent: second.delta.record,
                signedAt: start + day
            )
            let fourth = Grants.grant(
                by: intern,
                in: moscow,
                to: TestKeys.key(23).publicKey,
                kinds: [.job],
                from: start,
                until: start + 50 * day,
                parent: third.delta.record,
                signedAt: start + day
            )
            let job = Grants.job(100, by: intern, in: moscow, at: start + 2 * day)
            let report = try await apply(replica, [job, fourth, third, second, editorGrant()])
            // The batch's grants are learnt before any delta of it is decided, whatever their order.
            #expect(Set(report.accepted.map(\.id)) == [editorGrant().id, second.id, third.id, job.id])
            #expect(report.refusals.map(\.id) == [fourth.id])
            #expect(report.refusals.first?.error.message.contains("does not allow delegation") == true)
        }
    }

    @Test("Deltas made after a grant's dates are refused as outside_grant")
    func expiredGrant() async throws {
        try await TestReplicas.withReplica { replica in
            let short = Grants.grant(
                by: community,
                in: moscow,
                to: editor.publicKey,
                kinds: [.job],
                from: start,
                until: start + 5 * day,
                signedAt: start
            )
            let inside = Grants.job(100, by: editor, in: moscow, at: start + 4 * day)
            let after = Grants.job(101, by: editor, in: moscow, at: start + 6 * day)
            let report = try await apply(replica, [short, inside, after])
            #expect(report.accepted.map(\.id) == [short.id, inside.id])
            #expect(report.refusals.map(\.id) == [after.id] && refusal(report) == .outsideGrant)
        }
    }

    @Test(
        "A revoked author keeps writing: what was made before the revocation stays, later deltas are withdrawn or refused"
    )
    func revokedAuthor() async throws {
        try await TestReplicas.withReplica { replica in
            let before = Grants.job(100, by: editor, in: moscow, at: start + day)
            let after = Grants.job(101, by: editor, in: moscow, at: start + 3 * day)
            let later = Grants.job(102, by: editor, in: moscow, at: start + 4 * day)
            #expect(try await apply(replica, [editorGrant(), before, after]).accepted.count == 3)
            #expect(try await replica.list(RecordQuery(kind: .job)).count == 2)

            let revocation = Grants.revocation(
                id(50),
                of: editorGrant().delta.record,
                by: community,
                in: moscow,
                from: start + 2 * day,
                signedAt: start + 2 * day
            )
            let report = try await apply(replica, [revocation, later])
            #expect(report.withdrawn.map(\.id) == [after.id])
            #expect(report.refusals.map(\.id) == [later.id] && refusal(report) == .revoked)
            #expect(try await kept(replica) == [editorGrant().id, before.id, revocation.id])
            #expect(try await replica.list(RecordQuery(kind: .job)).map(\.id) == [id(100)])

            // Replaying the old deltas changes nothing: the kept one is a duplicate, the withdrawn one refused again.
            let replay = try await apply(replica, [before, after])
            #expect(replay.duplicates == 1 && replay.accepted.isEmpty && replay.refusals.map(\.id) == [after.id])
            #expect(try await kept(replica) == [editorGrant().id, before.id, revocation.id])
            #expect(try await replica.check().problems == [])
            let logged = try await replica.refusals(limit: 10)
            #expect(logged.contains { $0.code == .revoked && $0.id == after.id })
        }
    }

    @Test("A compromised revocation voids everything made under the grant, and under grants made from it")
    func compromised() async throws {
        try await TestReplicas.withReplica { replica in
            let delegated = Grants.grant(
                by: editor,
                in: moscow,
                to: volunteer.publicKey,
                kinds: [.job],
                from: start,
                until: start + 100 * day,
                parent: editorGrant().delta.record,
                signedAt: start + day
            )
            let early = Grants.job(100, by: editor, in: moscow, at: start + day)
            let byVolunteer = Grants.job(101, by: volunteer, in: moscow, at: start + day)
            #expect(try await apply(replica, [editorGrant(), delegated, early, byVolunteer]).accepted.count == 4)
            let revocation = Grants.revocation(
                id(50),
                of: editorGrant().delta.record,
                by: community,
                in: moscow,
                from: start + 10 * day,
                compromised: true,
                signedAt: start + 2 * day
            )
            let report = try await apply(replica, [revocation])
            #expect(Set(report.withdrawn.map(\.id)) == [early.id, byVolunteer.id, delegated.id])
            #expect(try await kept(replica) == [editorGrant().id, revocation.id])
            #expect(try await replica.list(RecordQuery(kind: .job)).isEmpty)
            #expect(try await replica.check().problems == [])
        }
    }

    @Test("Only the community key or an issuer up the chain may revoke; an outsider's revocation changes nothing")
    func whoMayRevoke() async throws {
        try await TestReplicas.withReplica { replica in
            let delegated = Grants.grant(
                by: editor,
                in: moscow,
                to: volunteer.publicKey,
                kinds: [.job],
                from: start,
                until: start + 100 * day,
                parent: editorGrant().delta.record,
                signedAt: start + day
            )
            let job = Grants.job(100, by: volunteer, in: moscow, at: start + 3 * day)
            let byOutsider = Grants.revocation(
                id(50),
                of: delegated.delta.record,
                by: intern,
                in: moscow,
                from: start,
                signedAt: start + 2 * day
            )
            let report = try await apply(replica, [editorGrant(), delegated, job, byOutsider])
            #expect(report.accepted.count == 3 && report.refusals.map(\.id) == [byOutsider.id])

            let byEditor = Grants.revocation(
                id(51),
                of: delegated.delta.record,
                by: editor,
                in: moscow,
                from: start + 2 * day,
                signedAt: start + 2 * day
            )
            #expect(try await apply(replica, [byEditor]).withdrawn.map(\.id) == [job.id])
        }
    }

    @Test(
        "An author with a grant in one community holds none in another: its deltas there wait, unseen and never offered"
    )
    func wrongCommunity() async throws {
        try await TestReplicas.withReplica { replica in
            let association = TestKeys.association.publicKey
            let elsewhere = Grants.job(100, by: editor, in: association, at: start + day)
            let report = try await apply(replica, [editorGrant(), elsewhere])
            #expect(report.quarantined == 1)
            let items = try await replica.reconciliationItems(matching: .everything, kinds: .all)
            #expect(!items.map(\.id).contains(elsewhere.id))
        }
    }
}

@Suite("Grant chains")
struct GrantChainTests {
    @Test(
        "A chain is valid up to 8 grants deep, from whichever grant its evaluation starts; deeper grants and loops are not"
    )
    func depth() throws {
        let community = TestKeys.techLeaders
        let keys = (50..<61).map { TestKeys.key(UInt8($0)) }
        let start = DeltaFactory.epoch
        var grants: [SignedDelta] = []
        var parent: RecordID?
        for (depth, grantee) in keys.enumerated() {
            let grant = Grants.grant(
                by: depth == 0 ? community : keys[depth - 1],
                in: community.publicKey,
                to: grantee.publicKey,
                kinds: [.job],
                from: start,
                until: start + 100 * Grants.day,
                delegate: true,
                parent: parent,
                signedAt: start + UInt64(depth)
            )
            grants.append(grant)
            parent = grant.delta.record
        }
        for order in [grants, grants.reversed(), grants.shuffled()] {
            var plane = ControlPlane(community: community.publicKey)
            for grant in order { try plane.insert(grant) }
            let trust = plane.evaluate()
            for (depth, grant) in grants.enumerated() {
                let valid = if case .valid = trust.standings[grant.delta.record] { true } else { false }
                #expect(valid == (depth < Trust.deepestChain), "grant \(depth + 1) deep")
            }
        }
    }

    @Test("Two grants that name each other as parent are invalid, and evaluating them ends")
    func loop() throws {
        let community = TestKeys.techLeaders.publicKey
        let (first, second) = (TestKeys.key(70), TestKeys.key(71))
        let start = DeltaFactory.epoch
        let ids = [
            RecordID.grant(issuer: first.publicKey, timestamp: HLC(milliseconds: start)),
            RecordID.grant(issuer: second.publicKey, timestamp: HLC(milliseconds: start + 1)),
        ]
        var plane = ControlPlane(community: community)
        for (index, issuer) in [first, second].enumerated() {
            try plane.insert(
                Grants.grant(
                    by: issuer,
                    in: community,
                    to: [second, first][index].publicKey,
                    kinds: [.job],
                    from: start,
                    until: start + Grants.day,
                    delegate: true,
                    parent: ids[1 - index],
                    signedAt: start + UInt64(index)
                )
            )
        }
        let trust = plane.evaluate()
        for id in ids {
            guard case .invalid(let error) = trust.standings[id] else {
                Issue.record("grant \(id) should be invalid")
                continue
            }
            #expect(error.message.contains("loops"))
        }
    }
}
