/// A node's hybrid logical clock: never goes backwards, stays close to the wall clock, and moves
/// past every timestamp it accepts from others, but never more than ``maximumDrag`` ahead of the
/// wall clock (`protocol/encoding.md` §11).
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

    /// Moves the clock past a timestamp accepted from elsewhere, at most ``maximumDrag`` ahead of `now`.
    ///
    /// - Parameters:
    ///   - remote: the accepted timestamp.
    ///   - now: the wall clock in Unix milliseconds.
    /// - Throws: ``DeltaError/Code/futureTimestamp`` when `remote` is more than ``maximumDrift`` ahead
    ///   of `now`; the clock is then unchanged.
    public mutating func observe(_ remote: HLC, now: UInt64) throws(DeltaError) {
        try Self.checkNotTooFarAhead(remote, now: now)
        latest = max(latest, Self.observable(remote, now: now))
    }

    /// How far ahead of the local wall clock an accepted timestamp may move this clock: one minute.
    /// A peer stamping up to ``maximumDrift`` ahead is accepted, but drags this node's own new
    /// deltas at most this far (`protocol/encoding.md` §11); ``tick(now:after:)`` keeps each record's
    /// own order beyond it.
    public static let maximumDrag: UInt64 = 60 * 1000

    /// The part of an accepted timestamp that the clock moves past: `remote`, or the last timestamp
    /// of the millisecond ``maximumDrag`` ahead of `now` when `remote` is further ahead.
    public static func observable(_ remote: HLC, now: UInt64) -> HLC {
        let bound = HLC(milliseconds: min(now + maximumDrag, HLC.maximumMilliseconds), counter: .max)
        return min(remote, bound)
    }

    /// Issues a timestamp for a new delta of an existing record: ``tick(now:)``, but later than the
    /// record's latest kept delta when that one is stamped ahead, so that an edit never loses to the
    /// delta it edits.
    ///
    /// - Parameters:
    ///   - now: the wall clock in Unix milliseconds.
    ///   - record: the latest timestamp among the record's kept deltas, if it has any.
    /// - Returns: the new timestamp.
    public mutating func tick(now: UInt64, after record: HLC?) -> HLC {
        let stamp = tick(now: now)
        guard let record, record >= stamp else { return stamp }
        latest = HLC(rawValue: record.rawValue + 1)
        return latest
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
