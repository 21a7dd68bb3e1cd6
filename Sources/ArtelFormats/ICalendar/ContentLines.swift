/// The content lines of an iCalendar stream (RFC 5545 §3.1): unfolded at the byte level, so that a
/// fold inside a UTF-8 character (which some writers produce) still reads back whole.
struct ContentLine: Equatable {
    /// The property name, upper-cased.
    let name: String
    /// Parameters by upper-cased name, quotes removed.
    let parameters: [String: String]
    /// The raw value, still escaped.
    let value: String
    /// The physical line the content line starts on, from 1.
    let line: Int

    /// Splits a stream into unfolded lines, each with the physical line it starts on.
    static func unfold(_ bytes: [UInt8]) throws(FormatError) -> [(text: String, line: Int)] {
        var lines: [(text: String, line: Int)] = []
        var current: [UInt8] = []
        var start = 1
        var physical = 1
        // A byte order mark, as Windows tools write before the text, is no part of the first line.
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func flush() throws(FormatError) {
            defer { current.removeAll(keepingCapacity: true) }
            guard !current.isEmpty else { return }
            guard let text = String(validating: current, as: UTF8.self) else {
                throw FormatError("line \(start)", "the text is not UTF-8", fileProblem: .notUTF8)
            }
            lines.append((text, start))
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
            if byte == 0x0A || byte == 0x0D {
                physical += 1
                index += 1
                if index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) {
                    index += 1  // a fold: the line goes on
                    continue
                }
                try flush()
                start = physical
                continue
            }
            current.append(byte)
            index += 1
        }
        try flush()
        return lines
    }

    /// Parses `NAME;PARAM=value;PARAM="quoted":value`.
    static func parse(_ text: String, line: Int) throws(FormatError) -> ContentLine {
        var name = ""
        var parameters: [String: String] = [:]
        var index = text.startIndex
        func readToken(until stops: Set<Character>) -> String {
            var token = ""
            var quoted = false
            while index < text.endIndex {
                let character = text[index]
                if character == "\"" {
                    quoted.toggle()
                } else if !quoted && stops.contains(character) {
                    break
                } else {
                    token.append(character)
                }
                index = text.index(after: index)
            }
            return token
        }
        name = readToken(until: [";", ":"]).uppercased()
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
            throw FormatError("line \(line)", "\"\(text.prefix(40))\" is not a content line (NAME:value)")
        }
        while index < text.endIndex && text[index] == ";" {
            index = text.index(after: index)
            let parameter = readToken(until: [";", ":"])
            guard let equals = parameter.firstIndex(of: "=") else {
                throw FormatError("line \(line)", "parameter \"\(parameter.prefix(40))\" of \(name) has no value")
            }
            parameters[parameter[..<equals].uppercased()] = String(parameter[parameter.index(after: equals)...])
        }
        guard index < text.endIndex, text[index] == ":" else {
            throw FormatError("line \(line)", "\(name) has no \":\" before its value")
        }
        let value = String(text[text.index(after: index)...])
        return ContentLine(
            name: name,
            parameters: parameters,
            // "END:VEVENT " still closes the event: a component's name has no spaces to keep.
            value: name == "BEGIN" || name == "END" ? value.filter { !$0.isWhitespace } : value,
            line: line
        )
    }
}

/// TEXT values (RFC 5545 §3.3.11) and line folding (§3.1).
enum ICalendarText {
    /// Reads an escaped TEXT value.
    static func unescape(_ value: String) -> String {
        var result = ""
        var escaping = false
        for character in value {
            if escaping {
                switch character {
                case "n", "N": result.append("\n")
                default: result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// Escapes a TEXT value: backslash, semicolon, comma and newlines.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n": result += "\\n"
            case "\r": continue
            default: result.append(character)
            }
        }
        return result
    }

    /// A content line folded at 75 octets without splitting a UTF-8 character, each physical line
    /// ending in CRLF.
    static func fold(_ line: String) -> String {
        let bytes = Array(line.utf8)
        var output: [UInt8] = []
        var start = 0
        var limit = 75
        while bytes.count - start > limit {
            var end = start + limit
            while end > start && (bytes[end] & 0xC0) == 0x80 { end -= 1 }  // not inside a character
            output += bytes[start..<end] + [0x0D, 0x0A, 0x20]
            start = end
            limit = 74  // the leading space counts
        }
        output += bytes[start...] + [0x0D, 0x0A]
        return String(decoding: output, as: UTF8.self)
    }
}
