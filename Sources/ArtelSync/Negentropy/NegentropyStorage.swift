import ArtelCore

/// The sealed, sorted set one side reconciles (sorted by timestamp then id, duplicates removed).
///
/// Timestamps and ids live in two flat arrays, so that a range's fingerprint is one pass over
/// contiguous memory and a lookup is a binary search, without a heap allocation per item.
public struct NegentropyStorage: Sendable {
    private let timestamps: [UInt64]
    private let ids: [Bytes32]

    /// Sorts the items and removes duplicates.
    ///
    /// Items whose timestamp is `UInt64.max` are left out: that value is the protocol's infinity,
    /// the bound that closes every set, so no range can hold them (the reference implementation
    /// never reconciles them either).
    ///
    /// - Parameter items: the items, in any order.
    public init(_ items: [NegentropyItem]) {
        var sorted = items.filter { $0.timestamp != .max }
        sorted.sort()
        var timestamps: [UInt64] = []
        var ids: [Bytes32] = []
        timestamps.reserveCapacity(sorted.count)
        ids.reserveCapacity(sorted.count)
        var previous: NegentropyItem?
        for item in sorted where item != previous {
            timestamps.append(item.timestamp)
            ids.append(item.id)
            previous = item
        }
        self.timestamps = timestamps
        self.ids = ids
    }

    /// The number of items.
    public var count: Int { ids.count }

    func timestamp(at index: Int) -> UInt64 { timestamps[index] }

    func id(at index: Int) -> Bytes32 { ids[index] }

    /// The ids of the items in `range`.
    func ids(in range: Range<Int>) -> ArraySlice<Bytes32> { ids[range] }

    /// The first index in `lower..<count` whose item is not below `bound` (or `count`).
    func lowerBound(of bound: NegentropyBound, from lower: Int) -> Int {
        var first = lower
        var length = count - lower
        while length > 0 {
            let half = length / 2
            let middle = first + half
            if bound.isAbove(timestamp: timestamps[middle], id: ids[middle]) {
                first = middle + 1
                length -= half + 1
            } else {
                length = half
            }
        }
        return first
    }

    /// The bound between the items at `index - 1` and `index`.
    func minimalBound(before index: Int) -> NegentropyBound {
        NegentropyBound.minimal(
            previous: (timestamps[index - 1], ids[index - 1]),
            current: (timestamps[index], ids[index])
        )
    }

    /// The fingerprint of the items in `range`: the first 16 bytes of the SHA-256 of the sum of their
    /// ids, read as little-endian 256-bit integers and added modulo 2^256, followed by the varint of
    /// their count.
    func fingerprint(_ range: Range<Int>) -> Bytes16 {
        var sum = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        ids.withUnsafeBytes { raw in
            // Bytes32 is four words whose memory is the 32 bytes, so the ids are contiguous.
            var offset = range.lowerBound * MemoryLayout<Bytes32>.stride
            for _ in range {
                let word0 = UInt64(littleEndian: raw.load(fromByteOffset: offset, as: UInt64.self))
                let word1 = UInt64(littleEndian: raw.load(fromByteOffset: offset + 8, as: UInt64.self))
                let word2 = UInt64(littleEndian: raw.load(fromByteOffset: offset + 16, as: UInt64.self))
                let word3 = UInt64(littleEndian: raw.load(fromByteOffset: offset + 24, as: UInt64.self))
                let (sum0, carry0) = sum.0.addingReportingOverflow(word0)
                let (partial1, carry1a) = sum.1.addingReportingOverflow(word1)
                let (sum1, carry1b) = partial1.addingReportingOverflow(carry0 ? 1 : 0)
                let (partial2, carry2a) = sum.2.addingReportingOverflow(word2)
                let (sum2, carry2b) = partial2.addingReportingOverflow(carry1a || carry1b ? 1 : 0)
                let sum3 = sum.3 &+ word3 &+ (carry2a || carry2b ? 1 : 0)
                sum = (sum0, sum1, sum2, sum3)
                offset += MemoryLayout<Bytes32>.stride
            }
        }
        return NegentropyFingerprint.of(sum: sum, count: UInt64(range.count))
    }
}
