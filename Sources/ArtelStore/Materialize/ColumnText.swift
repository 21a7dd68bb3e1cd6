import ArtelCore

extension MaterializedTable {
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

/// The JSON arrays of the array columns.
enum JSONText {
    /// A compact JSON array of strings.
    static func array(_ strings: [String]) -> String {
        var output = "["
        for (index, string) in strings.enumerated() {
            if index > 0 { output += "," }
            JSON.appendQuoted(string, to: &output)
        }
        output += "]"
        return output
    }
}
