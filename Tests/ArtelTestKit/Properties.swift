public import ArtelCore
public import PropertyBased

/// Property checks over fixed seeds: every run tries the same inputs, and the body receives the
/// seed so that its expectations can name the case that reproduces a failure.
public enum FixedSeeds: Sendable {
    /// Calls `body` with each of `count` fixed seeds and a generator seeded by it.
    public static func check(count: Int = 100, _ body: (_ seed: UInt64, _ rng: inout Xoshiro) throws -> Void) rethrows {
        for seed in 1...UInt64(count) {
            var rng = Xoshiro(seed: (seed, 0x4172_7465_6C00_0000, seed &* 31, 7))
            try body(seed, &rng)
        }
    }

    /// ``check(count:_:)`` for properties that need to await.
    public static func check(
        count: Int = 100,
        _ body: (_ seed: UInt64, _ rng: inout Xoshiro) async throws -> Void
    ) async rethrows {
        for seed in 1...UInt64(count) {
            var rng = Xoshiro(seed: (seed, 0x4172_7465_6C00_0000, seed &* 31, 7))
            try await body(seed, &rng)
        }
    }
}

/// Random deltas for property tests.
public enum DeltaGenerators: Sendable {
    /// Text elements drawn from a small pool, so that registers collide.
    static let words = ["remote", "офис", "Москва", "комьюнити", "лидер", "", "ёлка", "🙂"]

    /// A random value of a type.
    public static func value(_ type: ValueType, using rng: inout Xoshiro) -> Value {
        switch type {
        case .string: return .string(words.randomElement(using: &rng)! + String(Int.random(in: 0...3, using: &rng)))
        case .integer:
            return .integer(Int64.random(in: -3...3, using: &rng) * Int64.random(in: 1...1_000_000_007, using: &rng))
        case .boolean: return .boolean(Bool.random(using: &rng))
        case .timestamp: return .timestamp(Int64.random(in: -2_000_000_000_000...4_000_000_000_000, using: &rng))
        case .bytes:
            return .bytes((0..<Int.random(in: 0...40, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) })
        case .reference: return .reference(reference(using: &rng))
        case .references:
            return .references((0..<Int.random(in: 0...4, using: &rng)).map { _ in reference(using: &rng) })
        }
    }

    static func reference(using rng: inout Xoshiro) -> Reference {
        Reference(
            community: TestKeys.key(UInt8.random(in: 1...3, using: &rng)).publicKey,
            record: DeltaFactory.recordID(UInt64.random(in: 0...5, using: &rng))
        )
    }

    /// A random delta of any kind, with operations on any field ids and value types. It encodes, but
    /// is not meant to pass the rules of its kind.
    public static func anyDelta(using rng: inout Xoshiro) -> Delta {
        let key = TestKeys.key(UInt8.random(in: 1...3, using: &rng))
        var operations: [Operation] = []
        if Int.random(in: 0..<10, using: &rng) == 0 {
            operations = [.delete]
        } else {
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                let field = FieldID(rawValue: UInt16.random(in: 1...30, using: &rng))
                let element = value(ValueType.allCases.randomElement(using: &rng)!, using: &rng)
                let candidates: [Operation] = [
                    .set(field, element), .clear(field), .add(field, element), .remove(field, element),
                ]
                let operation = candidates.randomElement(using: &rng)!
                if !operations.contains(where: { $0.register == operation.register }) { operations.append(operation) }
            }
        }
        return Delta(
            kind: RecordKind.allCases.randomElement(using: &rng)!,
            community: key.publicKey,
            author: key.publicKey,
            record: DeltaFactory.recordID(UInt64.random(in: 0...UInt64.max, using: &rng)),
            timestamp: HLC(rawValue: UInt64.random(in: 0...UInt64.max, using: &rng)),
            expiry: UInt64.random(in: 0...UInt64.max, using: &rng),
            operations: operations.shuffled(using: &rng)
        )
    }

    /// Random job deltas over a few records, signed by one community: deletes, edits of single
    /// fields and of set elements, colliding timestamps. All pass the rules of their kind.
    public static func jobHistory(records: Int, deltas: Int, using rng: inout Xoshiro) -> [SignedDelta] {
        let factory = DeltaFactory()
        let schema = RecordKind.job.schema
        return (0..<deltas).map { _ in
            let record = DeltaFactory.recordID(UInt64.random(in: 0..<UInt64(records), using: &rng))
            let offset = UInt64.random(in: 0...4, using: &rng)
            let counter = UInt16.random(in: 0...1, using: &rng)
            var operations: [Operation] = []
            if Int.random(in: 0..<12, using: &rng) == 0 {
                operations = [.delete]
            } else {
                if Bool.random(using: &rng) {
                    operations.append(.set(schema["title"].id, .string("Job \(Int.random(in: 0...3, using: &rng))")))
                }
                if Bool.random(using: &rng) {
                    operations.append(
                        Bool.random(using: &rng)
                            ? .set(schema["salary_min"].id, .integer(Int64.random(in: 1...3, using: &rng) * 10_000))
                            : .clear(schema["salary_min"].id)
                    )
                }
                for tag in ["remote", "офис", "лидер"] where Int.random(in: 0..<3, using: &rng) == 0 {
                    operations.append(
                        Bool.random(using: &rng)
                            ? .add(schema["tags"].id, .string(tag)) : .remove(schema["tags"].id, .string(tag))
                    )
                }
                if Int.random(in: 0..<5, using: &rng) == 0 {
                    operations.append(.set(FieldID(rawValue: 200), .string("from a newer node")))
                }
                if operations.isEmpty { operations.append(.set(schema["employer"].id, .string("Яндекс"))) }
            }
            return factory.sign(factory.delta(.job, record: record, offset: offset, counter: counter, operations))
        }
    }
}
