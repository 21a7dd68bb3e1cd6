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
    private let remembered = Mutex(Remembered())

    private struct Remembered {
        var order: [DeltaID] = []
        var ids: Set<DeltaID> = []
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
        remembered.withLock { remembered in
            guard remembered.ids.insert(id).inserted else { return false }
            remembered.order.append(id)
            if remembered.order.count >= 2 * capacity {
                for old in remembered.order.prefix(capacity) { remembered.ids.remove(old) }
                remembered.order.removeFirst(capacity)
            }
            return true
        }
    }

    /// Whether the delta `id` is remembered.
    public func contains(_ id: DeltaID) -> Bool {
        remembered.withLock { $0.ids.contains(id) }
    }
}
