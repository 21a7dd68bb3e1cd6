public import ArtelCore
import Synchronization

/// The ids of the deltas a node saw lately, bounded, for any thread to ask about and add to.
///
/// A node keeps two: the deltas its hub pushed, which the watcher of local changes does not push
/// again, and the deltas that passed every check, whose pushed copies are taken as held without
/// checking their signatures again (``Replica/admit(_:now:follows:known:)``).
///
/// A delta is remembered by the first 8 bytes of its id, a quarter of the memory. Two ids that
/// share them are taken for one, and that only ever drops a copy: a push taken as held is neither
/// stored nor relayed, a delta taken as pushed is not pushed again, and the next reconciliation
/// brings either one, checked in full. Ids are BLAKE2b hashes of what the deltas say, so among the
/// 200 000 ids remembered at most, a new id shares those bytes with one in 10^14, and nobody can
/// make it share them with a delta signed after theirs.
public final class RecentDeltas: Sendable {
    /// How many ids are remembered at least; up to twice as many are, the oldest forgotten first.
    public let capacity: Int
    private let remembered = Mutex(Generations())

    /// The ids in two generations of at most ``capacity``: when the newer is full, the older is
    /// forgotten and the newer takes its place. One set of ids with a list of their order needed
    /// a pass over the list, and a growth of the set, to forget the oldest. The first generation
    /// grows as ids come, so that a young node's first ids land on a few pages; the ones after it
    /// start with room for a whole generation, which the node has shown it sees.
    private struct Generations {
        var newer: Set<UInt64> = []
        var older: Set<UInt64> = []
    }

    /// Remembers the last `capacity` ids at least.
    public init(capacity: Int = 100_000) {
        precondition(capacity > 0, "a memory of deltas holds at least one")
        self.capacity = capacity
    }

    /// Remembers a delta.
    ///
    /// - Returns: whether it was not remembered yet.
    @discardableResult
    public func insert(_ id: DeltaID) -> Bool {
        let (key, capacity) = (id.bytes.firstWord, capacity)
        return remembered.withLock { remembered in
            guard !remembered.older.contains(key), remembered.newer.insert(key).inserted else { return false }
            if remembered.newer.count >= capacity {
                remembered.older = remembered.newer
                remembered.newer = Set(minimumCapacity: capacity)
            }
            return true
        }
    }

    /// Whether the delta `id` is remembered.
    public func contains(_ id: DeltaID) -> Bool {
        let key = id.bytes.firstWord
        return remembered.withLock { $0.newer.contains(key) || $0.older.contains(key) }
    }
}
