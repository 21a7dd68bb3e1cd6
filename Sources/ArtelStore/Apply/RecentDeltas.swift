public import ArtelCore
import Synchronization

/// The ids of the deltas a node saw lately, bounded, for any thread to ask about and add to.
///
/// A node keeps two: the deltas its hub pushed, which the watcher of local changes does not push
/// again, and the deltas that passed every check, whose pushed copies are taken as held without
/// checking their signatures again (``Replica/admit(_:now:follows:known:)``).
public final class RecentDeltas: Sendable {
    /// How many ids are remembered at least; up to twice as many are, the oldest forgotten first.
    public let capacity: Int
    private let remembered: Mutex<Generations>

    /// The ids in two generations of at most ``capacity``: when the newer is full, the older is
    /// forgotten and the newer takes its place. Each set has room for a generation from the start:
    /// one set that grew as ids came was copied into larger and larger ones, each on fresh pages,
    /// on the session loop at the end of a batch (80 ms at the end of an initial sync of 100 000).
    private struct Generations {
        var newer: Set<DeltaID>
        var older: Set<DeltaID> = []
    }

    /// Remembers the last `capacity` ids at least.
    public init(capacity: Int = 100_000) {
        precondition(capacity > 0, "a memory of deltas holds at least one")
        self.capacity = capacity
        remembered = Mutex(Generations(newer: Set(minimumCapacity: capacity)))
    }

    /// Remembers a delta.
    ///
    /// - Returns: whether it was not remembered yet.
    @discardableResult
    public func insert(_ id: DeltaID) -> Bool {
        let capacity = capacity
        return remembered.withLock { remembered in
            guard !remembered.older.contains(id), remembered.newer.insert(id).inserted else { return false }
            if remembered.newer.count >= capacity {
                remembered.older = remembered.newer
                remembered.newer = Set(minimumCapacity: capacity)
            }
            return true
        }
    }

    /// Whether the delta `id` is remembered.
    public func contains(_ id: DeltaID) -> Bool {
        remembered.withLock { $0.newer.contains(id) || $0.older.contains(id) }
    }
}
