/// The files the site serves beside its pages, from the binary itself: no CDN, no build chain.
public enum SiteAssets: Sendable {
    /// An asset's body and content type, by its name under `/assets/`; `nil` for an unknown name.
    public static func named(_ name: String) -> (body: String, contentType: String)? {
        switch name {
        case "site.css": (style, "text/css; charset=utf-8")
        case "live.js": (liveScript, "text/javascript; charset=utf-8")
        case "copy.js": (copyScript, "text/javascript; charset=utf-8")
        default: nil
        }
    }
}
