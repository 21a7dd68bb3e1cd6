import Foundation

/// What a line of a post starts with: the marks channels put before titles, headings and list items.
enum LineMark: Equatable {
    /// No mark: the line starts with its words.
    case none
    /// A list item: `— `, `- `, `• `, `· `, `* `.
    case dash
    /// A number: `1.`, `1)`, `1️⃣`, `🔟`.
    case number(Int)
    /// Emoji or arrows (`🔹`, `📌`, `▪️`, `▶️`, `➡️`).
    case emoji

    /// The mark at the start of a line and the words after it. A line that starts with hashtags
    /// keeps them, unless a job title follows them (`#job Community Manager at Notion`).
    static func split(_ line: String) -> (mark: LineMark, content: String) {
        let (mark, content) = marked(line)
        guard content.hasPrefix("#") else { return (mark, content) }
        let words = content.split(separator: " ")
        let title = words.drop { $0.hasPrefix("#") }.joined(separator: " ")
        return VacancyTerms.isTitle(title) ? (mark, title) : (mark, content)
    }

    private static func marked(_ line: String) -> (mark: LineMark, content: String) {
        var rest = Substring(line).drop(while: \.isWhitespace)
        if let (number, after) = keycapNumber(rest) ?? writtenNumber(rest) {
            return (.number(number), trimmed(after))
        }
        if let first = rest.first, "—–-•·*".contains(first), rest.dropFirst().first?.isWhitespace ?? false {
            return (.dash, trimmed(rest.dropFirst()))
        }
        let marks = rest.prefix(while: isMark)
        guard !marks.isEmpty else { return (.none, trimmed(rest)) }
        rest = rest.dropFirst(marks.count)
        if let (number, after) = writtenNumber(rest.drop(while: \.isWhitespace)) {
            return (.number(number), trimmed(after))
        }
        return (.emoji, trimmed(rest))
    }

    /// A separator line between vacancies: `___`, `➖➖➖`, `〰️`, `———`, `***`, `---`, `===`.
    static func isSeparator(_ line: String) -> Bool {
        guard let first = line.unicodeScalars.first(where: { !$0.properties.isWhitespace }),
            "_➖〰—–-*=~─━".unicodeScalars.contains(first)
        else { return false }
        let scalars = line.unicodeScalars.filter { !$0.properties.isWhitespace && $0.value != 0xFE0F }
        guard !scalars.isEmpty, scalars.allSatisfy({ "_➖〰—–-*=~─━".unicodeScalars.contains($0) }) else {
            return false
        }
        return scalars.count >= 3 || scalars.contains { $0 == "➖" || $0 == "〰" }
    }

    /// An emoji, arrow or bullet that channels put before a line (`🔹`, `▪️`, `▶️`, `✔️`), or the
    /// joiners and variation selectors inside one.
    static func isMark(_ character: Character) -> Bool {
        guard !character.isASCII, !character.isLetter else { return false }
        return character.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isEmojiPresentation || scalar.properties.isEmoji && scalar.value > 0x2000
                || scalar.value == 0xFE0F || scalar.value == 0x200D
                || "▶►➡→◽▫▪◾🔵🟡🟣🔜✔".unicodeScalars.contains(scalar)
        }
    }

    private static func trimmed(_ text: Substring) -> String {
        var text = text.drop { $0.isWhitespace || $0 == ":" }
        while text.last?.isWhitespace ?? false { text = text.dropLast() }
        return String(text)
    }

    /// `1️⃣`…`9️⃣`, `🔟`, and numbers written as keycaps digit by digit (`1️⃣2️⃣`).
    private static func keycapNumber(_ text: Substring) -> (Int, Substring)? {
        if text.first == "🔟" { return (10, text.dropFirst()) }
        var digits = ""
        var rest = text
        while let first = rest.first, first.unicodeScalars.contains("\u{20E3}"),
            let digit = first.unicodeScalars.first, ("0"..."9").contains(digit)
        {
            digits.unicodeScalars.append(digit)
            rest = rest.dropFirst()
        }
        guard let number = Int(digits) else { return nil }
        return (number, rest)
    }

    /// `1.`, `12)` followed by a space: at most two digits, so a year or an amount is no number.
    private static func writtenNumber(_ text: Substring) -> (Int, Substring)? {
        let digits = text.prefix(while: \.isASCIIDigit)
        guard (1...2).contains(digits.count), let number = Int(digits) else { return nil }
        let rest = text.dropFirst(digits.count)
        guard let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first?.isWhitespace ?? false else {
            return nil
        }
        return (number, rest.dropFirst())
    }
}
