import ArtelStore
import ArtelWeb
import Hummingbird

/// The checks every form the site receives passes before it changes anything: it was posted from a
/// page of this site (its `Origin`, or its `Referer` when a browser sends no origin, names this
/// node), and, for a signed-in visitor, it carries the session's form token (``SessionToken``).
enum FormGuard {
    /// Whether the request was sent by a page of this site.
    static func isSameOrigin(_ request: Request) -> Bool {
        guard let origin = FeedURL.origin(request) else { return false }
        let own = "\(origin.scheme)://\(origin.host)"
        if let given = request.headers[.origin] { return given == own }
        guard let referer = request.headers[.referer] else { return false }
        return referer == own || referer.hasPrefix(own + "/")
    }

    /// Whether a signed-in visitor's form is genuine: sent from this site with the session's token.
    static func accepts(_ request: Request, _ form: FormBody, from visitor: Visitor) -> Bool {
        isSameOrigin(request) && visitor.token.accepts(formToken: form["csrf"])
    }
}
