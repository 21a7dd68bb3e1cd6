import Mustache

/// A rendered page: its status and its HTML.
public struct SitePage: Sendable {
    /// The HTTP status the page is served with.
    public let status: Int
    /// The document.
    public let html: String

    /// Renders a template of ``SiteTemplates`` with a context the layout can read.
    static func render(_ template: String, _ context: [String: Any], status: Int = 200) -> SitePage {
        guard let html = SiteTemplates.library.render(context, withTemplate: template) else {
            preconditionFailure("there is no site template \(template)")
        }
        return SitePage(status: status, html: html)
    }

    /// A page that says why a request cannot be answered.
    ///
    /// - Parameters:
    ///   - status: 404 for a missing record, 400 for a request the site cannot read.
    ///   - message: what went wrong, in the page's language.
    public static func error(_ frame: PageFrame, status: Int, heading: String? = nil, message: String) -> SitePage {
        let heading = heading ?? frame.words[status == 404 ? "error.notFound" : "error.title"]
        return render(
            "error",
            frame.context(title: heading, content: ["heading": heading, "message": message]),
            status: status
        )
    }

    /// The page for a record or address that does not exist, or that its visibility does not show.
    public static func notFound(_ frame: PageFrame) -> SitePage {
        error(frame, status: 404, message: frame.words["error.notFoundText"])
    }
}
