/// The colours a site that embeds a listing asks for: `accent` (links and buttons) and
/// `background`, each six hex digits without `#`. Anything else is ignored, so that a parameter
/// can never become CSS of its own; the rules go in `/assets/embed.css`, after the site's.
public struct EmbedStyle: Sendable, Equatable {
    public var accent: String?
    public var background: String?

    /// The colours in a request's parameters.
    public init(_ parameters: [(name: String, value: String)]) {
        for (name, value) in parameters where Self.isColour(value) {
            if name == "accent" { accent = value.lowercased() }
            if name == "background" { background = value.lowercased() }
        }
    }

    /// The address of the style sheet of these colours.
    public var address: String {
        PageFrame.address(
            "/assets/embed.css",
            [("accent", accent), ("background", background)].compactMap { name, value in value.map { (name, $0) } }
        )
    }

    /// The style sheet: an embed is flush with its frame, in the colours asked for.
    public var sheet: String {
        var rules = ["body.embed main{padding:.5rem;max-width:none}", "body.embed{background:transparent}"]
        if let accent { rules.append(":root{--accent:#\(accent)}") }
        if let background { rules.append("body.embed{background:#\(background)}") }
        return rules.joined(separator: "\n") + "\n"
    }

    private static func isColour(_ value: String) -> Bool {
        value.utf8.count == 6 && value.allSatisfy(\.isHexDigit)
    }
}
