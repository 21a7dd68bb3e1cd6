import ArtelCore
import ArtelTestKit
import Testing

@Suite("Validation of each kind")
struct ValidationTests {
    let factory = DeltaFactory()

    func check(
        _ kind: RecordKind,
        record: RecordID = DeltaFactory.recordID(1),
        expiry: UInt64? = nil,
        _ operations: [Operation]
    ) throws(DeltaError) {
        try kind.schema.validate(factory.delta(kind, record: record, expiry: expiry, operations))
    }

    func refusal(
        _ kind: RecordKind,
        record: RecordID = DeltaFactory.recordID(1),
        expiry: UInt64? = nil,
        _ operations: [Operation]
    ) -> DeltaError? {
        do {
            try check(kind, record: record, expiry: expiry, operations)
            return nil
        } catch {
            return error
        }
    }

    @Test("A realistic job passes")
    func realisticJob() throws {
        try check(
            .job,
            [
                Fields.set(.job, "title", "Комьюнити-менеджер"), Fields.set(.job, "employer", "Runlab"),
                Fields.set(.job, "salary_min", .integer(50_000)), Fields.set(.job, "salary_max", .integer(80_000)),
                Fields.set(.job, "salary_currency", "RUB"), Fields.set(.job, "salary_period", "month"),
                Fields.add(.job, "employment", "part_time"), Fields.set(.job, "work_mode", "remote"),
                Fields.set(.job, "apply_url", "https://t.me/runlab_jobs"),
                Fields.add(.job, "sources", "telegram:1234 https://t.me/c/1/2"),
                Fields.set(.job, "description", "Что нужно делать:\n— создавать контент;\n— проводить мероприятия"),
            ]
        )
    }

    @Test(
        "A text's limit counts Unicode scalars, whatever bytes they take",
        arguments: [
            String(repeating: "я", count: 200), String(repeating: "🙂", count: 200),
            "e\u{301}" + String(repeating: "x", count: 198),
        ]
    )
    func limitInCharacters(title: String) throws {
        try check(.job, [Fields.set(.job, "title", title), Fields.set(.job, "employer", "Яндекс")])
    }

    @Test(
        "A refused text says which control character it holds; a description may hold line breaks and tabs",
        arguments: [
            (Fields.set(.job, "title", "tab\tin a title"), "title contains control character U+9"),
            (Fields.set(.job, "title", "Вакансия:\nкомьюнити-менеджер"), "title contains a line break"),
            (
                Fields.set(.job, "description", "Обязанности:\n\t– встречи\u{7F}"),
                "description contains control character U+7F"
            ),
            (Fields.set(.job, "description", "Обязанности:\n\t– встречи\n\t– рассылки"), nil),
        ] as [(Operation, String?)]
    )
    func controlCharacters(operation: Operation, message: String?) {
        let error = refusal(
            .job,
            [Fields.set(.job, "title", "Комьюнити-менеджер"), operation].filter {
                $0.field != operation.field || $0 == operation
            }
        )
        #expect(error?.message == message)
    }

    @Test(
        "Each refusal names the field at fault",
        arguments: [
            (Fields.set(.job, "title", String(repeating: "я", count: 201)), DeltaError.Code.fieldTooLong, "title"),
            (Fields.set(.job, "title", String(repeating: "🙂", count: 201)), .fieldTooLong, "title"),
            (Fields.set(.job, "title", "tab\tin a title"), .invalidField, "title"),
            (Fields.set(.job, "description", "delete\u{7F}"), .invalidField, "description"),
            (Fields.set(.job, "title", ""), .invalidField, "title"),
            (Fields.set(.job, "title", "two\nlines"), .invalidField, "title"),
            (Fields.set(.job, "description", "bell\u{07}"), .invalidField, "description"),
            (Fields.clear(.job, "title"), .requiredField, "title"),
            (Fields.set(.job, "work_mode", "sometimes"), .unknownEnumValue, "work_mode"),
            (Fields.add(.job, "employment", "forever"), .unknownEnumValue, "employment"),
            (Fields.set(.job, "salary_currency", "RUR"), .invalidField, "salary_currency"),
            (Fields.set(.job, "salary_currency", "rub"), .invalidField, "salary_currency"),
            (Fields.set(.job, "salary_min", .integer(-1)), .invalidField, "salary_min"),
            (Fields.set(.job, "salary_min", .string("50000")), .invalidField, "salary_min"),
            (Fields.set(.job, "apply_url", "javascript:alert(1)"), .invalidURL, "apply_url"),
            (Fields.set(.job, "apply_url", "https://"), .invalidURL, "apply_url"),
            (Fields.set(.job, "apply_url", "see our site"), .invalidURL, "apply_url"),
            (Fields.set(.job, "tags", "remote"), .invalidField, "tags"),
            (Fields.add(.job, "title", "x"), .invalidField, "title"),
            (Fields.add(.job, "sources", "hh.ru"), .invalidField, "sources"),
            (Fields.set(.job, "date_posted", .timestamp(300_000_000_000_000)), .invalidField, "date_posted"),
        ]
    )
    func fieldRefusals(operation: Operation, code: DeltaError.Code, field: String) throws {
        let error = try #require(
            refusal(
                .job,
                [Fields.set(.job, "employer", "Яндекс"), operation].filter {
                    $0.field != operation.field || $0 == operation
                }
            )
        )
        #expect(error.code == code)
        #expect(error.message.hasPrefix(field), "\(error.message)")
    }

    @Test("Ranges must be in order when a delta sets both ends")
    func ranges() throws {
        let salary = try #require(
            refusal(
                .job,
                [
                    Fields.set(.job, "salary_min", .integer(90_000)), Fields.set(.job, "salary_max", .integer(50_000)),
                ]
            )
        )
        #expect(salary.code == .invertedRange && salary.message.contains("salary_min"))
        let event = try #require(
            refusal(
                .event,
                [
                    Fields.set(.event, "title", "Митап"),
                    Fields.set(.event, "start", .timestamp(Int64(DeltaFactory.epoch) + 7_200_000)),
                    Fields.set(.event, "end", .timestamp(Int64(DeltaFactory.epoch))),
                ]
            )
        )
        #expect(event.code == .invertedRange && event.message.contains("start"))
    }

    @Test("Expiry follows the kind: jobs 120 days, digests a year, events 30 days after the end, people never")
    func expiry() {
        let day: UInt64 = 86_400_000
        let now = DeltaFactory.epoch
        #expect(refusal(.job, expiry: now + 120 * day, [Fields.set(.job, "title", "x")]) == nil)
        #expect(refusal(.job, expiry: now + 121 * day, [Fields.set(.job, "title", "x")])?.code == .invalidExpiry)
        #expect(refusal(.job, expiry: 0, [Fields.set(.job, "title", "x")])?.code == .invalidExpiry)
        #expect(refusal(.job, expiry: now - 1, [Fields.set(.job, "title", "x")])?.code == .invalidExpiry)
        #expect(refusal(.digest, expiry: now + 365 * day, [Fields.set(.digest, "title", "x")]) == nil)
        #expect(refusal(.digest, expiry: now + 366 * day, [Fields.set(.digest, "title", "x")])?.code == .invalidExpiry)
        #expect(
            refusal(.person, expiry: now + day, [Fields.set(.person, "display_name", "Анна")])?.code == .invalidExpiry
        )
        let end = Int64(now + 200 * day)
        let schedule = [
            Fields.set(.event, "title", "Конференция"), Fields.set(.event, "start", .timestamp(end - 3_600_000)),
            Fields.set(.event, "end", .timestamp(end)),
        ]
        #expect(refusal(.event, expiry: UInt64(end) + 30 * day, schedule) == nil)
        #expect(refusal(.event, expiry: UInt64(end) + 31 * day, schedule)?.code == .invalidExpiry)
        #expect(
            refusal(.event, expiry: now + 31 * day, [Fields.set(.event, "title", "без даты")])?.code == .invalidExpiry
        )
    }

    @Test("A community's record id derives from its key")
    func communityIdentity() {
        #expect(
            refusal(.community, record: .community(factory.key.publicKey), [Fields.set(.community, "name", "Клуб")])
                == nil
        )
        #expect(
            refusal(.community, record: DeltaFactory.recordID(9), [Fields.set(.community, "name", "Клуб")])?.code
                == .invalidRecordID
        )
    }

    @Test("A membership's id derives from its person and community, which must be the recording community")
    func membershipIdentity() {
        let person = Reference(community: factory.key.publicKey, record: DeltaFactory.recordID(5))
        let community = Reference.community(factory.key.publicKey)
        let fields = [
            Fields.set(.membership, "person", .reference(person)),
            Fields.set(.membership, "community", .reference(community)),
        ]
        #expect(refusal(.membership, record: .membership(person: person, community: community), fields) == nil)
        #expect(refusal(.membership, record: DeltaFactory.recordID(1), fields)?.code == .invalidRecordID)
        #expect(
            refusal(.membership, record: .membership(person: person, community: community), [fields[0]])?.code
                == .invalidField
        )
        let other = Reference.community(TestKeys.association.publicKey)
        #expect(
            refusal(
                .membership,
                record: .membership(person: person, community: other),
                [fields[0], Fields.set(.membership, "community", .reference(other))]
            )?.code
                == .invalidField
        )
    }

    @Test("A symmetric tie lists the smaller person first; its id derives from both ends and the type")
    func tieIdentity() {
        let people = [1, 2].map { Reference(community: factory.key.publicKey, record: DeltaFactory.recordID($0)) }
            .sorted()
        func tie(_ from: Reference, _ to: Reference, _ type: String) -> [Operation] {
            [
                Fields.set(.tie, "from", .reference(from)), Fields.set(.tie, "to", .reference(to)),
                Fields.set(.tie, "type", type),
            ]
        }
        #expect(
            refusal(
                .tie,
                record: .tie(from: people[0], to: people[1], type: "collaborates"),
                tie(people[0], people[1], "collaborates")
            ) == nil
        )
        #expect(
            refusal(
                .tie,
                record: .tie(from: people[1], to: people[0], type: "collaborates"),
                tie(people[1], people[0], "collaborates")
            )?.code == .invalidField
        )
        #expect(
            refusal(
                .tie,
                record: .tie(from: people[1], to: people[0], type: "mentors"),
                tie(people[1], people[0], "mentors")
            ) == nil
        )
        #expect(
            refusal(
                .tie,
                record: .tie(from: people[0], to: people[0], type: "mentors"),
                tie(people[0], people[0], "mentors")
            )?.code == .invalidField
        )
    }

    @Test("Fields this version does not know pass as they are")
    func unknownFields() {
        #expect(refusal(.job, [Fields.set(.job, "title", "x"), .add(FieldID(rawValue: 900), .bytes([1, 2]))]) == nil)
    }

    @Test("With no grants, the community key writes and any other author waits for a grant")
    func authorization() {
        let moscow = TestKeys.techLeaders.publicKey
        let outsider = DeltaFactory(key: TestKeys.outsider)
        let delta = outsider.delta(
            .job,
            record: DeltaFactory.recordID(1),
            community: moscow,
            [Fields.set(.job, "title", "x")]
        )
        let id = outsider.sign(delta).id
        guard case .waiting(let why) = Authorization.authorize(delta, id: id, trust: .empty(moscow)) else {
            Issue.record("an author without a grant should wait")
            return
        }
        #expect(why.contains("no grant"))
        let own = factory.sign(factory.delta(.job, record: DeltaFactory.recordID(1), [Fields.set(.job, "title", "x")]))
        #expect(Authorization.authorize(own.delta, id: own.id, trust: .empty(moscow)) == .authorized)
    }

    @Test("A grant is written once and whole, for at most a year, of data kinds only")
    func grantShape() {
        let moscow = TestKeys.techLeaders.publicKey
        let start = DeltaFactory.epoch
        func shape(_ change: (inout Delta) -> Void) -> DeltaError.Code? {
            var delta = Grants.grant(
                by: TestKeys.techLeaders,
                in: moscow,
                to: TestKeys.outsider.publicKey,
                kinds: [.job],
                from: start,
                until: start + 30 * Grants.day,
                signedAt: start
            ).delta
            change(&delta)
            do {
                try Admission.check(delta, now: start)
                return nil
            } catch {
                return error.code
            }
        }
        #expect(shape { _ in } == nil)
        #expect(shape { $0.operations.append(.clear(7)) } == .invalidField)
        #expect(shape { $0.operations.append(.add(2, .string("grant"))) } == .invalidField)
        #expect(shape { $0.operations.removeAll { $0.field == 2 } } == .requiredField)
        #expect(
            shape { delta in
                let until = delta.operations.firstIndex { $0.field == 4 }!
                delta.operations[until] = .set(4, .timestamp(Int64(start + 367 * Grants.day)))
            } == .invalidField
        )
        #expect(shape { $0.operations = [.delete] } != nil)
    }

    @Test("Admission refuses deltas stamped too far ahead, and expired ones")
    func admission() {
        let delta = factory.delta(.job, record: DeltaFactory.recordID(1), [Fields.set(.job, "title", "x")])
        #expect(throws: Never.self) { try Admission.check(delta, now: DeltaFactory.epoch) }
        #expect(throws: DeltaError(.futureTimestamp, "")) {
            try Admission.check(delta, now: DeltaFactory.epoch - 11 * 60_000)
        }
        #expect(throws: DeltaError(.expired, "")) { try Admission.check(delta, now: delta.expiry) }
    }

    @Test("The expiry allowance clamps a wish into what the kind permits")
    func clamp() {
        let allowance = ExpiryAllowance.within(10...20, rule: "test")
        #expect(allowance.clamp(0) == 20)
        #expect(allowance.clamp(5) == 10)
        #expect(allowance.clamp(15) == 15)
        #expect(allowance.clamp(99) == 20)
        #expect(ExpiryAllowance.never.clamp(99) == 0)
        #expect(ExpiryAllowance.optional(after: 10).clamp(0) == 0)
        #expect(ExpiryAllowance.optional(after: 10).clamp(3) == 11)
    }
}
