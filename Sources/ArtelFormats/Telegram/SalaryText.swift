/// A salary as channel posts write it: "от 50,000 руб", "до 120 000 ₽", "50–70 тыс.", "100к".
struct SalaryText: Equatable {
    var minimum: Int64?
    var maximum: Int64?
    var currency = "RUB"

    /// Reads the first salary in a line; `nil` when the line names no amount.
    static func parse(_ line: String) -> SalaryText? {
        let text = line.lowercased()
        var numbers: [(value: Double, prefix: String)] = []
        var index = text.startIndex
        var thousandsWord = false
        while index < text.endIndex {
            guard text[index].isASCIIDigit else {
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
                } else if [" ", "\u{00A0}", "\u{202F}", ",", "."].contains(character) {
                    // A separator inside a number is followed by exactly three digits.
                    let rest = text[text.index(after: end)...].prefix(4)
                    guard rest.prefix(3).allSatisfy(\.isASCIIDigit), rest.count == 3 || !rest.last!.isASCIIDigit else {
                        break
                    }
                } else {
                    break
                }
                end = text.index(after: end)
            }
            var value = Double(digits) ?? 0
            let after = text[end...].drop(while: { $0 == " " })
            if after.hasPrefix("тыс") || after.hasPrefix("к ") || after.hasPrefix("к.") || after == "к"
                || after.hasPrefix("k")
            {
                value *= 1_000
                thousandsWord = true
            }
            numbers.append((value, prefix))
            index = end
        }
        guard !numbers.isEmpty else { return nil }
        var salary = SalaryText()
        if text.contains("$") || text.contains("usd") || text.contains("долл") { salary.currency = "USD" }
        if text.contains("€") || text.contains("eur") || text.contains("евро") { salary.currency = "EUR" }
        // "50–70 тыс.": the word after the second number counts for the first.
        if thousandsWord, numbers.count >= 2, numbers[0].value < 1_000 { numbers[0].value *= 1_000 }
        let amounts = numbers.prefix(2)
        if amounts.count == 2 && !amounts[1].prefix.contains("до")
            || amounts.count == 2 && amounts[0].prefix.contains("от")
        {
            salary.minimum = Int64(amounts[0].value)
            salary.maximum = Int64(amounts[1].value)
        } else if amounts[0].prefix.contains("до") {
            salary.maximum = Int64(amounts[0].value)
        } else {
            salary.minimum = Int64(amounts[0].value)
        }
        return salary
    }
}
