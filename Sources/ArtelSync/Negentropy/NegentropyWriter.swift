import ArtelCore

/// Builds one Negentropy message: the mirror of ``NegentropyReader``.
struct NegentropyWriter: Sendable {
    private(set) var bytes: [UInt8]
    private var lastTimestamp: UInt64 = 0

    /// Starts a message with its protocol version byte.
    init(version: UInt8) {
        bytes = [version]
    }

    /// The number of bytes written so far.
    var count: Int { bytes.count }

    /// Drops everything written after the first `count` bytes.
    mutating func truncate(to count: Int) {
        bytes.removeSubrange(count...)
    }

    mutating func appendVarInt(_ value: UInt64) {
        Self.appendVarInt(value, to: &bytes)
    }

    /// Appends a big-endian base-128 varint (see ``NegentropyReader/readVarInt()``).
    static func appendVarInt(_ value: UInt64, to bytes: inout [UInt8]) {
        var shift = (UInt64.bitWidth - 1 - max(value, 1).leadingZeroBitCount) / 7 * 7
        while shift > 0 {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)) | 0x80)
            shift -= 7
        }
        bytes.append(UInt8(truncatingIfNeeded: value) & 0x7f)
    }

    mutating func appendBound(_ bound: NegentropyBound) {
        appendTimestamp(bound.timestamp)
        appendVarInt(UInt64(bound.prefixLength))
        bound.paddedID.withUnsafeBytes { bytes.append(contentsOf: $0.prefix(bound.prefixLength)) }
    }

    mutating func appendMode(_ mode: NegentropyMode) {
        appendVarInt(mode.rawValue)
    }

    mutating func appendFingerprint(_ fingerprint: Bytes16) {
        fingerprint.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    mutating func appendID(_ id: Bytes32) {
        id.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    /// Infinity as 0, any other timestamp as one more than its difference from the previous one.
    private mutating func appendTimestamp(_ timestamp: UInt64) {
        guard timestamp != .max else {
            lastTimestamp = .max
            appendVarInt(0)
            return
        }
        let delta = timestamp &- lastTimestamp
        lastTimestamp = timestamp
        appendVarInt(delta &+ 1)
    }
}
