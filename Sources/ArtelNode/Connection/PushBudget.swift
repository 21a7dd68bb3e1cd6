import ArtelSync
import NIOConcurrencyHelpers

/// The bytes of pushes the hub may queue for one session before the session loop takes them. A
/// session that falls behind misses pushes instead of growing a queue, and learns that it did, so
/// that a reconciliation repairs them.
final class PushBudget: Sendable {
    private let state: NIOLockedValueBox<(available: Int, missed: Bool)>

    /// A budget of `bytes`.
    init(bytes: Int) {
        state = NIOLockedValueBox((bytes, false))
    }

    /// Takes room for a push; `false`, and the miss remembered, when there is none.
    func take(_ bytes: Int) -> Bool {
        state.withLockedValue { state in
            guard state.available >= bytes else {
                state.missed = true
                return false
            }
            state.available -= bytes
            return true
        }
    }

    /// Gives back the room of a push the session loop took.
    func give(_ bytes: Int) {
        state.withLockedValue { $0.available += bytes }
    }

    /// Whether a push was missed since the last call.
    func takeMissed() -> Bool {
        state.withLockedValue { state in
            defer { state.missed = false }
            return state.missed
        }
    }
}
