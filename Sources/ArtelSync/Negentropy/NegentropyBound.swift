import ArtelCore

/// The upper end of a range: a timestamp and a prefix of an id, as Negentropy puts on the wire.
///
/// A bound compares like an item whose id is the prefix padded with zero bytes, so an item lies
/// below a bound when its timestamp is lower, or equal with a lower id than the padded prefix.
struct NegentropyBound: Equatable, Sendable {
    /// The timestamp; `UInt64.max` is infinity.
    let timestamp: UInt64
    /// The id prefix, padded with zero bytes to 32.
    let paddedID: Bytes32
    /// How many bytes of ``paddedID`` are on the wire, 0 to 32.
    let prefixLength: Int

    /// The bound below every item, the implicit start of a message.
    static let zero = NegentropyBound(timestamp: 0, paddedID: .zero, prefixLength: 0)

    /// The bound above every item: the end of the last range.
    static let infinity = NegentropyBound(timestamp: .max, paddedID: .zero, prefixLength: 0)

    init(timestamp: UInt64, paddedID: Bytes32, prefixLength: Int) {
        self.timestamp = timestamp
        self.paddedID = paddedID
        self.prefixLength = prefixLength
    }

    /// The bound that is exactly an item, with its whole id.
    init(timestamp: UInt64, id: Bytes32) {
        self.init(timestamp: timestamp, paddedID: id, prefixLength: Bytes32.count)
    }

    /// The bound with the first `length` bytes of `id`.
    init(timestamp: UInt64, id: Bytes32, prefixLength length: Int) {
        let padded = id.withUnsafeBytes { source in
            Bytes32.filling { target in
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[0..<length]))
            }
        }
        self.init(timestamp: timestamp, paddedID: padded, prefixLength: length)
    }

    /// The shortest bound above `previous` and at or below `current` (two adjacent items):
    /// only the timestamp when they differ, otherwise the id prefix one byte past the shared part.
    static func minimal(
        previous: (timestamp: UInt64, id: Bytes32),
        current: (timestamp: UInt64, id: Bytes32)
    ) -> NegentropyBound {
        guard previous.timestamp == current.timestamp else {
            return NegentropyBound(timestamp: current.timestamp, paddedID: .zero, prefixLength: 0)
        }
        let length = previous.id.withUnsafeBytes { previousBytes in
            current.id.withUnsafeBytes { currentBytes in
                var shared = 0
                while shared < Bytes32.count, previousBytes[shared] == currentBytes[shared] { shared += 1 }
                return min(shared + 1, Bytes32.count)
            }
        }
        return NegentropyBound(timestamp: current.timestamp, id: current.id, prefixLength: length)
    }

    /// Whether this is ``infinity``, the end of every set.
    var isInfinity: Bool { self == .infinity }

    /// Whether an item lies below this bound.
    func isAbove(timestamp itemTimestamp: UInt64, id itemID: Bytes32) -> Bool {
        itemTimestamp != timestamp ? itemTimestamp < timestamp : itemID < paddedID
    }
}
