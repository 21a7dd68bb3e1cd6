import Foundation

/// Splits a post into its vacancies, each starting at its title line.
///
/// Separator lines (`___`, `➖➖➖`, `〰️`, `———`, `***`) always end a vacancy. Within the text between
/// them, a line starts a vacancy when it names a job (``VacancyTerms/isTitle(_:)``) and is marked as
/// a title: numbered (`1️⃣`, `1.`, `1)`), behind an emoji (`🔹`, `📌`, `▪️`, `▶️`), all bold, first
/// after a blank line, or labelled (`Должность: …`). Keycap numbers start a vacancy even without a
/// job word. Inside a list (`Требования:` and the items under it) only a bold line, a line after a
/// blank one or the next number of the titles' own numbering starts one, so a numbered requirement
/// stays a requirement. A part that holds no such line is one vacancy when it has vacancy labels; its
/// title is its first line that is no label, list item, digest header or sentence (ending with `.`).
enum PostSplitter {
    /// The parts of a post: the vacancies, each from its title line on, and the text around them
    /// (a digest's header and footer, or text that could not be given a title).
    struct Parts {
        var vacancies: [[PostLine]] = []
        var leftovers: [[PostLine]] = []
    }

    static func split(_ lines: [PostLine]) -> Parts {
        var parts = Parts()
        var chunk: [PostLine] = []
        for line in lines {
            if LineMark.isSeparator(line.text) {
                split(chunk, into: &parts)
                chunk = []
            } else {
                chunk.append(line)
            }
        }
        split(chunk, into: &parts)
        return parts
    }

    private static func split(_ chunk: [PostLine], into parts: inout Parts) {
        let starts = titleLines(chunk)
        if starts.isEmpty {
            if let title = fallbackTitle(chunk) {
                parts.leftovers.append(Array(chunk[..<title]))
                parts.vacancies.append(Array(chunk[title...]))
            } else {
                parts.leftovers.append(chunk)
            }
            return
        }
        parts.leftovers.append(Array(chunk[..<starts[0]]))
        for (number, start) in starts.enumerated() {
            let end = number + 1 < starts.count ? starts[number + 1] : chunk.count
            parts.vacancies.append(Array(chunk[start..<end]))
        }
    }

    /// The indices of the lines that start vacancies.
    private static func titleLines(_ chunk: [PostLine]) -> [Int] {
        var starts: [Int] = []
        var afterBlank = true
        var inList = false
        var lastNumber: Int?
        for (index, line) in chunk.enumerated() {
            if line.isBlank {
                afterBlank = true
                inList = false
                continue
            }
            let (mark, content) = (line.mark, line.content)
            guard !content.hasPrefix("#") else { continue }
            defer { afterBlank = false }
            guard mark != .dash else { continue }
            if let (label, value) = VacancyLabel.parse(content) {
                if label == .title && !value.isEmpty && (afterBlank || starts.isEmpty) {
                    starts.append(index)
                    inList = false
                } else {
                    inList = label.isList && value.isEmpty
                }
                continue
            }
            let number: Int? = if case .number(let value) = mark { value } else { nil }
            let keycap = number != nil && line.text.unicodeScalars.contains("\u{20E3}")
            guard keycap || VacancyTerms.isTitle(content) else { continue }
            let continuesNumbering = number != nil && (lastNumber.map { number == $0 + 1 } ?? (number == 1))
            let isTitle =
                inList
                ? line.isBold || afterBlank || continuesNumbering
                : mark != .none || line.isBold || afterBlank
            guard isTitle else { continue }
            starts.append(index)
            inList = false
            if let number { lastNumber = number }
        }
        return starts
    }

    /// The title line of a part without a marked title, when the part has vacancy labels.
    private static func fallbackTitle(_ chunk: [PostLine]) -> Int? {
        let labelled = chunk.contains { line in
            VacancyLabel.parse(line.content).map { $0.label != .title } ?? false
        }
        guard labelled else { return nil }
        return chunk.firstIndex { line in
            let (mark, content) = (line.mark, line.content)
            let lowered = content.lowercased()
            return !line.isBlank && mark != .dash && !content.hasPrefix("#") && VacancyLabel.parse(content) == nil
                && !lowered.hasPrefix("дайджест") && !lowered.hasPrefix("вакансии") && !content.hasSuffix(".")
        }
    }
}
