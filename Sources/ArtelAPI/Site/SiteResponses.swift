import ArtelWeb
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The headers every page of the site is served with.
enum SiteResponses {
    /// Everything a page loads comes from the node itself; no inline script, no other origin, no frame
    /// but the embeds' (``embeddable``).
    static let policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    /// The same for the embeds, which any site may frame.
    static let embeddablePolicy = policy.replacingOccurrences(of: "frame-ancestors 'none'", with: "frame-ancestors *")

    /// An HTML page.
    ///
    /// - Parameters:
    ///   - language: set as the `lang` cookie when the visitor chose it with the switch.
    ///   - embeddable: whether other sites may show it in a frame (`/embed/…`).
    ///   - personal: whether it is made for one signed-in visitor (or holds a password field), so
    ///     that no cache keeps it.
    static func page(
        _ page: SitePage,
        rememberLanguage language: SiteLanguage? = nil,
        embeddable: Bool = false,
        personal: Bool = false
    )
        -> Response
    {
        var headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8",
            .contentSecurityPolicy: embeddable ? embeddablePolicy : policy,
            HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            HTTPField.Name("Referrer-Policy")!: "same-origin",
            .cacheControl: personal || Visitor.current != nil ? "private, no-store" : "no-cache",
            .vary: "Accept-Language, Cookie",
        ]
        if let language {
            headers[.setCookie] = "lang=\(language.rawValue); Path=/; Max-Age=31536000; SameSite=Lax"
        }
        return Response(
            status: HTTPResponse.Status(code: page.status),
            headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: page.html))
        )
    }
}
