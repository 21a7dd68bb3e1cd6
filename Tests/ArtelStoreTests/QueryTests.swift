import ArtelCore
import ArtelStore
import ArtelTestKit
import Testing

@Suite("Replica.list filters")
struct QueryTests {
    let moscow = DeltaFactory(key: TestKeys.techLeaders)
    let association = DeltaFactory(key: TestKeys.association)
    let now = DeltaFactory.epoch + 1_000
    let day: Int64 = 86_400_000

    /// Four jobs from two communities, in the shapes of the seed digests.
    func jobs() -> [SignedDelta] {
        let posted = Int64(DeltaFactory.epoch)
        return [
            moscow.job(
                1,
                title: "Комьюнити-менеджер",
                [
                    Fields.set(.job, "employer", "Studio-29"), Fields.set(.job, "salary_min", .integer(50_000)),
                    Fields.set(.job, "salary_currency", "RUB"), Fields.set(.job, "work_mode", "remote"),
                    Fields.add(.job, "tags", "part_time"),
                    Fields.set(.job, "duties", "заниматься продвижением закрытого сообщества «Взгляд на 360»"),
                    Fields.set(.job, "date_posted", .timestamp(posted - 10 * day)), Fields.set(.job, "status", "open"),
                ]
            ),
            moscow.job(
                2,
                title: "Менеджер программы амбассадоров",
                [
                    Fields.set(.job, "employer", "Runlab"), Fields.set(.job, "salary_min", .integer(90_000)),
                    Fields.set(.job, "salary_max", .integer(120_000)), Fields.set(.job, "salary_currency", "RUB"),
                    Fields.set(.job, "work_mode", "onsite"), Fields.set(.job, "location.city", "Москва"),
                    Fields.set(.job, "date_posted", .timestamp(posted - 2 * day)), Fields.set(.job, "status", "filled"),
                ]
            ),
            association.job(
                3,
                title: "Community lead",
                [
                    Fields.set(.job, "employer", "Ёлка Tech"), Fields.set(.job, "salary_max", .integer(3_000)),
                    Fields.set(.job, "salary_currency", "EUR"), Fields.set(.job, "work_mode", "remote"),
                    Fields.add(.job, "tags", "english"), Fields.set(.job, "date_posted", .timestamp(posted - 1 * day)),
                ]
            ),
            association.job(
                4,
                title: "Модератор чата",
                [Fields.set(.job, "date_posted", .timestamp(posted - 30 * day))]
            ),
        ]
    }

    func titles(_ replica: Replica, _ configure: (inout RecordQuery) -> Void) async throws -> [String] {
        var query = RecordQuery(kind: .job)
        configure(&query)
        return try await replica.list(query).compactMap { $0.string("title") }
    }

    @Test("Each filter narrows the jobs as a user would expect")
    func jobFilters() async throws {
        try await TestReplicas.withReplica { replica in
            _ = try await replica.apply(jobs().map(\.bytes), now: now, source: "test")
            #expect(
                try await titles(replica) { _ in } == [
                    "Community lead", "Менеджер программы амбассадоров", "Комьюнити-менеджер", "Модератор чата",
                ]
            )
            #expect(try await titles(replica) { $0.text = "сообщества" } == ["Комьюнити-менеджер"])
            // Every case of the words, plural and instrumental ones too.
            for form in ["менеджеров", "менеджерам", "менеджером", "менеджерами", "сообществом", "сообществами"] {
                #expect(try await titles(replica) { $0.text = form }.contains("Комьюнити-менеджер"), "\(form)")
            }
            #expect(try await titles(replica) { $0.text = "сообщество продвижение" } == ["Комьюнити-менеджер"])
            #expect(try await titles(replica) { $0.text = "КОМЬЮНИТИ менедж" } == ["Комьюнити-менеджер"])
            #expect(try await titles(replica) { $0.text = "елка" } == ["Community lead"])
            #expect(try await titles(replica) { $0.text = "Runlab москва" } == ["Менеджер программы амбассадоров"])
            #expect(
                try await titles(replica) { $0.communities = [TestKeys.association.publicKey] } == [
                    "Community lead", "Модератор чата",
                ]
            )
            #expect(try await titles(replica) { $0.tags = ["part_time"] } == ["Комьюнити-менеджер"])
            #expect(
                try await titles(replica) { $0.workModes = ["remote"] } == ["Community lead", "Комьюнити-менеджер"]
            )
            #expect(
                try await titles(replica) {
                    $0.salaryAtLeast = 60_000
                    $0.currency = "RUB"
                } == ["Менеджер программы амбассадоров"]
            )
            #expect(
                try await titles(replica) {
                    $0.salaryAtMost = 60_000
                    $0.currency = "RUB"
                } == ["Комьюнити-менеджер"]
            )
            #expect(
                try await titles(replica) { $0.from = Int64(DeltaFactory.epoch) - 5 * day } == [
                    "Community lead", "Менеджер программы амбассадоров",
                ]
            )
            #expect(try await titles(replica) { $0.until = Int64(DeltaFactory.epoch) - 20 * day } == ["Модератор чата"])
            #expect(try await titles(replica) { $0.status = "filled" } == ["Менеджер программы амбассадоров"])
            #expect(
                try await titles(replica) {
                    $0.limit = 1
                    $0.offset = 1
                } == ["Менеджер программы амбассадоров"]
            )
            #expect(try await replica.count(RecordQuery(kind: .job)) == 4)
        }
    }

    @Test("Search punctuation and quotes are words, never query syntax")
    func searchIsSafe() async throws {
        try await TestReplicas.withReplica { replica in
            _ = try await replica.apply(jobs().map(\.bytes), now: now, source: "test")
            #expect(
                try await titles(replica) { $0.text = "\"Runlab\" * ( - ^ :" } == ["Менеджер программы амбассадоров"]
            )
            #expect(try await titles(replica) { $0.text = "   " }.count == 4)
        }
    }

    @Test("Search follows edits and deletes")
    func searchFollowsChanges() async throws {
        try await TestReplicas.withReplica { replica in
            _ = try await replica.apply(jobs().map(\.bytes), now: now, source: "test")
            let renamed = moscow.job(1, title: "Координатор клуба", offset: 10)
            let deleted = association.sign(
                association.delta(.job, record: DeltaFactory.recordID(4), offset: 10, [.delete])
            )
            _ = try await replica.apply([renamed.bytes, deleted.bytes], now: now, source: "test")
            #expect(try await titles(replica) { $0.text = "комьюнити" }.isEmpty)
            #expect(try await titles(replica) { $0.text = "клуба" } == ["Координатор клуба"])
            #expect(try await titles(replica) { $0.text = "модератор" }.isEmpty)
            let problems = try await replica.check().problems
            #expect(problems.isEmpty, "\(problems)")
        }
    }

    @Test("Events filter by date range, type and text")
    func events() async throws {
        try await TestReplicas.withReplica { replica in
            let start = Int64(DeltaFactory.epoch) + 3 * day
            func event(_ number: UInt64, _ title: String, type: String, startsIn days: Int64) -> SignedDelta {
                let begins = start + days * day
                return moscow.sign(
                    moscow.delta(
                        .event,
                        record: DeltaFactory.recordID(number),
                        [
                            Fields.set(.event, "title", title), Fields.set(.event, "type", type),
                            Fields.set(.event, "start", .timestamp(begins)),
                            Fields.set(.event, "end", .timestamp(begins + 7_200_000)),
                        ]
                    )
                )
            }
            let deltas = [
                event(1, "Вебинар о модерации", type: "webinar", startsIn: 0),
                event(2, "Митап лидеров", type: "meetup", startsIn: 10),
                event(3, "Мастермайнд", type: "mastermind", startsIn: 20),
            ]
            _ = try await replica.apply(deltas.map(\.bytes), now: now, source: "test")
            func list(_ configure: (inout RecordQuery) -> Void) async throws -> [String] {
                var query = RecordQuery(kind: .event)
                configure(&query)
                return try await replica.list(query).compactMap { $0.string("title") }
            }
            #expect(try await list { _ in } == ["Вебинар о модерации", "Митап лидеров", "Мастермайнд"])
            #expect(
                try await list {
                    $0.from = start + 5 * day
                    $0.until = start + 15 * day
                } == ["Митап лидеров"]
            )
            #expect(try await list { $0.type = "mastermind" } == ["Мастермайнд"])
            #expect(try await list { $0.text = "модерац" } == ["Вебинар о модерации"])
        }
    }

    @Test("Filters that do not apply to a kind are refused with a message that names them")
    func inapplicableFilters() async throws {
        try await TestReplicas.withReplica { replica in
            var query = RecordQuery(kind: .person)
            query.salaryAtLeast = 1
            let error = try await #require(throws: StoreError.self) { try await replica.list(query) }
            #expect(error.code == .invalidInput && error.message.contains("salary"))
            var tie = RecordQuery(kind: .tie)
            tie.text = "x"
            await #expect(throws: StoreError.self) { try await replica.list(tie) }
        }
    }

    @Test("Names match whatever the case, Cyrillic included, and ё matches е")
    func namesIgnoreCase() async throws {
        try await TestReplicas.withReplica { replica in
            let people = ["Анна Смирнова", "Алёна Ёжикова", "Anna Smith"].enumerated().map { index, name in
                moscow.sign(
                    moscow.delta(
                        .person,
                        record: DeltaFactory.recordID(UInt64(index)),
                        [Fields.set(.person, "display_name", name)]
                    )
                )
            }
            _ = try await replica.apply(people.map(\.bytes), now: now, source: "test")
            func names(_ text: String) async throws -> [String] {
                var query = RecordQuery(kind: .person)
                query.text = text
                return try await replica.list(query).compactMap { $0.string("display_name") }
            }
            #expect(try await names("анна") == ["Анна Смирнова"])
            #expect(try await names("СМИРНОВА анна") == ["Анна Смирнова"])
            #expect(try await names("алена ежикова") == ["Алёна Ёжикова"])
            #expect(try await names("ANNA") == ["Anna Smith"])
            #expect(try await names("50%_") == [])
        }
    }

    @Test("Memberships and ties filter by person")
    func byPerson() async throws {
        try await TestReplicas.withReplica { replica in
            let person = Reference(community: moscow.key.publicKey, record: DeltaFactory.recordID(10))
            let other = Reference(community: moscow.key.publicKey, record: DeltaFactory.recordID(11))
            let profile = Reference.community(moscow.key.publicKey)
            let membership = moscow.sign(
                moscow.delta(
                    .membership,
                    record: .membership(person: person, community: profile),
                    [
                        Fields.set(.membership, "person", .reference(person)),
                        Fields.set(.membership, "community", .reference(profile)),
                        Fields.add(.membership, "roles", "leader"),
                    ]
                )
            )
            let tie = moscow.sign(
                moscow.delta(
                    .tie,
                    record: .tie(from: other, to: person, type: "mentors"),
                    [
                        Fields.set(.tie, "from", .reference(other)), Fields.set(.tie, "to", .reference(person)),
                        Fields.set(.tie, "type", "mentors"),
                    ]
                )
            )
            _ = try await replica.apply([membership.bytes, tie.bytes], now: now, source: "test")
            var memberships = RecordQuery(kind: .membership)
            memberships.person = person
            #expect(try await replica.list(memberships).count == 1)
            var ties = RecordQuery(kind: .tie)
            ties.person = person
            #expect(try await replica.list(ties).count == 1)
            ties.person = profile
            #expect(try await replica.list(ties).isEmpty)
        }
    }
}
