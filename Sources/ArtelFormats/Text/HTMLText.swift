import Foundation

/// Plain text from the small HTML that job boards put in descriptions: paragraphs and line breaks
/// become newlines, list items become "— " lines, other tags go, entities are decoded.
enum HTMLText {
    static func plain(_ html: String) -> String {
        var text = ""
        var index = html.startIndex
        while index < html.endIndex {
            let character = html[index]
            if character == "<", let close = html[index...].firstIndex(of: ">") {
                let tag = html[html.index(after: index)..<close].lowercased()
                let closing = tag.hasPrefix("/")
                let name = tag.split(whereSeparator: { $0 == " " || $0 == "/" }).first.map(String.init) ?? ""
                switch name {
                case "br": text += "\n"
                case "p", "div", "ul", "ol", "h1", "h2", "h3", "h4": text += "\n"
                case "li": text += closing ? "" : "\n— "
                default: break
                }
                index = html.index(after: close)
            } else if character == "&", let semicolon = html[index...].prefix(10).firstIndex(of: ";") {
                let entity = String(html[html.index(after: index)..<semicolon])
                if let decoded = decode(entity) {
                    text.append(decoded)
                    index = html.index(after: semicolon)
                } else {
                    text.append(character)
                    index = html.index(after: index)
                }
            } else {
                text.append(character)
                index = html.index(after: index)
            }
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
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

extension String {
    /// Collapses whitespace to single spaces and trims it: one line.
    var singleLine: String { split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    /// At most `limit` characters, an ellipsis marking a cut.
    func clipped(to limit: Int) -> String { count <= limit ? self : String(prefix(limit - 1)) + "…" }
}
