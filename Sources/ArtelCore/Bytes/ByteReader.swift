/// Reads the primitives of the canonical encoding, refusing anything non-minimal or short.
///
/// Every read names what it was reading, so that a truncated delta says where it ended.
public struct ByteReader: Sendable {
    private let bytes: [UInt8]
    /// The offset of the next byte to read.
    public private(set) var offset: Int

    /// Starts reading at the first byte.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        offset = 0
    }

    /// Bytes already read, by offset.
    public func slice(_ range: Range<Int>) -> ArraySlice<UInt8> {
        bytes[range]
    }

    /// The number of bytes not yet read.
    public var remaining: Int { bytes.count - offset }

    /// Reads one byte.
    ///
    /// - Parameter what: what the byte is, for the error message.
    public mutating func readByte(_ what: @autoclosure () -> String) throws(DeltaError) -> UInt8 {
        guard offset < bytes.count else { throw truncated(what()) }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// Reads `count` bytes.
    public mutating func readBytes(
        _ count: Int,
        _ what: @autoclosure () -> String
    ) throws(DeltaError) -> ArraySlice<UInt8> {
        guard count <= remaining else { throw truncated(what()) }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    /// Reads 32 inline bytes.
    public mutating func readBytes32(_ what: @autoclosure () -> String) throws(DeltaError) -> Bytes32 {
        let slice = try readBytes(Bytes32.count, what())
        return Bytes32(slice)!
    }

    /// Reads 16 inline bytes.
    public mutating func readBytes16(_ what: @autoclosure () -> String) throws(DeltaError) -> Bytes16 {
        let slice = try readBytes(Bytes16.count, what())
        return Bytes16(slice)!
    }

    /// Reads a 64-bit unsigned integer, most significant byte first.
    public mutating func readBigEndian(_ what: @autoclosure () -> String) throws(DeltaError) -> UInt64 {
        guard remaining >= 8 else { throw truncated(what()) }
        var value: UInt64 = 0
        for index in offset..<offset + 8 { value = value << 8 | UInt64(bytes[index]) }
        offset += 8
        return value
    }

    /// Reads an unsigned LEB128 varint, refusing overlong forms and overflow.
    public mutating func readVarint(_ what: @autoclosure () -> String) throws(DeltaError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count else { throw truncated(what()) }
            let byte = bytes[offset]
            offset += 1
            let payload = UInt64(byte & 0x7f)
            if shift == 63 && payload > 1 {
                throw DeltaError(.malformedVarint, "\(what()) overflows 64 bits")
            }
            value |= payload << shift
            if byte & 0x80 == 0 {
                if byte == 0 && shift > 0 {
                    throw DeltaError(.malformedVarint, "\(what()) is not in its shortest form")
                }
                return value
            }
            shift += 7
            if shift > 63 { throw DeltaError(.malformedVarint, "\(what()) overflows 64 bits") }
        }
    }

    /// Reads a zigzag varint as a signed integer.
    public mutating func readZigZag(_ what: @autoclosure () -> String) throws(DeltaError) -> Int64 {
        let raw = try readVarint(what())
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    /// Reads a varint length and that many bytes.
    public mutating func readLengthPrefixed(_ what: @autoclosure () -> String) throws(DeltaError) -> ArraySlice<UInt8> {
        let length = try readVarint("length of \(what())")
        guard length <= UInt64(remaining) else { throw truncated(what()) }
        return try readBytes(Int(length), what())
    }

    private func truncated(_ what: String) -> DeltaError {
        DeltaError(.truncated, "the delta ends inside \(what) (at byte \(offset) of \(bytes.count))")
    }
}
