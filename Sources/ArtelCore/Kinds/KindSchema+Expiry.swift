/// The expiries a delta may carry (DESIGN §4, `protocol/merge.md`).
public enum ExpiryAllowance: Sendable, Equatable {
    /// The expiry must be 0: the kind does not expire.
    case never
    /// The expiry may be 0 (never) or any moment after this one.
    case optional(after: UInt64)
    /// The expiry must lie in this range; `rule` says why, for error messages.
    case within(ClosedRange<UInt64>, rule: String)

    /// The expiry within the allowance closest to `desired` (0 for "as long as allowed").
    ///
    /// - Parameter desired: the wanted expiry in Unix milliseconds, or 0 for the longest allowed.
    public func clamp(_ desired: UInt64) -> UInt64 {
        switch self {
        case .never: 0
        case .optional(let after): desired == 0 ? 0 : max(desired, after + 1)
        case .within(let range, _):
            desired == 0 ? range.upperBound : min(max(desired, range.lowerBound), range.upperBound)
        }
    }
}

extension KindSchema {
    /// The expiries a delta may carry, from its kind, timestamp and operations alone.
    ///
    /// - Jobs: set, at most 120 days after the timestamp; digests: at most 365 days.
    /// - Events: set, at most 30 days after the end (or the start) the delta carries, and never less
    ///   than 30 days after the timestamp; a delete may carry any expiry.
    /// - Communities, people, memberships, ties, revocations: 0.
    /// - Grants: 0, or any moment after the timestamp.
    ///
    /// - Parameter delta: a delta of this schema's kind.
    public func expiryAllowance(for delta: Delta) -> ExpiryAllowance {
        let stamped = delta.timestamp.milliseconds
        switch expiry {
        case .never:
            return .never
        case .optional:
            return .optional(after: stamped)
        case .days(let days):
            return .within((stamped + 1)...(stamped + days * Self.day), rule: "\(days) days after its timestamp")
        case .afterEventEnd:
            if delta.isDelete { return .optional(after: stamped) }
            var limit = stamped + 30 * Self.day
            if case .timestamp(let moment) = delta.value(setting: self["end"].id)
                ?? delta.value(setting: self["start"].id),
                moment > 0
            {
                limit = max(limit, UInt64(moment) + 30 * Self.day)
            }
            return .within((stamped + 1)...limit, rule: "30 days after the event's end")
        }
    }
}
