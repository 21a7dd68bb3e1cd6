import ArtelCore
import Foundation
import GRDB

extension MaterializedTable {
    /// The values of every field column for a record, in column order.
    func fieldValues(of state: RecordState) -> [(any DatabaseValueConvertible)?] {
        columns.map { column in
            switch column.field.cardinality {
            case .single:
                state.value(of: column.field.id).map(Self.databaseValue)
            case .set:
                JSONText.array(state.elements(of: column.field.id).map(Self.text))
            }
        }
    }

    /// A single value as stored in its column.
    static func databaseValue(_ value: Value) -> any DatabaseValueConvertible {
        switch value {
        case .string(let text): text
        case .integer(let number), .timestamp(let number): number
        case .boolean(let flag): flag ? 1 : 0
        case .bytes(let bytes): Data(bytes)
        case .reference(let reference): reference.description
        case .references(let references): JSONText.array(references.map(\.description))
        }
    }

    /// An element of a set as stored inside its JSON array.
    static func text(_ element: Value) -> String {
        switch element {
        case .string(let text): text
        case .integer(let number), .timestamp(let number): String(number)
        case .boolean(let flag): flag ? "true" : "false"
        case .bytes(let bytes): Hex.encode(bytes)
        case .reference(let reference): reference.description
        case .references(let references): references.map(\.description).joined(separator: ",")
        }
    }
}

/// JSON text for the array columns, written without Foundation's encoder on the hot path.
enum JSONText {
    /// A JSON array of strings.
    static func array(_ strings: [String]) -> String {
        var text = "["
        for (index, string) in strings.enumerated() {
            if index > 0 { text += "," }
            text += quoted(string)
        }
        return text + "]"
    }

    /// A JSON string literal.
    static func quoted(_ string: String) -> String {
        var text = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\t": text += "\\t"
            case "\r": text += "\\r"
            default:
                if scalar.value < 0x20 {
                    text += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return text + "\""
    }

    /// Parses a JSON array of strings, as stored in the array columns.
    static func strings(_ text: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }
}
