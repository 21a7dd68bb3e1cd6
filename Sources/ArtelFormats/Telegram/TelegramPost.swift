import Foundation

/// A link in a post: a `text_link` entity (its text and `href`), a `link` entity or a bare URL
/// written in plain text (its text is the address).
struct PostLink: Equatable {
    var text: String
    var url: String
}

/// One line of a post with what its entities say about it: its links, mentions, e-mails, phone
/// numbers, and
/// whether all its letters are bold (a title in digests that mark titles by bold text).
struct PostLine {
    var text = ""
    var links: [PostLink] = []
    var mentions: [String] = []
    var emails: [String] = []
    var phones: [String] = []
    var hasBoldLetters = false
    var hasPlainLetters = false
    /// The mark the line starts with, and its words after the mark (set once the post is read).
    var mark = LineMark.none
    var content = ""

    /// Every letter of the line is bold.
    var isBold: Bool { hasBoldLetters && !hasPlainLetters }

    var isBlank: Bool { content.isEmpty && mark == .none }

    /// Splits the finished line into its mark and content, once for every reader of the line.
    mutating func finish() { (mark, content) = LineMark.split(text) }
}

/// One message of an export: its lines, its hashtags, its time.
struct TelegramPost {
    let id: Int64
    var lines: [PostLine] = [PostLine()]
    var hashtags: [String] = []
    var date: Int64?

    /// The whole text, lines joined.
    var text: String { lines.map(\.text).joined(separator: "\n") }

    /// A message from the export's JSON: `text` is a string, or an array of strings and entity
    /// objects (`{"type": "bold", "text": …}`, `text_link` with `href`, `mention`, `email`, `hashtag`…).
    /// Crossed-out text (`strikethrough`) is left out, line breaks kept: a post crosses out what no
    /// longer holds, such as the salary in `ЗП: ~~70 000 ₽~~ 90 000 ₽`.
    ///
    /// - Throws: ``FormatError`` naming the post when a part of its text is neither.
    init(_ message: [String: Any], id: Int64) throws(FormatError) {
        self.id = id
        if let text = message["text"] as? String {
            append(text, type: "plain", href: nil)
        } else if let parts = message["text"] as? [Any] {
            for (index, part) in parts.enumerated() {
                if let plain = part as? String {
                    append(plain, type: "plain", href: nil)
                } else if let entity = part as? [String: Any], let text = entity["text"] as? String {
                    append(text, type: entity["type"] as? String ?? "plain", href: entity["href"] as? String)
                } else {
                    throw FormatError(
                        "post \(id)",
                        "text part \(index + 1) is neither a string nor an entity with a text (\(Self.describe(part)))"
                    )
                }
            }
        } else {
            throw FormatError("post \(id)", "text is neither a string nor a list of parts")
        }
        for index in lines.indices { lines[index].finish() }
        let unix =
            (message["date_unixtime"] as? String).flatMap(Int64.init)
            ?? (message["date_unixtime"] as? NSNumber)?.int64Value
        date = unix.map { $0 * 1_000 }
    }

    private static func describe(_ part: Any) -> String {
        let text = "\(part)".replacingOccurrences(of: "\n", with: " ")
        return text.count > 40 ? String(text.prefix(40)) + "…" : text
    }

    /// Adds a part of the text, line by line, with what its entity type says; of a crossed-out
    /// part only its line breaks.
    private mutating func append(_ part: String, type: String, href: String?) {
        for (number, piece) in part.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if number > 0 { lines.append(PostLine()) }
            guard !piece.isEmpty, type != "strikethrough" else { continue }
            let text = String(piece)
            var line = lines[lines.count - 1]
            line.text += text
            if type == "bold" {
                line.hasBoldLetters = line.hasBoldLetters || text.contains(where: \.isLetter)
            } else {
                line.hasPlainLetters = line.hasPlainLetters || text.contains(where: \.isLetter)
            }
            switch type {
            case "text_link": if let href { line.links.append(PostLink(text: text, url: href)) }
            case "link", "url": line.links.append(PostLink(text: text, url: Self.absolute(text)))
            case "mention": line.mentions.append(text)
            case "email": line.emails.append(text)
            case "phone": line.phones.append(text)
            case "hashtag": hashtags.append(text)
            case "plain": Self.scan(text, into: &line, hashtags: &hashtags)
            default: break
            }
            lines[lines.count - 1] = line
        }
    }

    /// Finds what a plain string part holds without entities (exports written as one string):
    /// bare URLs, `@usernames`, e-mails and hashtags.
    private static func scan(_ text: String, into line: inout PostLine, hashtags: inout [String]) {
        guard text.contains(where: { $0 == "@" || $0 == "#" || $0 == "/" }) else { return }
        for word in text.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == "(" || $0 == ")" }) {
            let token = word.trimmingCharacters(in: CharacterSet(charactersIn: ".;:!?»«\"'"))
            if token.hasPrefix("http://") || token.hasPrefix("https://") || token.hasPrefix("t.me/") {
                line.links.append(PostLink(text: token, url: absolute(token)))
            } else if token.hasPrefix("@"), token.count > 2 {
                line.mentions.append(token)
            } else if token.hasPrefix("#"), token.count > 1 {
                hashtags.append(token)
            } else if let at = token.firstIndex(of: "@"), at != token.startIndex, token[at...].contains(".") {
                line.emails.append(token)
            }
        }
    }

    /// An address with its scheme: `t.me/anna` becomes `https://t.me/anna`.
    private static func absolute(_ address: String) -> String {
        address.hasPrefix("http://") || address.hasPrefix("https://") ? address : "https://" + address
    }
}
