import ArtelCore

/// Reads the fields of one Negentropy message: varints, delta-encoded timestamps, bounds,
/// fingerprints and ids.
///
/// Timestamps are relative to the previous bound of the same message, so one reader must read a
/// whole message in order.
struct NegentropyReader: Sendable {
    private let bytes: [UInt8]
    private var offset = 0
    private var lastTimestamp: UInt64 = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Whether every byte has been read.
    var isAtEnd: Bool { offset == bytes.count }

    /// The number of bytes not yet read.
    var remaining: Int { bytes.count - offset }

    mutating func readByte() throws(NegentropyError) -> UInt8 {
        guard offset < bytes.count else { throw .malformedMessage(.truncated) }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// A big-endian base-128 varint: seven bits a byte, most significant group first, the high bit
    /// set on every byte but the last.
    mutating func readVarInt() throws(NegentropyError) -> UInt64 {
        var value: UInt64 = 0
        while true {
            let byte = try readByte()
            guard value >> 57 == 0 else { throw .malformedMessage(.varintOverflow) }
            value = value << 7 | UInt64(byte & 0x7f)
            if byte & 0x80 == 0 { return value }
        }
    }

    /// A timestamp: 0 is infinity, otherwise one more than the difference from the previous one,
    /// saturating at infinity.
    mutating func readTimestamp() throws(NegentropyError) -> UInt64 {
        let encoded = try readVarInt()
        var timestamp = encoded == 0 ? UInt64.max : encoded - 1
        timestamp &+= lastTimestamp
        if timestamp < lastTimestamp { timestamp = .max }
        lastTimestamp = timestamp
        return timestamp
    }

    mutating func readBound() throws(NegentropyError) -> NegentropyBound {
        let timestamp = try readTimestamp()
        let length = try readVarInt()
        guard length <= UInt64(Bytes32.count) else { throw .malformedMessage(.boundIDTooLong(length)) }
        let prefix = try take(Int(length))
        let padded = bytes.withUnsafeBytes { source in
            Bytes32.filling { target in
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[prefix]))
            }
        }
        return NegentropyBound(timestamp: timestamp, paddedID: padded, prefixLength: Int(length))
    }

    mutating func readFingerprint() throws(NegentropyError) -> Bytes16 {
        Bytes16(bytes[try take(Bytes16.count)])!
    }

    /// The ids of an id list whose count has been read.
    mutating func readIDs(count: UInt64) throws(NegentropyError) -> [Bytes32] {
        guard count <= UInt64(remaining / Bytes32.count) else {
            throw .malformedMessage(.idListBeyondMessage(count))
        }
        var ids: [Bytes32] = []
        ids.reserveCapacity(Int(count))
        for _ in 0..<count { ids.append(Bytes32(bytes[try take(Bytes32.count)])!) }
        return ids
    }

    private mutating func take(_ count: Int) throws(NegentropyError) -> Range<Int> {
        guard count <= remaining else { throw .malformedMessage(.truncated) }
        defer { offset += count }
        return offset..<offset + count
    }
}
