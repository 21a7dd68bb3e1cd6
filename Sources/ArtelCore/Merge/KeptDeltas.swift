/// The deltas a record keeps, each with the number of registers it wins.
///
/// A record keeps one delta or a few: a short array searched by id costs less than the two
/// dictionaries it replaces, which every record a batch creates allocated and hashed its delta's
/// id into.
public struct KeptDeltas: Sendable {
    private var entries: [(delta: SignedDelta, wins: Int)] = []

    init() {}

    /// Whether no delta is kept.
    public var isEmpty: Bool { entries.isEmpty }

    /// The number of kept deltas.
    public var count: Int { entries.count }

    /// The kept delta with this id, if it is kept.
    public subscript(id: DeltaID) -> SignedDelta? {
        position(of: id).map { entries[$0].delta }
    }

    /// The kept deltas, in no particular order.
    public var values: LazyMapSequence<[(delta: SignedDelta, wins: Int)], SignedDelta> {
        entries.lazy.map(\.delta)
    }

    /// The ids of the kept deltas, in no particular order.
    public var keys: [DeltaID] { entries.map(\.delta.id) }

    /// Keeps a delta that wins `wins` registers.
    mutating func keep(_ delta: SignedDelta, wins: Int) {
        entries.append((delta, wins))
    }

    /// Keeps only `delta`, winning one register: a record's delete.
    mutating func keepOnly(_ delta: SignedDelta) {
        entries = [(delta, 1)]
    }

    /// Takes a register from a kept delta. A delta that loses its last is let go, unless it is
    /// control plane, which is kept whatever it wins.
    ///
    /// - Returns: whether the delta was let go (pruned).
    mutating func loseRegister(of id: DeltaID) -> Bool {
        guard let index = position(of: id) else { return false }
        if entries[index].wins > 1 || entries[index].delta.delta.kind.isGrantOrRevocation {
            entries[index].wins = max(0, entries[index].wins - 1)
            return false
        }
        entries.remove(at: index)
        return true
    }

    private func position(of id: DeltaID) -> Int? {
        entries.firstIndex { $0.delta.id == id }
    }
}
