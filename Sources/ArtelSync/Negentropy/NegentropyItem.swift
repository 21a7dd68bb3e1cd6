public import ArtelCore

/// One item of a reconciliation set: a timestamp and a 32-byte id.
///
/// Items order by timestamp, then by id (the lexicographic order of the id's bytes): the order in
/// which the Negentropy protocol walks a set and in which its range bounds are expressed.
public struct NegentropyItem: Hashable, Comparable, Sendable {
    /// The item's timestamp; `UInt64.max` is reserved for the protocol's "infinity" bound.
    public let timestamp: UInt64
    /// The item's id.
    public let id: Bytes32

    /// Makes an item.
    ///
    /// - Parameters:
    ///   - timestamp: the timestamp, the primary sort key.
    ///   - id: the id, the secondary sort key.
    public init(timestamp: UInt64, id: Bytes32) {
        self.timestamp = timestamp
        self.id = id
    }

    /// Orders by timestamp, then by id bytes, as Negentropy does.
    public static func < (lhs: NegentropyItem, rhs: NegentropyItem) -> Bool {
        lhs.timestamp != rhs.timestamp ? lhs.timestamp < rhs.timestamp : lhs.id < rhs.id
    }
}
