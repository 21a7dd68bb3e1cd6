/// Text made safe for SVG and HTML: the five characters that could start markup or end an
/// attribute written as entities. Charts write every label through it, which is what lets a page
/// place their SVG inline (`{{{chart}}}`) without the template escaping it.
enum SVGText {
    /// A text as XML character data or an attribute value: markup characters escaped, and the
    /// characters XML 1.0 cannot hold at all (most control characters, unpaired surrogates' stand-ins,
    /// U+FFFE and U+FFFF) left out.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "\t", "\n", "\r": escaped += " "
            default:
                let value = scalar.value
                guard value >= 0x20, value != 0xFFFE, value != 0xFFFF, !(0x7F...0x9F).contains(value) else {
                    continue
                }
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
