import Foundation

/// Where a feed lives and the page it describes: the links readers subscribe with and follow.
///
/// Both are optional in Atom (RFC 4287 §4.2.7 asks for `rel="self"` with SHOULD) and in JSON Feed
/// 1.1, so a feed without them is still valid; readers need the feed's own URL to subscribe from a
/// copy, so a feed served over HTTP always carries it.
public struct FeedLinks: Sendable, Equatable {
    /// The feed's own URL: Atom's `<link rel="self">`, JSON Feed's `feed_url`.
    public let feed: String?
    /// The HTML page the feed describes: Atom's `<link rel="alternate">`, JSON Feed's `home_page_url`.
    public let homePage: String?

    /// No links.
    public init() {
        feed = nil
        homePage = nil
    }

    /// Links, each an absolute `http` or `https` URL.
    ///
    /// - Throws: ``FormatError`` naming the link that is not such a URL.
    public init(feed: String?, homePage: String?) throws(FormatError) {
        if let feed { try Self.check(feed, name: "the feed URL") }
        if let homePage { try Self.check(homePage, name: "the home page URL") }
        self.feed = feed
        self.homePage = homePage
    }

    /// Whether a text is an absolute `http` or `https` URL with a host and nothing a feed cannot
    /// carry (spaces, control characters, quotes, angle brackets).
    public static func isWebURL(_ text: String) -> Bool {
        let lowered = text.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://"), text.utf8.count <= 2_000,
            !text.unicodeScalars.contains(where: isUnsafeInURL),
            let components = URLComponents(string: text), let host = components.host, !host.isEmpty
        else { return false }
        return true
    }

    /// Whether a character cannot stand as it is in a URL (RFC 3986): a control, the space, quotes,
    /// angle brackets, braces, `|`, the backslash, `^` or the backtick.
    public static func isUnsafeInURL(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value <= 0x20 || scalar.value == 0x7F || "\"<>\\^`{|}".unicodeScalars.contains(scalar)
    }

    private static func check(_ text: String, name: String) throws(FormatError) {
        guard isWebURL(text) else {
            throw FormatError(
                name,
                "\"\(text.prefix(100))\" is not an absolute http or https URL (such as https://jobs.example.org/jobs.atom)"
            )
        }
    }
}
