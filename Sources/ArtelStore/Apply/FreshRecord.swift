import ArtelCore

/// What one delta makes of a record that has no other: the merged state and the materialized row,
/// worked out before the write transaction, on every core.
///
/// An import's deltas mostly create their records, and while the writer (the one thread every
/// write waits for) stores a batch, the signing of the next leaves a core half idle. The import
/// works this out there, and the writer takes it when the delta turns out to create its record
/// (nothing stored for it, no delta of the batch before it), and then only binds and steps
/// statements for it. Merging a delta into an empty record depends on nothing but the delta, so
/// what the writer takes is what it would have worked out itself; for a delta whose record exists,
/// this is not used.
///
/// A sync does not do this: both cores are busy verifying there, and handing every record's
/// strings and tables from one thread to another cost more CPU than it moved off the writer (the
/// initial sync's CPU rose from 134–139 to 158–170 µs a delta).
struct FreshRecord: Sendable {
    /// The record's state after merging the delta into an empty record.
    let state: RecordState
    /// What that merge made of the delta.
    let outcome: MergeOutcome
    /// The record's row, when its kind is materialized.
    let row: MaterializedRow?

    init(_ signed: SignedDelta) {
        var state = RecordState()
        outcome = state.merge(signed)
        self.state = state
        row = MaterializedTable.of(signed.delta.kind).map { MaterializedRow(state, in: $0) }
    }
}
