/// The order of operations in a register: by timestamp, then author key, then delta id.
///
/// Stamps of different deltas always differ, because their ids do; so every register has exactly
/// one winner whatever the order in which the deltas arrive.
public struct Stamp: Hashable, Comparable, Sendable {
    /// The delta's timestamp.
    public let timestamp: HLC
    /// The delta's author.
    public let author: PublicKey
    /// The delta's id.
    public let delta: DeltaID

    /// The stamp of a signed delta.
    public init(_ signed: SignedDelta) {
        timestamp = signed.delta.timestamp
        author = signed.delta.author
        delta = signed.id
    }

    public static func < (lhs: Stamp, rhs: Stamp) -> Bool {
        if lhs.timestamp != rhs.timestamp { return lhs.timestamp < rhs.timestamp }
        if lhs.author != rhs.author { return lhs.author < rhs.author }
        return lhs.delta < rhs.delta
    }
}
