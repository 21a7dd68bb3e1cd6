/// A record as the merge of its deltas: a last-writer-wins register per field, per set element and
/// for the record itself (DESIGN §4, `protocol/merge.md`).
///
/// Laws, for any set of deltas of one record:
/// - **commutative and associative**: merging them in any order or grouping gives the same registers;
/// - **idempotent**: merging a delta twice changes nothing the second time;
/// - **retention is a function of the set**: the deltas kept are exactly those that win a register
///   (plus the winning `delete`, and every control-plane delta), whatever the arrival order.
///
/// Each register is a last-writer-wins register (Shapiro et al., "A comprehensive study of
/// Convergent and Commutative Replicated Data Types", INRIA RR-7506, 2011) ordered by ``Stamp``;
/// set fields are add-wins element registers in the style of an LWW-element-set.
public struct RecordState: Sendable {
    /// The operation that wins a register, with its stamp.
    public struct Winner: Sendable {
        /// The stamp of the winning delta.
        public let stamp: Stamp
        /// The winning operation.
        public let operation: Operation
    }

    /// The deltas that win at least one register, or are the record's delete, or are control plane.
    public private(set) var kept = KeptDeltas()

    // One register per single-valued field (and field 0, the record), one per element of a set field.
    private var singles = FieldRegisters<Winner>()
    private var sets = FieldRegisters<ElementRegisters<Winner>>()

    /// An empty record.
    public init() {}

    /// The merge of some deltas, in any order.
    ///
    /// - Parameter deltas: deltas of one record (same kind, community and record id).
    public init(merging deltas: some Sequence<SignedDelta>) {
        for delta in deltas { merge(delta) }
    }

    /// The winner of every register that has one.
    public var registers: [RegisterKey: Winner] {
        var all: [RegisterKey: Winner] = [:]
        for (field, winner) in singles.all { all[RegisterKey(field: field, element: nil)] = winner }
        for (field, elements) in sets.all {
            for (element, winner) in elements.all { all[RegisterKey(field: field, element: element)] = winner }
        }
        return all
    }

    /// The delete that ended the record, if any: a deleted record is a tombstone.
    public var deletion: SignedDelta? {
        guard let winner = singles[.record] else { return nil }
        return kept[winner.stamp.delta]
    }

    /// Whether the record has been deleted.
    public var isDeleted: Bool { singles[.record] != nil }

    /// Merges one delta of this record.
    ///
    /// - Parameter signed: a delta that has been verified, validated and authorized.
    /// - Returns: what became of it, and which kept deltas it pushed out.
    @discardableResult
    public mutating func merge(_ signed: SignedDelta) -> MergeOutcome {
        if kept[signed.id] != nil { return .duplicate }
        let stamp = Stamp(signed)
        if signed.delta.isDelete { return mergeDelete(signed, stamp: stamp) }
        if isDeleted { return .recordDeleted }
        if kept.isEmpty { return mergeFirst(signed, stamp: stamp) }

        var pruned: [DeltaID] = []
        var wins = 0
        for operation in signed.delta.operations {
            let challenger = Winner(stamp: stamp, operation: operation)
            let outcome: (taken: Bool, loser: DeltaID?)
            switch operation {
            case .set(let field, _), .clear(let field):
                outcome = Self.take(&singles[field], by: challenger)
            case .add(let field, let element), .remove(let field, let element):
                outcome = sets.update(field, from: ElementRegisters()) { registers in
                    registers.update(element) { Self.take(&$0, by: challenger) }
                }
            case .delete:
                continue
            }
            if outcome.taken { wins += 1 }
            if let loser = outcome.loser { release(loser, into: &pruned) }
        }
        guard wins > 0 || signed.delta.kind.isGrantOrRevocation else { return .superseded }
        kept.keep(signed, wins: wins)
        return .kept(pruned: pruned)
    }

    /// Merges a record's first delta, which wins every register it writes. Its operations are
    /// strictly increasing (a signed delta lists them as its bytes do, and the encoding refuses a
    /// register written twice), so each register is appended where it goes, none looked for.
    private mutating func mergeFirst(_ signed: SignedDelta, stamp: Stamp) -> MergeOutcome {
        singles.reserveCapacity(signed.delta.operations.count)
        var wins = 0
        for operation in signed.delta.operations {
            let winner = Winner(stamp: stamp, operation: operation)
            switch operation {
            case .set(let field, _), .clear(let field):
                singles.append(field, winner)
            case .add(let field, let element), .remove(let field, let element):
                sets.updateLast(field, from: ElementRegisters()) { $0.append(element, winner) }
            case .delete:
                continue
            }
            wins += 1
        }
        guard wins > 0 || signed.delta.kind.isGrantOrRevocation else { return .superseded }
        kept.keep(signed, wins: wins)
        return .kept(pruned: [])
    }

    /// Gives a register to a challenger that beats its current winner.
    ///
    /// - Returns: whether the challenger took it, and the delta that lost it.
    private static func take(_ register: inout Winner?, by challenger: Winner) -> (taken: Bool, loser: DeltaID?) {
        guard let current = register else {
            register = challenger
            return (true, nil)
        }
        guard challenger.beats(current) else { return (false, nil) }
        register = challenger
        return (true, current.stamp.delta)
    }

    private mutating func mergeDelete(_ signed: SignedDelta, stamp: Stamp) -> MergeOutcome {
        if let current = singles[.record], current.stamp > stamp { return .superseded }
        let pruned = kept.keys
        kept.keepOnly(signed)
        singles = FieldRegisters()
        singles[.record] = Winner(stamp: stamp, operation: .delete)
        sets = FieldRegisters()
        return .kept(pruned: pruned)
    }

    private mutating func release(_ loser: DeltaID, into pruned: inout [DeltaID]) {
        if kept.loseRegister(of: loser) { pruned.append(loser) }
    }

    /// The winning value of a single-valued field, if it is set.
    public func value(of field: FieldID) -> Value? {
        guard case .set(_, let value) = singles[field]?.operation else { return nil }
        return value
    }

    /// The elements of a set field whose register an `add` wins, in canonical order.
    public func elements(of field: FieldID) -> [Value] {
        guard let registers = sets[field] else { return [] }
        return registers.all.compactMap { element, winner in
            if case .add = winner.operation { element } else { nil }
        }
    }

    /// The latest timestamp among the kept deltas.
    public var updated: HLC? { kept.values.lazy.map(\.delta.timestamp).max() }

    /// When the record disappears if nothing renews it: the latest expiry of its kept deltas, or 0
    /// when one of them never expires.
    public var expiry: UInt64 {
        var latest: UInt64 = 0
        for delta in kept.values {
            if delta.delta.expiry == 0 { return 0 }
            latest = max(latest, delta.delta.expiry)
        }
        return latest
    }
}

extension RecordState.Winner {
    /// Whether this operation takes a register from `current`: the greater stamp wins, and on a full
    /// tie an `add` beats a `remove`.
    func beats(_ current: RecordState.Winner) -> Bool {
        if stamp != current.stamp { return stamp > current.stamp }
        if case .add = operation, case .remove = current.operation { return true }
        return false
    }
}

/// What merging a delta did.
public enum MergeOutcome: Hashable, Sendable {
    /// The delta won at least one register (or is a delete or control plane) and is kept; the
    /// listed deltas lost their last register to it and are no longer kept.
    case kept(pruned: [DeltaID])
    /// The delta is already kept.
    case duplicate
    /// Every register the delta writes already has a greater winner: it is not kept.
    case superseded
    /// The record was deleted: nothing but a greater delete can change it.
    case recordDeleted
}

extension Value {
    /// The canonical encoding of the value alone: its type tag and payload.
    public var encodedBytes: [UInt8] {
        var writer = ByteWriter(capacity: 16)
        writer.write(self)
        return writer.bytes
    }

    /// The canonical order of set elements: the order of their encoded bytes.
    public func canonicalPrecedes(_ other: Value) -> Bool {
        CanonicalOrder.compare(self, other) == .before
    }
}
