import Synchronization

/// Keeps floods of visitors' proposals out: each address may send ``perAddress`` proposals (those
/// queued and those the trap field caught) in any ``window``; the next waits until the oldest of
/// them leaves the window.
///
/// The counts live in memory, at most ``capacity`` addresses: a restart forgets them, and a flood
/// of addresses pushes out the quietest ones, never grows the node without bound.
final class ProposalLimiter: Sendable {
    /// Proposals an address may send in a window.
    static let perAddress = 5
    /// The window, in milliseconds: an hour.
    static let window: Int64 = 3_600_000
    /// The most addresses remembered.
    static let capacity = 10_000

    private let sent = Mutex<[String: [Int64]]>([:])

    /// How many milliseconds an address must wait before it may send another, `0` when it may now.
    ///
    /// - Parameter now: the wall clock in Unix milliseconds.
    func wait(_ address: String, now: Int64) -> Int64 {
        sent.withLock { sent in
            let recent = (sent[address] ?? []).filter { now - $0 < Self.window }
            guard recent.count >= Self.perAddress, let oldest = recent.min() else { return 0 }
            return max(1, oldest + Self.window - now)
        }
    }

    /// Counts a proposal an address sent.
    func count(_ address: String, now: Int64) {
        sent.withLock { sent in
            if sent[address] == nil, sent.count >= Self.capacity { Self.forget(&sent, now: now) }
            sent[address] = (sent[address] ?? []).filter { now - $0 < Self.window }.suffix(Self.perAddress - 1) + [now]
        }
    }

    /// Drops the addresses whose proposals all left the window, then, if still full, the quietest half.
    private static func forget(_ sent: inout [String: [Int64]], now: Int64) {
        sent = sent.filter { ($0.value.max() ?? 0) > now - window }
        guard sent.count >= capacity else { return }
        let quietest = sent.sorted { ($0.value.max() ?? 0) < ($1.value.max() ?? 0) }.prefix(sent.count / 2)
        for (address, _) in quietest { sent.removeValue(forKey: address) }
    }
}
