public import ArtelCore

/// What became of one delta offered to the replica.
public enum DeltaOutcome: Sendable {
    /// Verified, merged and kept; peers that follow its scope should receive it.
    case accepted(SignedDelta)
    /// The replica already keeps it.
    case duplicate(DeltaID)
    /// Valid, but every register it writes has a greater winner: not kept (DESIGN §4, retention).
    case superseded(DeltaID)
    /// Valid, but its record has been deleted, and deletion is terminal.
    case recordDeleted(DeltaID)
    /// Refused, with the reason; recorded in the refusal log. A verified delta refused by its
    /// community's control plane is also held, in case a later grant covers it.
    case refused(Refusal)
    /// Verified, but the grant that would authorize it has not arrived: held in quarantine, not
    /// applied, shown or relayed, until the control plane decides it.
    case quarantined(DeltaID, String)
}

/// A refused delta: why, and what could be read of it.
public struct Refusal: Error, CustomStringConvertible {
    /// The reason.
    public let error: DeltaError
    /// The delta as decoded, when the bytes could be decoded.
    public let delta: Delta?
    /// The delta's id, when the bytes could be decoded.
    public let id: DeltaID?

    /// Records a refusal.
    public init(_ error: DeltaError, delta: Delta? = nil, id: DeltaID? = nil) {
        self.error = error
        self.delta = delta
        self.id = id
    }

    public var description: String { error.description }
}

/// The outcome of applying a batch: one ``DeltaOutcome`` per offered delta, in order.
public struct ApplyReport: Sendable {
    /// One outcome per offered delta, in the order offered.
    public internal(set) var outcomes: [DeltaOutcome] = []
    /// How many kept deltas lost their last register to this batch and were pruned.
    public internal(set) var pruned = 0
    /// Held deltas that a grant of this batch authorized, now applied: peers should receive them too.
    public internal(set) var released: [SignedDelta] = []
    /// Stored deltas that a revocation of this batch no longer covers, removed and held.
    public internal(set) var withdrawn: [Refusal] = []
    /// The rows of the `deltas` table the batch's transaction inserted, from the first to the last:
    /// every row between them is one of the deltas it applied, or gone since. `nil` when it inserted
    /// none, and in a report ``append(_:)`` made of several.
    public internal(set) var insertedRows: ClosedRange<Int64>?

    /// An empty report.
    public init() {}

    /// A report of these outcomes.
    init(outcomes: [DeltaOutcome]) {
        self.outcomes = outcomes
    }

    /// The deltas accepted, in the order offered.
    public var accepted: [SignedDelta] {
        outcomes.compactMap { if case .accepted(let delta) = $0 { delta } else { nil } }
    }

    /// The refusals, in the order offered.
    public var refusals: [Refusal] {
        outcomes.compactMap { if case .refused(let refusal) = $0 { refusal } else { nil } }
    }

    /// The number of deltas waiting in quarantine.
    public var quarantined: Int { outcomes.count { if case .quarantined = $0 { true } else { false } } }

    /// Every delta this batch applied: the accepted ones, then the released ones.
    public var applied: [SignedDelta] { accepted + released }

    /// The number of duplicates.
    public var duplicates: Int { outcomes.count { if case .duplicate = $0 { true } else { false } } }

    /// The number of deltas that were valid but not kept: superseded, or for a deleted record.
    public var superseded: Int {
        outcomes.count {
            switch $0 {
            case .superseded, .recordDeleted: true
            default: false
            }
        }
    }

    /// Turns deltas that the batch applied and then withdrew (a late binding, an erasure, a
    /// revocation in the same batch) into refusals, so that nobody relays them.
    mutating func settleWithdrawals() {
        guard !withdrawn.isEmpty else { return }
        var pending = Dictionary(withdrawn.compactMap { refusal in refusal.id.map { ($0, refusal) } }) { first, _ in
            first
        }
        outcomes = outcomes.map { outcome in
            guard case .accepted(let delta) = outcome, let refusal = pending.removeValue(forKey: delta.id) else {
                return outcome
            }
            return .refused(refusal)
        }
        let taken = Set(withdrawn.compactMap(\.id)).subtracting(pending.keys)
        released.removeAll { taken.contains($0.id) || pending[$0.id] != nil }
        withdrawn.removeAll { refusal in refusal.id.map { taken.contains($0) } ?? false }
    }

    /// Adds the outcomes of another batch.
    public mutating func append(_ other: ApplyReport) {
        insertedRows = nil
        outcomes.append(contentsOf: other.outcomes)
        pruned += other.pruned
        released += other.released
        withdrawn += other.withdrawn
    }
}

/// What admission made of one delta.
enum AdmittedDelta: Sendable {
    /// Decoded, verified and checked: ready to store, with what it makes of a new record when that
    /// was worked out before the store.
    case checked(SignedDelta, FreshRecord?)
    /// Checked lately (``RecentDeltas``): another copy was, so its signature is not checked again.
    case known(DeltaID)
    /// Refused, with what could be read of it.
    case refused(Refusal)
}

/// Deltas decoded, verified and checked by ``Replica/admit(_:now:follows:known:)``, ready for
/// ``Replica/store(_:now:source:)``: each one admitted, known or refused, in the order given.
public struct AdmittedDeltas: Sendable {
    private(set) var results: [AdmittedDelta]

    /// How many deltas, admitted, known or refused.
    public var count: Int { results.count }

    /// The ids of the deltas admitted, in order.
    public var admittedIDs: [DeltaID] {
        results.compactMap { result in
            guard case .checked(let signed, _) = result else { return nil }
            return signed.id
        }
    }

    /// The ids, when every delta is ``AdmittedDelta/known``: there is nothing to write.
    var allKnown: [DeltaID]? {
        var ids: [DeltaID] = []
        for case .known(let id) in results { ids.append(id) }
        return ids.count == results.count ? ids : nil
    }
}

extension AdmittedDeltas {
    /// No deltas.
    public init() {
        results = []
    }

    /// Deltas whose signatures and rules were checked before: they need no second verification.
    init(checked deltas: [SignedDelta]) {
        results = deltas.map { .checked($0, nil) }
    }

    /// Appends another batch, to store both in one transaction.
    public mutating func append(_ other: AdmittedDeltas) {
        results += other.results
    }
}
