/// Reads one JSON value in place, byte by byte, for documents whose shape is known: the reader asks
/// for what it expects (an object's keys, a string, a number) and skips the rest without building
/// it. Anything unexpected or malformed throws ``Mismatch``; the caller then reads the document
/// with `JSONDecoder`, which says what is wrong and where.
struct JSONCursor {
    /// The value is not what the reader expected, or not JSON.
    struct Mismatch: Error {}

    private let bytes: ArraySlice<UInt8>
    private var index: Int

    /// A cursor at the start of `bytes`.
    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        index = bytes.startIndex
    }

    /// Whether only white space is left.
    mutating func isAtEnd() -> Bool {
        skipSpace()
        return index == bytes.endIndex
    }

    /// Reads an object, calling `member` with each key (its UTF-8 bytes, escapes left as they are)
    /// at the start of its value, which `member` must read or skip; `null` reads as no object.
    ///
    /// - Returns: whether there was an object.
    @discardableResult
    mutating func readObject(_ member: (inout JSONCursor, ArraySlice<UInt8>) throws -> Void) throws -> Bool {
        guard try !readNull() else { return false }
        try expect(0x7B)
        skipSpace()
        if peek() == 0x7D {
            index += 1
            return true
        }
        while true {
            skipSpace()
            let key = try rawString()
            skipSpace()
            try expect(0x3A)
            try member(&self, key)
            skipSpace()
            let next = try take()
            if next == 0x7D { return true }
            guard next == 0x2C else { throw Mismatch() }
        }
    }

    /// Reads an array, calling `element` at the start of each element; nil for `null`.
    mutating func readArray<Element>(_ element: (inout JSONCursor) throws -> Element) throws -> [Element]? {
        guard try !readNull() else { return nil }
        try expect(0x5B)
        var elements: [Element] = []
        skipSpace()
        if peek() == 0x5D {
            index += 1
            return elements
        }
        while true {
            elements.append(try element(&self))
            skipSpace()
            let next = try take()
            if next == 0x5D { return elements }
            guard next == 0x2C else { throw Mismatch() }
        }
    }

    /// A string; nil for `null`.
    mutating func readString() throws -> String? {
        guard try !readNull() else { return nil }
        let raw = try rawString()
        guard raw.contains(0x5C) else {
            guard let text = String(validating: raw, as: UTF8.self) else { throw Mismatch() }
            return text
        }
        return try Self.unescape(raw)
    }

    /// A number; nil for `null`.
    mutating func readNumber() throws -> Double? {
        guard try !readNull() else { return nil }
        skipSpace()
        let start = index
        while index < bytes.endIndex, Self.isNumberByte(bytes[index]) { index += 1 }
        guard index > start, bytes[start] != 0x2B,
            let number = Double(String(decoding: bytes[start..<index], as: UTF8.self))
        else {
            throw Mismatch()
        }
        return number
    }

    /// `true` or `false`; nil for `null`.
    mutating func readBool() throws -> Bool? {
        guard try !readNull() else { return nil }
        if try readLiteral("true") { return true }
        if try readLiteral("false") { return false }
        throw Mismatch()
    }

    /// Skips any value.
    mutating func skipValue() throws {
        skipSpace()
        switch peek() {
        case 0x7B: try readObject { cursor, _ in try cursor.skipValue() }
        case 0x5B: _ = try readArray { try $0.skipValue() }
        case 0x22: _ = try rawString()
        case 0x74: guard try readLiteral("true") else { throw Mismatch() }
        case 0x66: guard try readLiteral("false") else { throw Mismatch() }
        case 0x6E: guard try readNull() else { throw Mismatch() }
        default: _ = try readNumber()
        }
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x2B || byte == 0x2E || byte == 0x65 || byte == 0x45
    }

    private mutating func readNull() throws -> Bool {
        try readLiteral("null")
    }

    private mutating func readLiteral(_ literal: StaticString) throws -> Bool {
        skipSpace()
        let count = literal.utf8CodeUnitCount
        guard bytes.endIndex - index >= count else { return false }
        let matches = literal.withUTF8Buffer { bytes[index..<index + count].elementsEqual($0) }
        if matches { index += count }
        return matches
    }

    /// The bytes between the quotes of a string, escapes included.
    private mutating func rawString() throws -> ArraySlice<UInt8> {
        skipSpace()
        try expect(0x22)
        let start = index
        while index < bytes.endIndex {
            switch bytes[index] {
            case 0x22:
                index += 1
                return bytes[start..<index - 1]
            case 0x5C: index += 2
            case 0..<0x20: throw Mismatch()
            default: index += 1
            }
        }
        throw Mismatch()
    }

    private static func unescape(_ raw: ArraySlice<UInt8>) throws -> String {
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var index = raw.startIndex
        var pendingHigh: UInt32?
        while index < raw.endIndex {
            let byte = raw[index]
            guard byte == 0x5C else {
                guard pendingHigh == nil else { throw Mismatch() }
                output.append(byte)
                index += 1
                continue
            }
            guard index + 1 < raw.endIndex else { throw Mismatch() }
            let escaped = raw[index + 1]
            index += 2
            if escaped != 0x75, pendingHigh != nil { throw Mismatch() }
            switch escaped {
            case 0x22, 0x5C, 0x2F: output.append(escaped)
            case 0x62: output.append(0x08)
            case 0x66: output.append(0x0C)
            case 0x6E: output.append(0x0A)
            case 0x72: output.append(0x0D)
            case 0x74: output.append(0x09)
            case 0x75:
                guard index + 4 <= raw.endIndex,
                    let unit = UInt32(String(decoding: raw[index..<index + 4], as: UTF8.self), radix: 16)
                else { throw Mismatch() }
                index += 4
                var value = unit
                if let high = pendingHigh {
                    guard (0xDC00...0xDFFF).contains(unit) else { throw Mismatch() }
                    value = 0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00)
                    pendingHigh = nil
                } else if (0xD800...0xDBFF).contains(unit) {
                    pendingHigh = unit
                    continue
                }
                guard let scalar = Unicode.Scalar(value) else { throw Mismatch() }
                output += UTF8.encode(scalar)!
            default: throw Mismatch()
            }
        }
        guard pendingHigh == nil, let text = String(validating: output, as: UTF8.self) else { throw Mismatch() }
        return text
    }

    private mutating func skipSpace() {
        while index < bytes.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private func peek() -> UInt8? {
        index < bytes.endIndex ? bytes[index] : nil
    }

    private mutating func take() throws -> UInt8 {
        guard index < bytes.endIndex else { throw Mismatch() }
        defer { index += 1 }
        return bytes[index]
    }

    private mutating func expect(_ byte: UInt8) throws {
        guard try take() == byte else { throw Mismatch() }
    }
}
