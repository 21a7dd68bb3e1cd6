import ArtelCore
import ArtelTestKit

/// The deltas of `protocol/vectors/deltas.json`: a few of each kind, with fixed keys, ids and clocks.
enum VectorExamples {
    static let community = TestKeys.techLeaders
    static let association = TestKeys.association
    /// 2026-11-21 10:00 UTC.
    static let now: UInt64 = DeltaFactory.epoch + 36_000_000
    static let day: UInt64 = 86_400_000

    static func file() throws -> DeltaVectorFile {
        let deltas = try examples()
        return DeltaVectorFile(
            description: "Artel delta encoding v1 test vectors (protocol/encoding.md). Keys are Ed25519 seeds; "
                + "integers and timestamps are decimal strings; HLC timestamps are raw 64-bit values.",
            keys: [("tech-leaders", community), ("association", association)].map { name, key in
                DeltaVectorFile.Key(name: name, seed: Hex.encode(key.seed), publicKey: key.publicKey.hex)
            },
            deltas: try deltas.map { name, keyName, signed in
                let delta = try SignedDelta.decode(signed.bytes).delta  // operations in canonical order
                return DeltaVectorFile.Vector(
                    name: name,
                    key: keyName,
                    kind: delta.kind.name,
                    community: delta.community.hex,
                    author: delta.author.hex,
                    record: delta.record.hex,
                    timestamp: String(delta.timestamp.rawValue),
                    expiry: String(delta.expiry),
                    operations: delta.operations.map(DeltaVectorFile.Operation.init),
                    unsigned: Hex.encode(signed.unsignedBytes),
                    id: signed.id.hex,
                    signature: signed.signature.hex,
                    bytes: Hex.encode(signed.bytes)
                )
            },
            invalid: try invalid(deltas.map(\.2))
        )
    }

    private static func delta(
        _ kind: RecordKind,
        _ key: SigningKey,
        record: RecordID,
        offset: UInt64 = 0,
        expiry: UInt64? = nil,
        _ operations: [Operation]
    ) throws -> SignedDelta {
        var delta = Delta(
            kind: kind,
            community: key.publicKey,
            author: key.publicKey,
            record: record,
            timestamp: HLC(milliseconds: now + offset),
            expiry: 0,
            operations: operations
        )
        delta.expiry = expiry ?? kind.schema.expiryAllowance(for: delta).clamp(0)
        return try SignedDelta.sign(delta, with: key)
    }

    private static func examples() throws -> [(String, String, SignedDelta)] {
        let person = Reference(community: community.publicKey, record: DeltaFactory.recordID(11))
        let mentee = Reference(community: community.publicKey, record: DeltaFactory.recordID(12))
        let profile = Reference.community(community.publicKey)
        let job = Reference(community: community.publicKey, record: DeltaFactory.recordID(21))
        let otherJob = Reference(community: association.publicKey, record: DeltaFactory.recordID(22))
        let end = Int64(now + 10 * day)
        func f(_ kind: RecordKind, _ name: String) -> FieldID { kind.schema[name].id }
        return [
            (
                "community profile", "tech-leaders",
                try delta(
                    .community,
                    community,
                    record: .community(community.publicKey),
                    [
                        .set(f(.community, "name"), .string("Tech Leaders Moscow")),
                        .set(f(.community, "kind"), .string("community")),
                        .set(f(.community, "area"), .string("Москва")),
                        .add(f(.community, "topics"), .string("комьюнити-менеджмент")),
                        .add(f(.community, "links"), .string("https://t.me/techleaders")),
                        .set(f(.community, "language"), .string("ru")),
                    ]
                )
            ),
            (
                "association profile", "association",
                try delta(
                    .community,
                    association,
                    record: .community(association.publicKey),
                    [
                        .set(f(.community, "name"), .string("Ассоциация комьюнити-менеджеров")),
                        .set(f(.community, "kind"), .string("association")),
                    ]
                )
            ),
            (
                "person", "tech-leaders",
                try delta(
                    .person,
                    community,
                    record: person.record,
                    [
                        .set(f(.person, "display_name"), .string("Анна Смирнова")),
                        .set(f(.person, "locality"), .string("Москва")),
                        .add(f(.person, "contacts"), .string("telegram:@anna_cm")),
                        .add(f(.person, "languages"), .string("ru")),
                        .set(f(.person, "consent.profile"), .boolean(true)),
                    ]
                )
            ),
            (
                "person with a subject key", "tech-leaders",
                try delta(
                    .person,
                    community,
                    record: mentee.record,
                    [
                        .set(f(.person, "display_name"), .string("Илья Петров")),
                        .set(f(.person, "subject_key"), .bytes(TestKeys.outsider.publicKey.bytes.bytes)),
                        .set(f(.person, "visibility"), .string("public")),
                    ]
                )
            ),
            (
                "membership", "tech-leaders",
                try delta(
                    .membership,
                    community,
                    record: .membership(person: person, community: profile),
                    [
                        .set(f(.membership, "person"), .reference(person)),
                        .set(f(.membership, "community"), .reference(profile)),
                        .add(f(.membership, "roles"), .string("leader")),
                        .add(f(.membership, "roles"), .string("organizer")),
                        .set(f(.membership, "since"), .timestamp(1_725_148_800_000)),
                    ]
                )
            ),
            (
                "membership role removed", "tech-leaders",
                try delta(
                    .membership,
                    community,
                    record: .membership(person: person, community: profile),
                    offset: 1_000,
                    [
                        .remove(f(.membership, "roles"), .string("organizer"))
                    ]
                )
            ),
            (
                "tie", "tech-leaders",
                try delta(
                    .tie,
                    community,
                    record: .tie(from: person, to: mentee, type: "mentors"),
                    [
                        .set(f(.tie, "from"), .reference(person)), .set(f(.tie, "to"), .reference(mentee)),
                        .set(f(.tie, "type"), .string("mentors")), .set(f(.tie, "context"), .reference(profile)),
                        .set(f(.tie, "note"), .string("Наставничество в программе лидеров")),
                    ]
                )
            ),
            (
                "symmetric tie", "tech-leaders",
                try delta(
                    .tie,
                    community,
                    record: .tie(from: min(person, mentee), to: max(person, mentee), type: "collaborates"),
                    [
                        .set(f(.tie, "from"), .reference(min(person, mentee))),
                        .set(f(.tie, "to"), .reference(max(person, mentee))),
                        .set(f(.tie, "type"), .string("collaborates")), .set(f(.tie, "from_confirmed"), .boolean(true)),
                    ]
                )
            ),
            (
                "job", "tech-leaders",
                try delta(
                    .job,
                    community,
                    record: job.record,
                    [
                        .set(f(.job, "title"), .string("Комьюнити-менеджер")),
                        .set(f(.job, "employer"), .string("Studio-29")),
                        .set(f(.job, "duties"), .string("— заниматься продвижением сообщества;\n— проводить встречи")),
                        .set(f(.job, "salary_min"), .integer(50_000)), .set(f(.job, "salary_currency"), .string("RUB")),
                        .set(f(.job, "salary_period"), .string("month")),
                        .add(f(.job, "employment"), .string("part_time")),
                        .set(f(.job, "work_mode"), .string("remote")),
                        .add(f(.job, "tags"), .string("комьюнити_вакансия")),
                        .set(f(.job, "apply_url"), .string("https://t.me/studio29_jobs")),
                        .set(f(.job, "date_posted"), .timestamp(Int64(now))),
                        .add(f(.job, "sources"), .string("telegram:-1001234567890/335 https://t.me/c/1234567890/335")),
                    ]
                )
            ),
            (
                "job edit", "tech-leaders",
                try delta(
                    .job,
                    community,
                    record: job.record,
                    offset: 60_000,
                    expiry: now + 120 * day,
                    [
                        .set(f(.job, "status"), .string("filled")), .clear(f(.job, "apply_url")),
                        .remove(f(.job, "tags"), .string("комьюнити_вакансия")),
                    ]
                )
            ),
            (
                "job with a field from a newer version", "association",
                try delta(
                    .job,
                    association,
                    record: otherJob.record,
                    [
                        .set(f(.job, "title"), .string("Координатор сообщества")),
                        .set(FieldID(rawValue: 300), .string("unknown to version 1")),
                    ]
                )
            ),
            ("job delete", "association", try delta(.job, association, record: DeltaFactory.recordID(23), [.delete])),
            (
                "digest", "association",
                try delta(
                    .digest,
                    association,
                    record: DeltaFactory.recordID(31),
                    [
                        .set(f(.digest, "title"), .string("Вакансии недели")),
                        .set(f(.digest, "period_start"), .timestamp(Int64(now - 6 * day))),
                        .set(f(.digest, "period_end"), .timestamp(Int64(now))),
                        .set(f(.digest, "items"), .references([job, otherJob])),
                        .set(f(.digest, "intro"), .string("Сегодня целых 3!")),
                    ]
                )
            ),
            (
                "digest tag", "association",
                try delta(
                    .digest,
                    association,
                    record: DeltaFactory.recordID(31),
                    offset: 5,
                    [
                        .add(f(.digest, "tags"), .string("weekly"))
                    ]
                )
            ),
            (
                "event", "tech-leaders",
                try delta(
                    .event,
                    community,
                    record: DeltaFactory.recordID(41),
                    [
                        .set(f(.event, "title"), .string("Мастермайнд комьюнити-менеджеров")),
                        .set(f(.event, "type"), .string("mastermind")),
                        .set(f(.event, "start"), .timestamp(end - 7_200_000)), .set(f(.event, "end"), .timestamp(end)),
                        .set(f(.event, "timezone"), .string("Europe/Moscow")),
                        .set(f(.event, "attendance"), .string("online")),
                        .add(f(.event, "online_urls"), .string("https://meet.example.org/cm")),
                        .add(f(.event, "organizers"), .reference(person)),
                        .set(f(.event, "capacity"), .integer(40)), .set(f(.event, "sequence"), .integer(0)),
                    ]
                )
            ),
            (
                "event cancelled", "tech-leaders",
                try delta(
                    .event,
                    community,
                    record: DeltaFactory.recordID(41),
                    offset: 9,
                    [
                        .set(f(.event, "status"), .string("cancelled")), .set(f(.event, "sequence"), .integer(1)),
                        .set(f(.event, "start"), .timestamp(end - 7_200_000)), .set(f(.event, "end"), .timestamp(end)),
                    ]
                )
            ),
            (
                "grant", "tech-leaders",
                try delta(
                    .grant,
                    community,
                    record: .grant(issuer: community.publicKey, timestamp: HLC(milliseconds: now)),
                    expiry: now + 365 * day,
                    [
                        .set(f(.grant, "grantee"), .bytes(TestKeys.outsider.publicKey.bytes.bytes)),
                        .add(f(.grant, "kinds"), .string("job")),
                        .add(f(.grant, "kinds"), .string("event")),
                        .set(f(.grant, "valid_from"), .timestamp(Int64(now))),
                        .set(f(.grant, "valid_until"), .timestamp(Int64(now + 365 * day))),
                    ]
                )
            ),
            (
                "revocation", "tech-leaders",
                try delta(
                    .revocation,
                    community,
                    record: DeltaFactory.recordID(52),
                    [
                        .set(
                            f(.revocation, "grant"),
                            .reference(
                                Reference(
                                    community: community.publicKey,
                                    record: .grant(issuer: community.publicKey, timestamp: HLC(milliseconds: now))
                                )
                            )
                        ),
                        .set(f(.revocation, "effective_from"), .integer(Int64(HLC(milliseconds: now + day).rawValue))),
                        .set(f(.revocation, "compromised"), .boolean(false)),
                    ]
                )
            ),
        ].map { ($0.0, $0.1, $0.2) }
    }

    private static func invalid(_ valid: [SignedDelta]) throws -> [DeltaVectorFile.Invalid] {
        let job = valid.first { $0.delta.kind == .job }!
        var badSignature = job.bytes
        badSignature[badSignature.count - 5] ^= 0x40
        var outOfOrder = Array(job.unsignedBytes)
        outOfOrder.removeSubrange(98...)
        outOfOrder += [0x02, 0x02, 0x06, 0x02, 0x01] + job.signature.bytes
        var yearLong = valid.first { $0.delta.kind == .grant }!.delta
        let from: Int64 = if case .timestamp(let moment)? = yearLong.value(setting: 3) { moment } else { 0 }
        yearLong.operations = yearLong.operations.map {
            $0.field == 4 ? .set(4, .timestamp(from + 400 * 86_400_000)) : $0
        }
        var misdated = job.delta
        misdated.expiry = 0
        return [
            .init(name: "signature changed", bytes: Hex.encode(badSignature), refusal: "bad_signature"),
            .init(
                name: "truncated inside the operations",
                bytes: Hex.encode(job.bytes.prefix(120)),
                refusal: "truncated"
            ),
            .init(name: "a byte after the signature", bytes: Hex.encode(job.bytes + [0]), refusal: "trailing_bytes"),
            .init(name: "operations out of canonical order", bytes: Hex.encode(outOfOrder), refusal: "non_canonical"),
            .init(
                name: "a grant that lasts more than a year",
                bytes: Hex.encode(try SignedDelta.sign(yearLong, with: community).bytes),
                refusal: "invalid_field"
            ),
            .init(
                name: "job without an expiry",
                bytes: Hex.encode(try SignedDelta.sign(misdated, with: community).bytes),
                refusal: "invalid_expiry"
            ),
        ]
    }
}
