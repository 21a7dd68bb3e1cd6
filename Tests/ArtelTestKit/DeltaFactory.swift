public import ArtelCore

/// Builds signed deltas for tests, with readable field names and a fixed clock.
public struct DeltaFactory: Sendable {
    /// The signing key, also the community (today's authorization rule).
    public var key: SigningKey
    /// The wall clock used for timestamps, in Unix milliseconds.
    public var now: UInt64

    /// 2026-11-21 00:00 UTC, the default test clock.
    public static let epoch: UInt64 = 1_795_219_200_000

    /// A factory signing as `key` at `now`.
    public init(key: SigningKey = TestKeys.techLeaders, now: UInt64 = DeltaFactory.epoch) {
        self.key = key
        self.now = now
    }

    /// A record id derived from a number, stable across runs.
    public static func recordID(_ number: UInt64) -> RecordID {
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<8 { bytes[8 + index] = UInt8(truncatingIfNeeded: number >> (56 - 8 * UInt64(index))) }
        bytes[6] = 0x70
        bytes[8] |= 0x80
        return RecordID(Bytes16(bytes)!)
    }

    /// A delta of `kind` on a record, with operations given by field name.
    ///
    /// - Parameters:
    ///   - kind: the kind.
    ///   - record: the record id.
    ///   - offset: milliseconds after ``now`` for the timestamp.
    ///   - counter: the HLC counter.
    ///   - expiry: the expiry; `nil` for the longest the kind allows.
    ///   - operations: the operations.
    public func delta(
        _ kind: RecordKind,
        record: RecordID,
        offset: UInt64 = 0,
        counter: UInt16 = 0,
        expiry: UInt64? = nil,
        community: PublicKey? = nil,
        _ operations: [Operation]
    ) -> Delta {
        var delta = Delta(
            kind: kind,
            community: community ?? key.publicKey,
            author: key.publicKey,
            record: record,
            timestamp: HLC(milliseconds: now + offset, counter: counter),
            expiry: 0,
            operations: operations
        )
        delta.expiry = expiry ?? kind.schema.expiryAllowance(for: delta).clamp(0)
        return delta
    }

    /// Signs a delta with the factory's key.
    public func sign(_ delta: Delta) -> SignedDelta {
        try! SignedDelta.sign(delta, with: key)
    }

    /// A signed job with a title and the given extra operations.
    public func job(
        _ number: UInt64,
        title: String = "Комьюнити-менеджер",
        offset: UInt64 = 0,
        _ extra: [Operation] = []
    ) -> SignedDelta {
        sign(
            delta(
                .job,
                record: Self.recordID(number),
                offset: offset,
                [Fields.set(.job, "title", .string(title))] + extra
            )
        )
    }
}

/// Operations by field name, for readable tests.
public enum Fields: Sendable {
    /// `set` of a field by name.
    public static func set(_ kind: RecordKind, _ name: String, _ value: Value) -> Operation {
        .set(kind.schema[name].id, value)
    }

    /// `set` of a text field by name.
    public static func set(_ kind: RecordKind, _ name: String, _ text: String) -> Operation {
        .set(kind.schema[name].id, .string(text))
    }

    /// `clear` of a field by name.
    public static func clear(_ kind: RecordKind, _ name: String) -> Operation {
        .clear(kind.schema[name].id)
    }

    /// `add` of a text element by name.
    public static func add(_ kind: RecordKind, _ name: String, _ text: String) -> Operation {
        .add(kind.schema[name].id, .string(text))
    }

    /// `remove` of a text element by name.
    public static func remove(_ kind: RecordKind, _ name: String, _ text: String) -> Operation {
        .remove(kind.schema[name].id, .string(text))
    }
}
