/// The checks a delta passes after its decoding and signature (``SignedDelta/decodeVerified(_:)``) and
/// before any merge: the rules of its kind, the shape of grants and revocations, and the clock. None
/// of them reads the replica, so they run on every core before the write transaction; authorization,
/// which needs the community's control plane, comes after (``Authorization/authorize(_:id:trust:)``).
public enum Admission: Sendable {
    /// The checks after decoding and signature: kind rules, timestamp and expiry.
    ///
    /// - Parameters:
    ///   - delta: a delta whose signature verified.
    ///   - now: this node's wall clock in Unix milliseconds.
    public static func check(_ delta: Delta, now: UInt64) throws(DeltaError) {
        try delta.kind.schema.validate(delta)
        switch delta.kind {
        case .grant: try Grant.check(delta)
        case .revocation: try Revocation.check(delta)
        default: break
        }
        try HybridLogicalClock.checkNotTooFarAhead(delta.timestamp, now: now)
        try checkNotExpired(delta, now: now)
    }

    /// Refuses a delta whose expiry has passed: an expired delta is never accepted again.
    public static func checkNotExpired(_ delta: Delta, now: UInt64) throws(DeltaError) {
        guard delta.expiry == 0 || delta.expiry > now else {
            throw DeltaError(.expired, "the delta expired \((now - delta.expiry) / 1000) s ago")
        }
    }
}
