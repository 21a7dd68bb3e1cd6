/// Byte-wise search in UTF-8 text, for the reader's many word checks: `String.contains(_:)` and
/// `hasPrefix(_:)` compare by Unicode canonical equivalence, which costs ten times more and changes
/// nothing for the words searched here (lowercased Russian and English, in NFC as Telegram writes it).
extension String {
    /// Whether the UTF-8 bytes of `needle` occur in the string.
    func hasBytes(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { word in
                guard let first = word.first else { return true }
                guard word.count <= text.count else { return false }
                var index = 0
                let last = text.count - word.count
                while index <= last {
                    if text[index] == first {
                        var offset = 1
                        while offset < word.count && text[index + offset] == word[offset] { offset += 1 }
                        if offset == word.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }

    /// Whether any of the words occurs in the string.
    func hasAnyBytes(_ needles: [String]) -> Bool { needles.contains(where: hasBytes) }

    /// Whether the string starts with the UTF-8 bytes of `prefix`.
    func startsWithBytes(_ prefix: some StringProtocol) -> Bool { utf8.starts(with: prefix.utf8) }
}
