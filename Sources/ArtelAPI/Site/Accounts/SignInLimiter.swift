import Synchronization

/// Slows password guessing: failed sign-ins are counted per account name and per address, and
/// past a few free ones each further failure locks the name (or the address) out for twice as long
/// as the last, up to a quarter of an hour. A success clears its name's count, not its address's.
///
/// The counts live in memory, at most ``capacity`` of them: a restart forgets them, and a flood of
/// names pushes out the quietest ones, never grows the node without bound.
final class SignInLimiter: Sendable {
    /// What the limiter counts a failure against.
    enum Subject: Hashable {
        /// An account name, in lower case.
        case account(String)
        /// A remote address.
        case address(String)
    }

    private struct Count {
        var failures: Int
        var last: Int64
        var lockedUntil: Int64
    }

    /// Failures allowed per account name before the lock-outs begin.
    static let freeAccountFailures = 5
    /// Failures allowed per address: more, since many people may share one address.
    static let freeAddressFailures = 20
    /// The first lock-out, in milliseconds; each next one doubles it.
    static let firstLockout: Int64 = 1_000
    /// The longest lock-out.
    static let longestLockout: Int64 = 15 * 60_000
    /// A count untouched this long is forgotten.
    static let memory: Int64 = 60 * 60_000
    /// The most counts kept.
    static let capacity = 10_000

    private let counts = Mutex<[Subject: Count]>([:])

    /// How many milliseconds the subjects must wait before an attempt, `0` when none is locked out.
    ///
    /// - Parameter now: the wall clock in Unix milliseconds.
    func wait(_ subjects: [Subject], now: Int64) -> Int64 {
        counts.withLock { counts in
            subjects.compactMap { counts[$0] }.map { max(0, $0.lockedUntil - now) }.max() ?? 0
        }
    }

    /// Counts a failed attempt against each subject.
    func fail(_ subjects: [Subject], now: Int64) {
        counts.withLock { counts in
            if counts.count + subjects.count > Self.capacity { Self.forget(&counts, now: now) }
            for subject in subjects {
                var count = counts[subject] ?? Count(failures: 0, last: now, lockedUntil: 0)
                if now - count.last > Self.memory { count = Count(failures: 0, last: now, lockedUntil: 0) }
                count.failures += 1
                count.last = now
                let free = if case .account = subject { Self.freeAccountFailures } else { Self.freeAddressFailures }
                let beyond = count.failures - free
                if beyond > 0 {
                    let lockout = Self.firstLockout << Int64(min(beyond - 1, 20))
                    count.lockedUntil = now + min(lockout, Self.longestLockout)
                }
                counts[subject] = count
            }
        }
    }

    /// Clears a subject's count after a successful sign-in.
    func succeed(_ subject: Subject) {
        _ = counts.withLock { $0.removeValue(forKey: subject) }
    }

    /// Drops counts that are no longer remembered, then, if still full, the quietest half.
    private static func forget(_ counts: inout [Subject: Count], now: Int64) {
        counts = counts.filter { now - $0.value.last <= memory || $0.value.lockedUntil > now }
        guard counts.count >= capacity else { return }
        let quietest = counts.sorted { $0.value.last < $1.value.last }.prefix(counts.count / 2).map(\.key)
        for subject in quietest { counts.removeValue(forKey: subject) }
    }
}
