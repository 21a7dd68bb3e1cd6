/// Appends the primitives of the canonical encoding to a byte array.
public struct ByteWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8]

    /// Starts an empty writer.
    ///
    /// - Parameter capacity: bytes to reserve up front.
    public init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Appends one byte.
    public mutating func write(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends bytes as they are.
    public mutating func write(contentsOf other: some Sequence<UInt8>) {
        bytes.append(contentsOf: other)
    }

    /// Appends 32 inline bytes.
    public mutating func write(_ value: Bytes32) {
        value.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    /// Appends 16 inline bytes.
    public mutating func write(_ value: Bytes16) {
        value.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    /// Appends a 64-bit unsigned integer, most significant byte first.
    public mutating func writeBigEndian(_ value: UInt64) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends an unsigned LEB128 varint in its shortest form.
    public mutating func writeVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Appends a signed integer as a zigzag varint.
    public mutating func writeZigZag(_ value: Int64) {
        writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// Appends a varint length followed by the bytes.
    public mutating func writeLengthPrefixed(_ content: some Collection<UInt8>) {
        writeVarint(UInt64(content.count))
        bytes.append(contentsOf: content)
    }
}
