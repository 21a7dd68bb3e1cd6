/// Text made safe for SVG and HTML: the five characters that could start markup or end an
/// attribute are written as entities. Charts write every label through it, which is what lets a
/// page place their SVG inline (`{{{chart}}}`) without the template escaping it.
enum SVGText {
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
