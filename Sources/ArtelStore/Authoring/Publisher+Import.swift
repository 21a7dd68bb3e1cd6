public import ArtelCore

/// What an import does with one record.
public enum ImportOutcome: Sendable, Equatable {
    /// The record is new.
    case created
    /// The source changed: the record takes its values again.
    case updated
    /// The record already holds the source's values.
    case unchanged
    /// The record was deleted here, and deletion is final: the source is not imported again.
    case deleted
}

extension Publisher {
    /// Prepares the delta that makes a record hold the values an import gives, without writing it:
    /// a new record; or, when any value differs, one delta that writes every given value again
    /// (so that it outlives and prunes the older ones, as a renewal does) and clears the
    /// `controlled` fields the source no longer has; or nothing when nothing differs. Importing the
    /// same source twice therefore changes nothing, and an edited source updates its record.
    ///
    /// - Parameters:
    ///   - operations: `set` and `add` operations: every value the source gives.
    ///   - controlled: the fields the import owns.
    public func prepareImport(
        _ kind: RecordKind,
        community: PublicKey,
        record: RecordID,
        operations: [Operation],
        controlled: Set<FieldID>,
        now: UInt64
    ) async throws -> (ImportOutcome, SignedDelta?) {
        guard let current = try await replica.record(kind, Reference(community: community, record: record)) else {
            let signed = try await prepareCreate(
                kind,
                community: community,
                record: record,
                operations: operations,
                now: now
            )
            return (.created, signed)
        }
        if current.state.isDeleted { return (.deleted, nil) }
        let removals = Self.removals(from: current.state, toMatch: operations, controlled: controlled, kind: kind)
        let differs =
            !removals.isEmpty
            || operations.contains { operation in
                switch operation {
                case .set(let field, let value): current.state.value(of: field) != value
                case .add(let field, let element): !current.state.elements(of: field).contains(element)
                case .clear, .remove, .delete: true
                }
            }
        guard differs else { return (.unchanged, nil) }
        let signed = try await prepare(
            kind,
            community: community,
            record: record,
            operations: operations + removals,
            now: now
        ) { $0.clamp(0) }
        return (.updated, signed)
    }

    /// Applies prepared deltas in one call, checked as any others.
    ///
    /// - Throws: the first refusal's ``DeltaError`` (the prepared deltas were checked already, so
    ///   this means the replica changed meanwhile).
    public func commitAll(_ deltas: [SignedDelta], now: UInt64, source: String) async throws -> ApplyReport {
        let report = try await replica.apply(deltas.map(\.bytes), now: now, source: source)
        if let refusal = report.refusals.first { throw refusal.error }
        return report
    }

    /// Clears of controlled single fields the source no longer gives, removals of controlled set
    /// elements it no longer lists.
    private static func removals(
        from state: RecordState,
        toMatch operations: [Operation],
        controlled: Set<FieldID>,
        kind: RecordKind
    ) -> [Operation] {
        let given = Set(operations.map(\.field))
        var wanted: [FieldID: Set<Value>] = [:]
        for case .add(let field, let element) in operations { wanted[field, default: []].insert(element) }
        var removals: [Operation] = []
        for field in controlled.sorted() {
            guard let spec = kind.schema.field(field) else { continue }
            if spec.cardinality == .set {
                for element in state.elements(of: field) where !(wanted[field]?.contains(element) ?? false) {
                    removals.append(.remove(field, element))
                }
            } else if !given.contains(field) && state.value(of: field) != nil {
                removals.append(.clear(field))
            }
        }
        return removals
    }
}
