public import ArtelCore

/// Grants and revocations signed by real keys, for the trust tests.
public enum Grants: Sendable {
    /// One day in milliseconds.
    public static let day: UInt64 = 86_400_000

    /// A grant of `community` to `grantee`, signed by `issuer` at `signedAt`; its record id derives
    /// from both (``RecordID/grant(issuer:timestamp:)``).
    public static func grant(
        by issuer: SigningKey,
        in community: PublicKey,
        to grantee: PublicKey,
        kinds: [RecordKind],
        from: UInt64,
        until: UInt64,
        delegate: Bool = false,
        parent: RecordID? = nil,
        signedAt: UInt64
    ) -> SignedDelta {
        var operations: [Operation] = [
            .set(1, .bytes(Array(grantee.bytes.bytes))),
            .set(3, .timestamp(Int64(from))),
            .set(4, .timestamp(Int64(until))),
        ]
        operations += kinds.map { .add(2, .string($0.name)) }
        if delegate { operations.append(.set(5, .boolean(true))) }
        if let parent { operations.append(.set(6, .reference(Reference(community: community, record: parent)))) }
        let factory = DeltaFactory(key: issuer, now: signedAt)
        let record = RecordID.grant(issuer: issuer.publicKey, timestamp: HLC(milliseconds: signedAt))
        return factory.sign(factory.delta(.grant, record: record, community: community, operations))
    }

    /// A revocation of a grant of `community`, signed by `issuer` at `signedAt`.
    public static func revocation(
        _ record: RecordID,
        of grant: RecordID,
        by issuer: SigningKey,
        in community: PublicKey,
        from effective: UInt64,
        compromised: Bool = false,
        signedAt: UInt64
    ) -> SignedDelta {
        var operations: [Operation] = [
            .set(1, .reference(Reference(community: community, record: grant))),
            .set(2, .integer(Int64(HLC(milliseconds: effective).rawValue))),
        ]
        if compromised { operations.append(.set(3, .boolean(true))) }
        let factory = DeltaFactory(key: issuer, now: signedAt)
        return factory.sign(factory.delta(.revocation, record: record, community: community, operations))
    }

    /// A job of `community` written by `author` at `at`.
    public static func job(_ number: UInt64, by author: SigningKey, in community: PublicKey, at: UInt64) -> SignedDelta
    {
        let factory = DeltaFactory(key: author, now: at)
        return factory.sign(
            factory.delta(
                .job,
                record: DeltaFactory.recordID(number),
                community: community,
                [Fields.set(.job, "title", "Вакансия \(number)")]
            )
        )
    }

    /// An event of `community` written by `author` at `at`.
    public static func event(
        _ number: UInt64,
        by author: SigningKey,
        in community: PublicKey,
        at: UInt64
    ) -> SignedDelta {
        let factory = DeltaFactory(key: author, now: at)
        return factory.sign(
            factory.delta(
                .event,
                record: DeltaFactory.recordID(number),
                community: community,
                [
                    Fields.set(.event, "title", "Встреча \(number)"),
                    Fields.set(.event, "start", .timestamp(Int64(at + 7 * day))),
                ]
            )
        )
    }
}
