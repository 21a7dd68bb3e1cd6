public import ArtelCore

/// People, memberships and ties signed by real keys, for the privacy tests.
public enum People: Sendable {
    /// A person record of `community`, optionally bound to a subject key, written by `author`.
    public static func person(
        _ number: UInt64,
        name: String,
        subject: PublicKey? = nil,
        by author: SigningKey,
        in community: PublicKey,
        at: UInt64
    ) -> SignedDelta {
        var operations = [Fields.set(.person, "display_name", name)]
        if let subject { operations.append(Fields.set(.person, "subject_key", .bytes(Array(subject.bytes.bytes)))) }
        return write(.person, DeltaFactory.recordID(number), operations, by: author, in: community, at: at)
    }

    /// A change to a person record.
    public static func edit(
        _ number: UInt64,
        _ operations: [Operation],
        by author: SigningKey,
        in community: PublicKey,
        at: UInt64
    ) -> SignedDelta {
        write(.person, DeltaFactory.recordID(number), operations, by: author, in: community, at: at)
    }

    /// The erasure (or any delete) of a person record.
    public static func delete(
        _ number: UInt64,
        by author: SigningKey,
        in community: PublicKey,
        at: UInt64
    ) -> SignedDelta {
        write(.person, DeltaFactory.recordID(number), [.delete], by: author, in: community, at: at)
    }

    /// A membership of a person in `community`, written by the community key.
    public static func membership(of person: Reference, in community: SigningKey, at: UInt64) -> SignedDelta {
        let own = Reference.community(community.publicKey)
        return write(
            .membership,
            RecordID.membership(person: person, community: own),
            [
                Fields.set(.membership, "person", .reference(person)),
                Fields.set(.membership, "community", .reference(own)),
                Fields.add(.membership, "roles", "leader"),
            ],
            by: community,
            in: community.publicKey,
            at: at
        )
    }

    /// A mentoring tie between two people, written by the community key.
    public static func tie(from: Reference, to: Reference, in community: SigningKey, at: UInt64) -> SignedDelta {
        write(
            .tie,
            RecordID.tie(from: from, to: to, type: "mentors"),
            [
                Fields.set(.tie, "from", .reference(from)), Fields.set(.tie, "to", .reference(to)),
                Fields.set(.tie, "type", "mentors"),
            ],
            by: community,
            in: community.publicKey,
            at: at
        )
    }

    private static func write(
        _ kind: RecordKind,
        _ record: RecordID,
        _ operations: [Operation],
        by author: SigningKey,
        in community: PublicKey,
        at: UInt64
    ) -> SignedDelta {
        let factory = DeltaFactory(key: author, now: at)
        return factory.sign(factory.delta(kind, record: record, community: community, operations))
    }
}
