/// Finds the elements of one top-level array of a JSON document without decoding them, so that
/// they can be decoded on every core: a byte scan that follows strings, escapes and nesting.
enum JSONArraySplitter {
    /// The raw bytes of each element of the array under `key` in the top-level object, or `nil`
    /// when the document has no such array (it is then decoded whole, and any error reported there).
    static func elements(of key: String, in bytes: [UInt8]) -> [ArraySlice<UInt8>]? {
        let target = Array("\"\(key)\"".utf8)
        var depth = 0
        var index = 0
        var inString = false
        var arrayStart: Int?
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if byte == 0x5C {
                    index += 2
                    continue
                }  // an escape: skip the next byte
                if byte == 0x22 { inString = false }
                index += 1
                continue
            }
            switch byte {
            case 0x22:
                if depth == 1, bytes[index...].starts(with: target) {
                    var next = index + target.count
                    while next < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[next]) { next += 1 }
                    if next < bytes.count, bytes[next] == 0x3A {
                        next += 1
                        while next < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[next]) { next += 1 }
                        if next < bytes.count, bytes[next] == 0x5B { arrayStart = next }
                    }
                }
                inString = true
            case 0x7B, 0x5B: depth += 1
            case 0x7D, 0x5D: depth -= 1
            default: break
            }
            index += 1
            if arrayStart != nil { break }
        }
        guard let start = arrayStart else { return nil }
        var elements: [ArraySlice<UInt8>] = []
        var elementStart: Int?
        depth = 0
        inString = false
        index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if byte == 0x5C {
                    index += 2
                    continue
                }
                if byte == 0x22 { inString = false }
                index += 1
                continue
            }
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: break
            case 0x2C where depth == 0:
                if let from = elementStart { elements.append(trimmed(bytes[from..<index])) }
                elementStart = nil
            case 0x5D where depth == 0:
                if let from = elementStart { elements.append(trimmed(bytes[from..<index])) }
                return elements
            default:
                if elementStart == nil { elementStart = index }
                switch byte {
                case 0x22: inString = true
                case 0x7B, 0x5B: depth += 1
                case 0x7D, 0x5D: depth -= 1
                default: break
                }
            }
            index += 1
        }
        return nil
    }

    private static func trimmed(_ slice: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var end = slice.endIndex
        while end > slice.startIndex, [0x20, 0x09, 0x0A, 0x0D].contains(slice[end - 1]) { end -= 1 }
        return slice[slice.startIndex..<end]
    }
}
