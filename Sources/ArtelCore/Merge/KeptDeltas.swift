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

    /// The number of registers the delta with this id wins, if it is kept.
    func wins(of id: DeltaID) -> Int? {
        position(of: id).map { entries[$0].wins }
    }

    /// Sets the number of registers a kept delta wins.
    mutating func setWins(_ wins: Int, of id: DeltaID) {
        if let index = position(of: id) { entries[index].wins = wins }
    }

    /// Lets go of a kept delta.
    mutating func remove(_ id: DeltaID) {
        if let index = position(of: id) { entries.remove(at: index) }
    }

    private func position(of id: DeltaID) -> Int? {
        entries.firstIndex { $0.delta.id == id }
    }
}
