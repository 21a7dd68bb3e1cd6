/// The hashtag that opens a community's Markdown digest, as its channel tags its vacancy posts.
///
/// A community states its hashtag among its topics, written with `#` (`artel community edit …
/// --topics "#комьюнити_вакансия"`). The first one given of these counts: the `--hashtag` option,
/// the `#` topic of the community (the one that publishes the digest, or the only one it is composed
/// from), the tag the jobs were selected by. With none of them the digest opens with its title alone:
/// no community's tag is assumed.
public enum DigestHashtag: Sendable {
    /// The hashtag to use, with its `#`, or `nil` when nothing states one.
    ///
    /// - Parameters:
    ///   - explicit: the `--hashtag` option.
    ///   - topics: the community's topics.
    ///   - tags: the tags the digest's jobs were selected by (or the digest's own).
    /// - Returns: a hashtag as Telegram reads one: `#`, then letters, digits and underscores.
    public static func choose(explicit: String?, topics: [String], tags: [String]) -> String? {
        let stated = topics.filter { $0.hasPrefix("#") }.sorted().first
        guard let chosen = explicit ?? stated ?? tags.first else { return nil }
        return normalized(chosen)
    }

    /// `комьюнити вакансия`, `#комьюнити-вакансия` → `#комьюнити_вакансия`; `nil` when nothing of a
    /// tag is left.
    public static func normalized(_ text: String) -> String? {
        var body = ""
        var gap = false
        for character in text.drop(while: { $0 == "#" || $0.isWhitespace }) {
            if character.isLetter || character.isNumber {
                if gap && !body.isEmpty { body.append("_") }
                body.append(character)
                gap = false
            } else {
                gap = true
            }
        }
        return body.isEmpty ? nil : "#" + body
    }
}
