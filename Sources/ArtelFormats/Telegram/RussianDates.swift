import ArtelCore

/// Dates as Russian posts write them: "12 сентября", "12 сентября 2026 в 19:00", "12.09", "12.09.2026, 19:00 МСК".
enum RussianDates {
    private static let months = [
        "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "мая": 5, "май": 5, "июн": 6, "июл": 7, "август": 8,
        "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
    ]

    /// The first date in a text, on or after `after` when the year is not given, with its time of
    /// day when one follows it. Times are Moscow time (UTC+3) unless followed by UTC or GMT.
    static func first(in text: String, after: Int64) -> (start: Int64, hasTime: Bool)? {
        let words = text.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == "(" || $0 == ")" })
            .map(String.init)
        let reference = CivilTime(milliseconds: after)
        for (index, word) in words.enumerated() {
            var day: Int?
            var month: Int?
            var year: Int?
            let numeric = word.split(separator: ".").map(String.init)
            if numeric.count >= 2, numeric.count <= 3,
                numeric.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) })
            {
                day = Int(numeric[0])
                month = Int(numeric[1])
                if numeric.count == 3, let value = Int(numeric[2]) { year = value < 100 ? 2000 + value : value }
            } else if word.allSatisfy(\.isASCIIDigit), word.count <= 2, index + 1 < words.count,
                let found = months.first(where: { words[index + 1].hasPrefix($0.key) })
            {
                day = Int(word)
                month = found.value
                if index + 2 < words.count, words[index + 2].count == 4, let value = Int(words[index + 2]) {
                    year = value
                }
            }
            guard let day, let month else { continue }
            var date = CivilTime(year: year ?? reference.year, month: month, day: day)
            guard date.isValid else { continue }
            if year == nil
                && date.milliseconds()
                    < CivilTime(year: reference.year, month: reference.month, day: reference.day).milliseconds()
            {
                date.year += 1  // "12 января" posted in December is next year's
            }
            var offset = 3 * 3_600
            var hasTime = false
            for next in words[(index + 1)..<min(index + 6, words.count)] {
                let parts = next.split(separator: ":")
                if parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1].prefix(2)),
                    (0...23).contains(hour),
                    (0...59).contains(minute)
                {
                    date.hour = hour
                    date.minute = minute
                    hasTime = true
                } else if next.hasPrefix("utc") || next.hasPrefix("gmt") {
                    offset = 0
                }
            }
            guard date.isValid else { continue }
            return hasTime ? (date.milliseconds(offset: offset), true) : (date.milliseconds(), false)
        }
        return nil
    }
}
