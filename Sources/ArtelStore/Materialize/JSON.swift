import Foundation

/// JSON text with keys in the order they are given, so that output reads like the text form.
/// Used for the array columns of the materialized tables and for `--json` output.
package indirect enum JSON: Sendable {
    case string(String)
    case number(Int64)
    /// A number with a fraction, written with `digits` digits after the point (`null` if not finite).
    case decimal(Double, digits: Int)
    case bool(Bool)
    case null
    case array([JSON])
    case object([(String, JSON)])

    /// The JSON text, pretty-printed with two-space indentation.
    package var rendered: String {
        var output = ""
        render(into: &output, indent: "")
        return output
    }

    /// The JSON text on one line, without spaces.
    package var compact: String {
        var output = ""
        render(into: &output, indent: nil)
        return output
    }

    private func render(into output: inout String, indent: String?) {
        switch self {
        case .string(let text): Self.appendQuoted(text, to: &output)
        case .number(let number): output += String(number)
        case .decimal(let number, let digits):
            output += number.isFinite ? String(format: "%.\(digits)f", number) : "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .null: output += "null"
        case .array(let items):
            renderContainer(items.map { (nil, $0) }, open: "[", close: "]", into: &output, indent: indent)
        case .object(let members):
            renderContainer(members.map { ($0, $1) }, open: "{", close: "}", into: &output, indent: indent)
        }
    }

    private func renderContainer(
        _ members: [(String?, JSON)],
        open: String,
        close: String,
        into output: inout String,
        indent: String?
    ) {
        output += open
        for (index, (key, value)) in members.enumerated() {
            if index > 0 { output += "," }
            if let indent { output += "\n" + indent + "  " }
            if let key {
                Self.appendQuoted(key, to: &output)
                output += indent == nil ? ":" : ": "
            }
            value.render(into: &output, indent: indent.map { $0 + "  " })
        }
        if let indent, !members.isEmpty { output += "\n" + indent }
        output += close
    }

    /// Appends `text` as a JSON string literal.
    static func appendQuoted(_ text: String, to output: inout String) {
        // Most text needs no escape: copied whole, without walking its scalars.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            output += "\""
            output += text
            output += "\""
            return
        }
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
