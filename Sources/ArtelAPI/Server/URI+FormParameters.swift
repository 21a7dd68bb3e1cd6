import Foundation
import HummingbirdCore

extension URI {
    /// The query's parameters as browsers send a form's: `+` is a space, and names and values are
    /// percent-decoded (a sequence that does not decode to UTF-8 is kept as written).
    var formParameters: FlatDictionary<Substring, Substring> {
        guard let query, !query.isEmpty else { return [:] }
        return FlatDictionary(Self.formFields(query).map { (key: Substring($0.name), value: Substring($0.value)) })
    }

    /// The fields of a form's text (a query, or a posted form's body), in order.
    static func formFields(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (name: formDecoded(parts[0]), value: parts.count > 1 ? formDecoded(parts[1]) : "")
        }
    }

    private static func formDecoded(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
