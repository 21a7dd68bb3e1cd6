import ArtelCore
import ArtelStore
import ArtelTestKit
import Testing

/// What a reader without the token sees of people (DESIGN §6): their visibility and their consent,
/// for their own records and the memberships and ties that name them.
@Suite("Consent on public reads")
struct ConsentTests {
    let community = TestKeys.techLeaders
    let now = DeltaFactory.epoch

    func reference(_ number: UInt64) -> Reference {
        Reference(community: community.publicKey, record: DeltaFactory.recordID(number))
    }

    func person(_ number: UInt64, _ name: String, _ extra: [Operation]) -> SignedDelta {
        People.edit(
            number,
            [Fields.set(.person, "display_name", .string(name))] + extra,
            by: community,
            in: community.publicKey,
            at: now
        )
    }

    func publicIDs(_ kind: RecordKind, in replica: Replica) async throws -> Set<RecordID> {
        var query = RecordQuery(kind: kind)
        query.visibilities = [.public]
        return Set(try await replica.records(query).map(\.id))
    }

    @Test("People who withhold consent, and the memberships and ties of people not shown, are not public")
    func consentDecides() async throws {
        try await TestReplicas.withReplica { replica in
            let shown: [Operation] = [Fields.set(.person, "visibility", "public")]
            let deltas: [SignedDelta] = [
                person(1, "Анна Открытая", shown),
                person(2, "Борис Без Профиля", shown + [Fields.set(.person, "consent.profile", .boolean(false))]),
                person(3, "Вера Скрытная", [Fields.set(.person, "visibility", "private")]),
                person(4, "Глеб Без Членства", shown + [Fields.set(.person, "consent.memberships", .boolean(false))]),
                person(5, "Дина Без Связей", shown + [Fields.set(.person, "consent.ties", .boolean(false))]),
            ]
            _ = try await replica.apply(deltas.map(\.bytes), now: now, source: "test")
            #expect(try await publicIDs(.person, in: replica) == Set([1, 4, 5].map(DeltaFactory.recordID)))

            func publicMembership(of number: UInt64) -> SignedDelta {
                let delta = People.membership(of: reference(number), in: community, at: now + 1)
                let factory = DeltaFactory(key: community, now: now + 1)
                return factory.sign(
                    factory.delta(
                        .membership,
                        record: delta.delta.record,
                        community: community.publicKey,
                        delta.delta.operations + [Fields.set(.membership, "visibility", "public")]
                    )
                )
            }
            let memberships = (1...5).map(publicMembership)
            _ = try await replica.apply(memberships.map(\.bytes), now: now, source: "test")
            // Anna's and Dina's (who withheld ties, not memberships); Boris hid his profile, Vera is
            // private, Gleb withheld memberships.
            #expect(
                try await publicIDs(.membership, in: replica) == [
                    memberships[0].delta.record, memberships[4].delta.record,
                ]
            )

            func confirmedTie(_ from: UInt64, _ to: UInt64) -> SignedDelta {
                let tie = People.tie(from: reference(from), to: reference(to), in: community, at: now + 2)
                let factory = DeltaFactory(key: community, now: now + 2)
                return factory.sign(
                    factory.delta(
                        .tie,
                        record: tie.delta.record,
                        community: community.publicKey,
                        tie.delta.operations + [
                            Fields.set(.tie, "visibility", "public"),
                            Fields.set(.tie, "from_confirmed", .boolean(true)),
                            Fields.set(.tie, "to_confirmed", .boolean(true)),
                        ]
                    )
                )
            }
            let ties = [confirmedTie(1, 4), confirmedTie(1, 5), confirmedTie(1, 3), confirmedTie(1, 9)]
            _ = try await replica.apply(ties.map(\.bytes), now: now, source: "test")
            // Glеб withheld memberships only; Дина withheld ties; Вера is private; person 9 is not held here.
            #expect(try await publicIDs(.tie, in: replica) == [ties[0].delta.record])

            // With the token every record is listed, consent or not.
            #expect(try await replica.records(RecordQuery(kind: .membership)).count == 5)
            #expect(try await replica.check().problems.isEmpty)
        }
    }
}
