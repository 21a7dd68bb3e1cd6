/// A salary as channel posts write it: "от 50,000 руб", "до 120к", "100–150 тыс. руб.", "150k",
/// "$2000", "€1 500", "от 80 000 ₽ на руки".
struct SalaryText: Equatable {
    var minimum: Int64?
    var maximum: Int64?
    var currency = "RUB"
    /// `false` for take-home pay (`на руки`, `net`), `true` for gross (`до вычета`, `gross`),
    /// `nil` when the post does not say.
    var gross: Bool?
    /// `hour`, `day`, `month`, `year` or `project` as the text says it; `nil` when it does not.
    var period: String?

    /// Whether a text names an amount of money: a number followed by a currency, a word for
    /// thousands or millions, or a word for pay before or after tax (`80 000 ₽`, `120к`, `100 тыс.`,
    /// `1,5 млн`, `40 тр`, `120 000 gross`), or after a currency sign (`$2000`, `€1 500`).
    static func mentionsMoney(_ text: String) -> Bool {
        let lowered = text.lowercased()
        var previous: Character = " "
        var index = lowered.startIndex
        while index < lowered.endIndex {
            let character = lowered[index]
            if character.isASCIIDigit && (previous == "$" || previous == "€") { return true }
            index = lowered.index(after: index)
            if character.isASCIIDigit && !(index < lowered.endIndex && lowered[index].isASCIIDigit) {
                let after = lowered[index...].drop { $0 == " " || $0 == "\u{00A0}" || $0 == "," || $0 == "." }
                let scaled = multiplier(after) != nil || currencyWords.contains(where: String(after).startsWithBytes)
                let money = scaled || taxWords.contains(where: { startsWithWord(after, $0) })
                if money && !isCount(after) { return true }
            }
            previous = character
        }
        return false
    }

    private static let currencyWords = ["₽", "руб", "р.", "$", "€", "usd", "eur", "евро", "долл", "₸", "тенге", "rub"]

    /// Words after an amount that make it pay, in the post's currency: `120 000 gross`, `90 000 net`.
    private static let taxWords = ["gross", "net", "гросс", "брутто", "нетто", "на руки"]

    /// Whether a line says it is about pay: it starts with `💰`, `💵` or `💸`, or has a word for
    /// pay (`ЗП`, `з/п`, `зарплата`, `оклад`, `вилка`, `доход`, `salary`).
    static func isMarked(_ line: String) -> Bool {
        let mark = line.unicodeScalars.first { !$0.properties.isWhitespace }
        if let mark, "💰💵💸".unicodeScalars.contains(mark) { return true }
        return line.lowercased().split { !$0.isLetter && $0 != "/" }.contains { word in
            ["зп", "з/п", "зарплат", "оклад", "вилк", "доход", "salary"].contains { word.hasPrefix($0) }
        }
    }

    /// Words after a number that make it a count of people, not money: `22к участников`.
    private static let countWords = [
        "участник", "подписчик", "человек", "член", "сотрудник", "клиент", "студент", "member", "subscriber",
        "follower", "user", "people", "employee", "student",
    ]

    /// Whether the word after a number, or after its multiplier word, is one of ``countWords``.
    private static func isCount(_ after: Substring) -> Bool {
        var words = after.split(whereSeparator: \.isWhitespace).prefix(2)
        if let first = words.first, multiplier(first) != nil { words = words.dropFirst() }
        return words.first.map { word in countWords.contains { word.hasPrefix($0) } } ?? false
    }

    /// Reads the first salary in a line; `nil` when the line names no amount.
    static func parse(_ line: String) -> SalaryText? {
        let text = line.lowercased()
        var numbers: [(value: Double, scale: Double, prefix: String)] = []
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index].isASCIIDigit, !isInsideWord(text, at: index) else {
                index = text.index(after: index)
                continue
            }
            let prefix = String(text[text.startIndex..<index].suffix(6))
            var digits = ""
            var end = index
            while end < text.endIndex {
                let character = text[end]
                if character.isASCIIDigit {
                    digits.append(character)
                } else if !digits.contains("."), [" ", "\u{00A0}", "\u{202F}", ",", ".", "'"].contains(character) {
                    // A separator inside a number is followed by exactly three digits; a point or a
                    // comma followed by one or two is a decimal one ("2.5k", "1,5 млн").
                    let following = text[text.index(after: end)...].prefix(4).prefix(while: \.isASCIIDigit).count
                    if character == "," || character == ".", (1...2).contains(following) {
                        digits.append(".")
                    } else if following != 3 {
                        break
                    }
                } else {
                    break
                }
                end = text.index(after: end)
            }
            let after = text[end...].drop { $0 == " " || $0 == "\u{00A0}" }
            index = end
            guard !isCount(after) else { continue }
            let scale = multiplier(after) ?? 1
            numbers.append(((Double(digits) ?? 0) * scale, scale, prefix))
        }
        guard !numbers.isEmpty else { return nil }
        var salary = SalaryText()
        if text.hasAnyBytes(["$", "usd", "долл"]) { salary.currency = "USD" }
        if text.hasAnyBytes(["€", "eur", "евро"]) { salary.currency = "EUR" }
        if text.hasAnyBytes(["₸", "тенге", "kzt"]) { salary.currency = "KZT" }
        // "50–70 тыс.", "1,5–2 млн": the word after the second number counts for the first.
        if numbers.count >= 2, numbers[0].scale == 1, numbers[0].value < 1_000 {
            numbers[0].value *= numbers[1].scale
        }
        let amounts = numbers.prefix(2).map { (value: Int64($0.value.rounded()), prefix: $0.prefix) }
        if amounts.count == 2 && !amounts[1].prefix.contains("до")
            || amounts.count == 2 && amounts[0].prefix.contains("от")
        {
            salary.minimum = amounts[0].value
            salary.maximum = amounts[1].value
        } else if amounts[0].prefix.contains("до") && !amounts[0].prefix.contains("до выч") {
            salary.maximum = amounts[0].value
        } else {
            salary.minimum = amounts[0].value
        }
        salary.gross = gross(in: text)
        salary.period = period(in: text)
        return salary
    }

    /// A number that is part of a word (`Studio-29`, `B2B`) is no amount; one after a hyphen that
    /// follows an amount and its multiplier (`100к-120к`) is the top of a range.
    private static func isInsideWord(_ text: String, at index: String.Index) -> Bool {
        guard index > text.startIndex else { return false }
        let previous = text.index(before: index)
        let before = text[previous]
        if before.isLetter || before.isASCIIDigit || "/=?&#_%".contains(before) { return true }
        guard before == "-" else { return false }
        let letters = text[..<previous].reversed().prefix(while: \.isLetter).count
        guard letters > 0 else { return false }
        let word = text.index(previous, offsetBy: -letters)
        let afterAmount = word > text.startIndex && text[text.index(before: word)].isASCIIDigit
        return !(afterAmount && multiplier(text[word...]) != nil)
    }

    /// What the word right after a number multiplies it by: a thousand for `тыс`, `т.р.`, `тр`
    /// (thousands of rubles), `к`, `k`, a million for `млн`; `nil` for any other word.
    private static func multiplier(_ after: Substring) -> Double? {
        if after.hasPrefix("тыс") || after.hasPrefix("т.р") || after.hasPrefix("т. р") { return 1_000 }
        if after.hasPrefix("млн") { return 1_000_000 }
        // Short words count alone: "80к" and "40 тр", but not "80 км" or "5 тренингов".
        return ["к", "k", "тр"].contains { startsWithWord(after, $0) } ? 1_000 : nil
    }

    /// Whether a text starts with a word, and the word is not the start of a longer one.
    private static func startsWithWord(_ text: Substring, _ word: String) -> Bool {
        text.hasPrefix(word) && !(text.dropFirst(word.count).first?.isLetter ?? false)
    }

    private static func gross(in text: String) -> Bool? {
        if text.hasAnyBytes(["на руки", "net", "нетто", "чистыми", "после вычета", "после налог"]) {
            return false
        }
        if text.hasAnyBytes(["gross", "гросс", "до вычета", "до налог", "до ндфл", "брутто"]) {
            return true
        }
        return nil
    }

    private static func period(in text: String) -> String? {
        let periods: [(String, [String])] = [
            ("hour", ["в час", "/час", "/ч", "за час", "per hour", "/hour", "/hr"]),
            ("day", ["в день", "/день", "за день", "смен", "per day", "/day"]),
            ("year", ["в год", "/год", "за год", "per year", "/year"]),
            ("project", ["за проект", "/проект", "per project"]),
            ("month", ["в месяц", "/мес", "в мес", "за месяц", "per month", "/month", "/mo"]),
        ]
        return periods.first { text.hasAnyBytes($0.1) }?.0
    }
}
