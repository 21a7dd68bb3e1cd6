import ArtelCore
import Dispatch
import Synchronization

/// Checks sign-in passwords one at a time, on a thread of their own: an Argon2id check takes 64 MiB
/// and a fraction of a second of a core, so that checks side by side would let a flood of sign-ins
/// take the node's memory, and checks on Swift's cooperative threads would stall every other request.
/// A few sign-ins wait their turn; beyond ``maximumWaiting`` the site answers that it is busy.
final class PasswordChecks: Sendable {
    /// The most sign-ins that may wait for their check.
    static let maximumWaiting = 16

    private let queue = DispatchQueue(label: "artel.password-checks", qos: .userInitiated)
    private let waiting = Mutex(0)

    /// Whether a password matches a stored hash; `nil` when too many checks are waiting already.
    func verify(_ password: String, against stored: String) async -> Bool? {
        let admitted = waiting.withLock { count -> Bool in
            guard count < Self.maximumWaiting else { return false }
            count += 1
            return true
        }
        guard admitted else { return nil }
        defer { waiting.withLock { $0 -= 1 } }
        return await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: PasswordHash.verify(password, against: stored)) }
        }
    }

    /// A password's Argon2id hash, made on the same thread as the checks: for the few passwords an
    /// operator sets on the site, which wait their turn like a sign-in.
    func hash(_ password: String) async -> String {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: PasswordHash.hash(password)) }
        }
    }
}
