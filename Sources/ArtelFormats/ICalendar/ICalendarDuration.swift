/// DURATION values (RFC 5545 §3.3.6): `PT1H30M`, `P2D`, `P1W`, `P1DT12H`.
enum ICalendarDuration {
    /// The length of a duration in milliseconds, a day counted as 24 hours; `nil` when the text is
    /// not a duration or is negative (an event cannot end before it starts).
    static func milliseconds(_ text: String) -> Int64? {
        var rest = Substring(text.uppercased())
        if rest.first == "+" { rest = rest.dropFirst() }
        guard rest.first == "P" else { return nil }
        rest = rest.dropFirst()
        var seconds: Int64 = 0
        var inTime = false
        var digits = ""
        var units = 0
        for character in rest {
            if character.isASCIIDigit {
                digits.append(character)
                continue
            }
            if character == "T" && !inTime && digits.isEmpty {
                inTime = true
                continue
            }
            let scale: Int64? =
                switch (inTime, character) {
                case (false, "W"): 604_800
                case (false, "D"): 86_400
                case (true, "H"): 3_600
                case (true, "M"): 60
                case (true, "S"): 1
                default: nil
                }
            guard let scale, let number = Int64(digits), number <= 100_000 else { return nil }
            seconds += number * scale
            digits = ""
            units += 1
        }
        guard digits.isEmpty, units > 0 else { return nil }
        return seconds * 1000
    }
}
