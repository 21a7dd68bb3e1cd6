import Foundation
import HummingbirdCore

extension URI {
    /// The query's parameters as browsers send a form's: `+` is a space, and names and values are
    /// percent-decoded (a sequence that does not decode to UTF-8 is kept as written).
    var formParameters: FlatDictionary<Substring, Substring> {
        guard let query, !query.isEmpty else { return [:] }
        return FlatDictionary(
            query.split(separator: "&").map { pair in
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                return (key: Self.formDecoded(parts[0]), value: parts.count > 1 ? Self.formDecoded(parts[1]) : "")
            }
        )
    }

    private static func formDecoded(_ text: Substring) -> Substring {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return Substring(spaced.removingPercentEncoding ?? spaced)
    }
}
