import ArtelCore
import ArtelStore
import ArtelTestKit
import PropertyBased
import Testing

/// The command line and the API sign through ``Publisher/prepareCreate(_:community:record:operations:expiresAt:now:)``,
/// imports through ``Publisher/importRecords(_:community:now:source:progress:)``; peers and files
/// come through ``Replica/apply(_:now:source:progress:)``. All must judge a delta alike.
@Suite("Every path runs the same checks")
struct PathValidationTests {
    let key = TestKeys.techLeaders
    let now = DeltaFactory.epoch

    /// Values of enumerated fields, so that some deltas pass their rules.
    static let enumerated = ["remote", "full_time", "open", "online", "RUB", "month"]

    /// Some of a kind's fields, with values of their type that may break the field's rules, now
    /// and then of the wrong type.
    func operations(of kind: RecordKind, using rng: inout Xoshiro) -> [Operation] {
        kind.schema.fields.compactMap { field -> Operation? in
            guard Int.random(in: 0..<3, using: &rng) > 0 else { return nil }
            let type = Int.random(in: 0..<10, using: &rng) == 0 ? ValueType.boolean : field.type
            let value: Value =
                switch (type, Int.random(in: 0..<4, using: &rng)) {
                case (.string, 0): .string("https://t.me/studio29_jobs")
                case (.string, 1):
                    .string(Self.enumerated.randomElement(using: &rng)!)
                case (.timestamp, 0), (.timestamp, 1):
                    .timestamp(Int64(now) + Int64.random(in: 0...86_400_000, using: &rng))
                case (.integer, 0), (.integer, 1): .integer(Int64.random(in: 0...300_000, using: &rng))
                default: DeltaGenerators.value(type, using: &rng)
                }
            return field.cardinality == .set ? .add(field.id, value) : .set(field.id, value)
        }
    }

    /// A record id as an author makes it, or one no rule allows.
    func recordID(_ seed: UInt64, using rng: inout Xoshiro) -> RecordID {
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: RecordID(Bytes16([UInt8](repeating: 0, count: 16))!)
        case 1: RecordID(Bytes16((0..<16).map { _ in UInt8.random(in: 0...255, using: &rng) })!)
        default: DeltaFactory.recordID(seed)
        }
    }

    @Test("A delta the command line would refuse to make, apply refuses too, with the same code")
    func sameVerdictOnEveryPath() async throws {
        try await TestFiles.withTemporaryDirectory { directory in
            let made = try Replica.create(at: "\(directory)/made.sqlite")
            let imported = try Replica.create(at: "\(directory)/imported.sqlite")
            let applied = try Replica.create(at: "\(directory)/applied.sqlite")
            let publisher = Publisher(replica: made, key: key)
            let importer = Publisher(replica: imported, key: key)
            var outcomes: [String: Int] = [:]
            try await FixedSeeds.check(count: 80) { seed, rng in
                var kind = [RecordKind.job, .event, .digest, .person].randomElement(using: &rng)!
                var operations = operations(of: kind, using: &rng)
                if seed % 4 == 0 {
                    // A job that breaks no rule but leaves out its title.
                    kind = .job
                    operations = [Fields.set(.job, "employer", .string("Studio-29"))]
                }
                let record = recordID(seed, using: &rng)
                let madeHere: DeltaError?
                do {
                    _ = try await publisher.prepareCreate(
                        kind,
                        community: key.publicKey,
                        record: record,
                        operations: operations,
                        now: now
                    )
                    madeHere = nil
                } catch let error as DeltaError {
                    madeHere = error
                }
                let item = ImportItem(kind: kind, record: record, operations: operations, controlled: [], label: "item")
                do {
                    _ = try await importer.importRecords([item], community: key.publicKey, now: now, source: "test")
                    #expect(madeHere == nil, "seed \(seed): imported what the publisher refused: \(madeHere!)")
                } catch let error as DeltaError {
                    #expect(
                        error.code == madeHere?.code,
                        "seed \(seed): import \(error), publisher \(String(describing: madeHere))"
                    )
                }
                // The same delta as a peer would send it.
                var delta = Delta(
                    kind: kind,
                    community: key.publicKey,
                    author: key.publicKey,
                    record: record,
                    timestamp: HLC(milliseconds: now),
                    expiry: 0,
                    operations: operations
                )
                delta.expiry = kind.schema.expiryAllowance(for: delta).clamp(0)
                guard let signed = try? SignedDelta.sign(delta, with: key) else {
                    #expect(madeHere != nil, "seed \(seed): the publisher made a delta that does not encode")
                    return
                }
                let listed = try await applied.count(RecordQuery(kind: kind))
                let report = try await applied.apply([signed.bytes], now: now, source: "peer")
                let listedAfter = try await applied.count(RecordQuery(kind: kind))
                outcomes[madeHere?.code.name ?? "made", default: 0] += 1
                switch madeHere?.code {
                case nil:
                    #expect(report.refusals.isEmpty && listedAfter == listed + 1, "seed \(seed): \(report.refusals)")
                case .requiredField?:
                    // A receiver cannot tell a new record from one whose first delta was pruned: it
                    // keeps the delta and lists the record once complete (KindSchema.checkCreates).
                    #expect(report.refusals.isEmpty && listedAfter == listed, "seed \(seed): \(report.refusals)")
                case let code?:
                    #expect(
                        report.refusals.first?.error.code == code,
                        "seed \(seed): \(madeHere!) vs \(report.refusals)"
                    )
                }
            }
            // The seeds reach every branch.
            #expect(outcomes["made", default: 0] > 0 && outcomes["required_field", default: 0] > 0)
            #expect(outcomes["invalid_record_id", default: 0] > 0 && outcomes.count >= 4, "\(outcomes)")
        }
    }

    @Test("A job without its title, from a peer, is kept but not listed until a delta sets the title")
    func incompleteRecordsWait() async throws {
        try await TestReplicas.withReplica { replica in
            let factory = DeltaFactory()
            let untitled = factory.sign(
                factory.delta(
                    .job,
                    record: DeltaFactory.recordID(7),
                    [Fields.set(.job, "employer", .string("Studio-29"))]
                )
            )
            _ = try await replica.apply([untitled.bytes], now: now, source: "peer")
            #expect(try await replica.count(RecordQuery(kind: .job)) == 0)
            let titled = factory.job(7, offset: 1)
            _ = try await replica.apply([titled.bytes], now: now, source: "peer")
            #expect(try await replica.count(RecordQuery(kind: .job)) == 1)
            #expect(try await replica.check().problems.isEmpty)
        }
    }
}
