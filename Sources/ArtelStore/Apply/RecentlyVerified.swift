public import ArtelCore
import Synchronization

/// The ids of the deltas whose signatures a node checked lately, or that it wrote itself, for any
/// thread to ask about and add to.
///
/// A node's sessions push every delta it accepts to its other peers, so in a mesh the same delta
/// is pushed to a node once by each peer that has it. A push whose id is remembered here is taken
/// as held, without checking its signature a second time
/// (``Replica/admit(_:now:follows:known:)``): its id is the hash of every byte but the signature,
/// so what it says is what the node verified, and the copy is neither stored nor relayed. Only a
/// delta that passed every check is remembered, so a forged copy cannot keep the genuine one out.
public final class RecentlyVerified: Sendable {
    /// How many ids are remembered at least; up to twice as many are, the oldest forgotten first.
    public let capacity: Int
    private let remembered = Mutex(Remembered())

    private struct Remembered {
        var order: [DeltaID] = []
        var ids: Set<DeltaID> = []
    }

    /// Remembers the last `capacity` ids at least.
    public init(capacity: Int = 100_000) {
        precondition(capacity > 0, "a memory of checked deltas holds at least one")
        self.capacity = capacity
    }

    /// Remembers a delta that passed every check, or that this node wrote.
    public func insert(_ id: DeltaID) {
        remembered.withLock { remembered in
            guard remembered.ids.insert(id).inserted else { return }
            remembered.order.append(id)
            if remembered.order.count >= 2 * capacity {
                for old in remembered.order.prefix(capacity) { remembered.ids.remove(old) }
                remembered.order.removeFirst(capacity)
            }
        }
    }

    /// Whether the delta `id` was checked lately.
    public func contains(_ id: DeltaID) -> Bool {
        remembered.withLock { $0.ids.contains(id) }
    }
}
