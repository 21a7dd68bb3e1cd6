/// A hybrid logical clock timestamp: 48 bits of Unix milliseconds and a 16-bit counter in one `UInt64`.
///
/// Timestamps order by their raw value, so the wall-clock part dominates and the counter breaks
/// ties between events in the same millisecond (Kulkarni et al., "Logical Physical Clocks", 2014).
public struct HLC: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The packed value: `milliseconds << 16 | counter`.
    public let rawValue: UInt64

    /// The largest number of milliseconds 48 bits hold (the year 10889).
    public static let maximumMilliseconds: UInt64 = (1 << 48) - 1

    /// Wraps a packed value.
    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    /// Packs milliseconds and a counter.
    ///
    /// - Parameters:
    ///   - milliseconds: Unix time in milliseconds, at most ``maximumMilliseconds``.
    ///   - counter: the logical counter within that millisecond.
    public init(milliseconds: UInt64, counter: UInt16 = 0) {
        precondition(milliseconds <= Self.maximumMilliseconds, "HLC milliseconds \(milliseconds) exceed 48 bits")
        rawValue = milliseconds << 16 | UInt64(counter)
    }

    /// The wall-clock part, in Unix milliseconds.
    public var milliseconds: UInt64 { rawValue >> 16 }

    /// The logical part.
    public var counter: UInt16 { UInt16(truncatingIfNeeded: rawValue) }

    public static func < (lhs: HLC, rhs: HLC) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { "\(milliseconds).\(counter)" }
}
