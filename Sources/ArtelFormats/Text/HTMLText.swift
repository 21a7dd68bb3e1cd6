import Foundation

/// Plain text from the small HTML that job boards put in descriptions: paragraphs and line breaks
/// become newlines, list items become "— " lines, other tags go, entities are decoded.
enum HTMLText {
    /// The text of some HTML, read byte by byte: tags and entities are ASCII, and so are the
    /// bytes that mark them, which never occur inside a multi-byte character.
    static func plain(_ html: String) -> String {
        var bytes: [UInt8] = []
        var html = html
        html.withUTF8 { utf8 in
            bytes.reserveCapacity(utf8.count)
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if byte == UInt8(ascii: "<"), let close = utf8[index...].firstIndex(of: UInt8(ascii: ">")) {
                    let tag = utf8[(index + 1)..<close]
                    let name =
                        tag.split { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "/") }.first
                        .map { String(decoding: $0, as: UTF8.self).lowercased() } ?? ""
                    switch name {
                    case "br", "p", "div", "ul", "ol", "h1", "h2", "h3", "h4": bytes.append(0x0A)
                    case "li": if tag.first != UInt8(ascii: "/") { bytes += Array("\n— ".utf8) }
                    default: break
                    }
                    index = close + 1
                } else if byte == UInt8(ascii: "&"),
                    let semicolon = utf8[index..<min(index + 10, utf8.count)].firstIndex(of: UInt8(ascii: ";")),
                    let decoded = decode(String(decoding: utf8[(index + 1)..<semicolon], as: UTF8.self))
                {
                    bytes += Array(String(decoded).utf8)
                    index = semicolon + 1
                } else {
                    bytes.append(byte)
                    index += 1
                }
            }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard bytes.contains(0x0A) else { return text.trimmingSpaces }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(\.trimmingSpaces)
        var result: [String] = []
        for line in lines where !(line.isEmpty && (result.last?.isEmpty ?? true)) { result.append(line) }
        while result.last?.isEmpty == true { result.removeLast() }
        return result.joined(separator: "\n")
    }

    private static func decode(_ entity: String) -> Character? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos", "#39": return "'"
        case "nbsp": return " "
        case "laquo": return "«"
        case "raquo": return "»"
        case "mdash": return "—"
        case "ndash": return "–"
        default:
            let hex = entity.hasPrefix("#x") || entity.hasPrefix("#X")
            guard entity.hasPrefix("#"), let code = UInt32(entity.dropFirst(hex ? 2 : 1), radix: hex ? 16 : 10),
                let scalar = Unicode.Scalar(code)
            else { return nil }
            return Character(scalar)
        }
    }
}

extension Substring {
    /// The text without the spaces around it, as `trimmingCharacters(in: .whitespaces)` trims them
    /// (Unicode's space separators, the tab and the zero-width space), without the copy to UTF-16
    /// that Foundation makes: hh.ru's texts are mostly Cyrillic, and every line of every
    /// description is trimmed.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpaceOrTab }),
            let last = scalars.lastIndex(where: { !$0.isSpaceOrTab })
        else { return "" }
        return String(Substring(scalars[first...last]))
    }
}

extension String {
    /// ``Substring/trimmingSpaces`` of the whole text.
    var trimmingSpaces: String { self[...].trimmingSpaces }
}

extension Unicode.Scalar {
    /// Whether `CharacterSet.whitespaces` holds it: a tab, a space separator (Unicode's general
    /// category Zs), or the zero-width space.
    fileprivate var isSpaceOrTab: Bool {
        value == 0x20 || value == 0x09 || value == 0x200B
            || (value > 0x7F && properties.generalCategory == .spaceSeparator)
    }
}

extension String {
    /// Collapses whitespace to single spaces and trims it: one line.
    var singleLine: String {
        isSingleLine ? self : split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether the text is one line already, read byte by byte: no whitespace but single ASCII
    /// spaces between words. It answers no for any byte that may start another white space (in
    /// UTF-8: U+0085, U+00A0, U+1680, U+2000 to U+205F, U+3000), so that such text is collapsed.
    var isSingleLine: Bool {
        var previous: UInt8 = 0x20
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            let following = next < utf8.endIndex ? utf8[next] : 0
            switch byte {
            case 0x09...0x0D: return false
            case 0x20 where previous == 0x20: return false
            case 0xC2 where following == 0x85 || following == 0xA0: return false
            case 0xE1 where following == 0x9A: return false
            case 0xE2 where following == 0x80 || following == 0x81: return false
            case 0xE3 where following == 0x80: return false
            default: break
            }
            previous = byte
            index = next
        }
        return previous != 0x20
    }

    /// At most `limit` characters, an ellipsis marking a cut. A text of at most `limit` bytes has at
    /// most `limit` characters: only longer ones are counted.
    func clipped(to limit: Int) -> String {
        utf8.count <= limit || count <= limit ? self : String(prefix(limit - 1)) + "…"
    }
}
