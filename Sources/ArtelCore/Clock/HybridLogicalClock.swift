/// A node's hybrid logical clock: never goes backwards, stays close to the wall clock, and moves
/// past every timestamp it accepts from others.
///
/// The wall clock is never read here: every call takes `now`, in Unix milliseconds, from the caller.
/// Tests pass a manual clock; the node passes the system time.
public struct HybridLogicalClock: Hashable, Sendable {
    /// How far ahead of the local wall clock an accepted timestamp may be: ten minutes.
    public static let maximumDrift: UInt64 = 10 * 60 * 1000

    /// The latest timestamp issued or observed.
    public private(set) var latest: HLC

    /// Starts a clock that has seen `latest` (zero for a new node; the stored value after a restart).
    public init(latest: HLC = HLC(rawValue: 0)) {
        self.latest = latest
    }

    /// Issues a timestamp for a local event, greater than every timestamp issued or observed so far.
    ///
    /// - Parameter now: the wall clock in Unix milliseconds.
    /// - Returns: the new timestamp.
    public mutating func tick(now: UInt64) -> HLC {
        let wall = min(now, HLC.maximumMilliseconds)
        if wall > latest.milliseconds {
            latest = HLC(milliseconds: wall)
        } else if latest.counter < UInt16.max {
            latest = HLC(rawValue: latest.rawValue + 1)
        } else {
            // The counter is exhausted within this millisecond: borrow the next one.
            latest = HLC(milliseconds: latest.milliseconds + 1)
        }
        return latest
    }

    /// Moves the clock past a timestamp accepted from elsewhere.
    ///
    /// - Parameters:
    ///   - remote: the accepted timestamp.
    ///   - now: the wall clock in Unix milliseconds.
    /// - Throws: ``DeltaError/Code/futureTimestamp`` when `remote` is more than ``maximumDrift`` ahead
    ///   of `now`; the clock is then unchanged.
    public mutating func observe(_ remote: HLC, now: UInt64) throws(DeltaError) {
        try Self.checkNotTooFarAhead(remote, now: now)
        if remote > latest { latest = remote }
    }

    /// Refuses a timestamp more than ``maximumDrift`` ahead of `now`.
    ///
    /// - Parameters:
    ///   - timestamp: the timestamp to check.
    ///   - now: the wall clock in Unix milliseconds.
    public static func checkNotTooFarAhead(_ timestamp: HLC, now: UInt64) throws(DeltaError) {
        guard timestamp.milliseconds > now + maximumDrift else { return }
        let ahead = (timestamp.milliseconds - now) / 1000
        throw DeltaError(
            .futureTimestamp,
            "the delta is stamped \(ahead) s ahead of this node's clock; at most \(maximumDrift / 1000) s is accepted"
        )
    }
}
