import Synchronization

/// The proposals being decided at this moment: an editor's approval holds its proposal from the
/// check that it still waits until it is marked decided, so that two editors who approve one
/// proposal at once publish one job, not two.
final class ProposalClaims: Sendable {
    private let held = Mutex<Set<Int64>>([])

    /// Holds a proposal; `false` when another request holds it already.
    func claim(_ id: Int64) -> Bool {
        held.withLock { $0.insert(id).inserted }
    }

    /// Lets a proposal go.
    func release(_ id: Int64) {
        _ = held.withLock { $0.remove(id) }
    }
}
