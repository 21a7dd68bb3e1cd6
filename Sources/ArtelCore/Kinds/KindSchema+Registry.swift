// The field registry of every kind. Field ids are permanent: never renumber, never reuse.
// `protocol/encoding.md` lists the same table, and a test checks that the two agree.

extension KindSchema {
    static let community = KindSchema(
        kind: .community,
        identity: .community,
        expiry: .never,
        fields: [
            FieldSpec(1, "name", .string, .single, .line(200), required: true),
            FieldSpec(2, "description", .string, .single, .text(5_000)),
            FieldSpec(3, "kind", .string, .single, .oneOf(["community", "association", "club"])),
            FieldSpec(4, "area", .string, .single, .line(200)),
            FieldSpec(5, "topics", .string, .set, .line(100)),
            FieldSpec(6, "links", .string, .set, .url),
            FieldSpec(7, "contact", .string, .single, .line(300)),
            FieldSpec(8, "language", .string, .single, .language),
            .visibility(9),
        ]
    )

    static let person = KindSchema(
        kind: .person,
        expiry: .never,
        fields: [
            FieldSpec(1, "display_name", .string, .single, .line(200), required: true),
            FieldSpec(2, "bio", .string, .single, .text(5_000)),
            FieldSpec(3, "locality", .string, .single, .line(200)),
            FieldSpec(4, "topics", .string, .set, .line(100)),
            FieldSpec(5, "languages", .string, .set, .language),
            FieldSpec(6, "contacts", .string, .set, .contact),
            FieldSpec(7, "subject_key", .bytes, .single, .byteCount(32)),
            FieldSpec(8, "consent.profile", .boolean),
            FieldSpec(9, "consent.memberships", .boolean),
            FieldSpec(10, "consent.ties", .boolean),
            FieldSpec(11, "consent.export", .boolean),
            .visibility(12),
        ]
    )

    static let membership = KindSchema(
        kind: .membership,
        identity: .membership,
        expiry: .never,
        ranges: [("since", "until")],
        fields: [
            FieldSpec(1, "person", .reference, .single, .any, required: true),
            FieldSpec(2, "community", .reference, .single, .any, required: true),
            FieldSpec(
                3,
                "roles",
                .string,
                .set,
                .oneOf(["leader", "ambassador", "moderator", "organizer", "founder", "member"])
            ),
            FieldSpec(4, "since", .timestamp, .single, .moment),
            FieldSpec(5, "until", .timestamp, .single, .moment),
            FieldSpec(6, "confirmed_by_person", .boolean),
            FieldSpec(7, "confirmed_by_community", .boolean),
            .visibility(8),
        ]
    )

    /// Tie types whose two ends play the same part; their `from` is the smaller reference.
    public static let symmetricTieTypes: Set<String> = ["co_organizes", "collaborates"]

    static let tie = KindSchema(
        kind: .tie,
        identity: .tie,
        expiry: .never,
        fields: [
            FieldSpec(1, "from", .reference, .single, .any, required: true),
            FieldSpec(2, "to", .reference, .single, .any, required: true),
            FieldSpec(
                3,
                "type",
                .string,
                .single,
                .oneOf(["mentors", "co_organizes", "referred", "collaborates"]),
                required: true
            ),
            FieldSpec(4, "context", .reference),
            FieldSpec(5, "since", .timestamp, .single, .moment),
            FieldSpec(6, "note", .string, .single, .text(1_000)),
            FieldSpec(7, "from_confirmed", .boolean),
            FieldSpec(8, "to_confirmed", .boolean),
            .visibility(9),
        ]
    )

    static let job = KindSchema(
        kind: .job,
        expiry: .days(120),
        ranges: [("salary_min", "salary_max"), ("date_posted", "valid_through")],
        fields: [
            FieldSpec(1, "title", .string, .single, .line(200), required: true),
            FieldSpec(2, "employer", .string, .single, .line(200)),
            FieldSpec(3, "description", .string, .single, .text(20_000)),
            FieldSpec(4, "duties", .string, .single, .text(10_000)),
            FieldSpec(5, "requirements", .string, .single, .text(10_000)),
            FieldSpec(6, "salary_min", .integer, .single, .integer(0...1_000_000_000_000)),
            FieldSpec(7, "salary_max", .integer, .single, .integer(0...1_000_000_000_000)),
            FieldSpec(8, "salary_currency", .string, .single, .currency),
            FieldSpec(9, "salary_period", .string, .single, .oneOf(["hour", "day", "month", "year", "project"])),
            FieldSpec(10, "salary_gross", .boolean),
            FieldSpec(
                11,
                "employment",
                .string,
                .set,
                .oneOf(["full_time", "part_time", "contract", "internship", "volunteer"])
            ),
            FieldSpec(12, "work_mode", .string, .single, .oneOf(["onsite", "remote", "hybrid"])),
            FieldSpec(13, "location.country", .string, .single, .line(100)),
            FieldSpec(14, "location.region", .string, .single, .line(100)),
            FieldSpec(15, "location.city", .string, .single, .line(100)),
            FieldSpec(16, "experience", .string, .single, .line(200)),
            FieldSpec(17, "skills", .string, .set, .line(100)),
            FieldSpec(18, "tags", .string, .set, .line(64)),
            FieldSpec(19, "apply_url", .string, .single, .url),
            FieldSpec(20, "contact", .string, .single, .line(300)),
            FieldSpec(21, "date_posted", .timestamp, .single, .moment),
            FieldSpec(22, "valid_through", .timestamp, .single, .moment),
            FieldSpec(23, "status", .string, .single, .oneOf(["open", "closed", "filled"])),
            FieldSpec(24, "sources", .string, .set, .source),
            .visibility(25),
        ]
    )

    static let digest = KindSchema(
        kind: .digest,
        expiry: .days(365),
        ranges: [("period_start", "period_end")],
        fields: [
            FieldSpec(1, "title", .string, .single, .line(200), required: true),
            FieldSpec(2, "period_start", .timestamp, .single, .moment),
            FieldSpec(3, "period_end", .timestamp, .single, .moment),
            FieldSpec(4, "intro", .string, .single, .text(10_000)),
            FieldSpec(5, "items", .references, .single, .referenceList(500)),
            FieldSpec(6, "tags", .string, .set, .line(64)),
            FieldSpec(7, "audience", .string, .single, .line(200)),
            .visibility(8),
            // "<item reference> <other listing's reference> <its community's name>": where else a
            // listed vacancy was posted, kept with the digest so that readers need not hold the others.
            FieldSpec(9, "also_listed", .string, .set, .line(400)),
        ]
    )

    static let event = KindSchema(
        kind: .event,
        expiry: .afterEventEnd,
        ranges: [("start", "end")],
        fields: [
            FieldSpec(1, "title", .string, .single, .line(200), required: true),
            FieldSpec(2, "description", .string, .single, .text(20_000)),
            FieldSpec(
                3,
                "type",
                .string,
                .single,
                .oneOf(["webinar", "meetup", "mastermind", "workshop", "conference", "other"])
            ),
            FieldSpec(4, "start", .timestamp, .single, .moment, required: true),
            FieldSpec(5, "end", .timestamp, .single, .moment),
            FieldSpec(6, "timezone", .string, .single, .timeZone),
            FieldSpec(7, "all_day", .boolean),
            FieldSpec(8, "attendance", .string, .single, .oneOf(["offline", "online", "mixed"])),
            FieldSpec(9, "place.name", .string, .single, .line(200)),
            FieldSpec(10, "place.address", .string, .single, .line(300)),
            FieldSpec(11, "place.city", .string, .single, .line(100)),
            FieldSpec(12, "place.country", .string, .single, .line(100)),
            FieldSpec(13, "online_urls", .string, .set, .url),
            FieldSpec(14, "registration_url", .string, .single, .url),
            FieldSpec(15, "price", .string, .single, .line(100)),
            FieldSpec(
                16,
                "status",
                .string,
                .single,
                .oneOf(["scheduled", "cancelled", "postponed", "rescheduled", "moved_online"])
            ),
            FieldSpec(17, "organizers", .reference, .set),
            FieldSpec(18, "language", .string, .single, .language),
            FieldSpec(19, "capacity", .integer, .single, .integer(0...10_000_000)),
            FieldSpec(20, "tags", .string, .set, .line(64)),
            FieldSpec(21, "sequence", .integer, .single, .integer(0...Int64(Int32.max))),
            .visibility(22),
            FieldSpec(23, "recurrence", .string, .single, .text(1_000)),
        ]
    )

    static let grant = KindSchema(
        kind: .grant,
        identity: .grant,
        expiry: .optional,
        ranges: [("valid_from", "valid_until")],
        fields: [
            FieldSpec(1, "grantee", .bytes, .single, .byteCount(32), required: true),
            FieldSpec(2, "kinds", .string, .set, .kindName),
            FieldSpec(3, "valid_from", .timestamp, .single, .moment, required: true),
            FieldSpec(4, "valid_until", .timestamp, .single, .moment, required: true),
            FieldSpec(5, "may_delegate", .boolean),
            FieldSpec(6, "parent", .reference),
            FieldSpec(7, "note", .string, .single, .text(1_000)),
        ]
    )

    static let revocation = KindSchema(
        kind: .revocation,
        expiry: .never,
        fields: [
            FieldSpec(1, "grant", .reference, .single, .any, required: true),
            FieldSpec(2, "effective_from", .integer, .single, .integer(0...Int64.max), required: true),
            FieldSpec(3, "compromised", .boolean),
            FieldSpec(4, "reason", .string, .single, .text(1_000)),
        ]
    )
}
