import ArtelStore
import Foundation
import HTTPTypes
import Hummingbird

/// Who may reach the pages of a role: a visitor who is not signed in is sent to `/signin` (and
/// back here after), an account of another role gets the area's 403 page.
enum SiteAccess {
    /// Runs `body` for a signed-in account of `role`; otherwise the redirect to sign in, or
    /// `forbidden`.
    ///
    /// - Parameters:
    ///   - home: where to come back to after signing in when the request was not a page (a POST).
    ///   - forbidden: the refusal for an account of another role.
    static func guarded(
        _ request: Request,
        role: Account.Role,
        home: String,
        forbidden: () -> Response,
        _ body: (Visitor) async throws -> Response
    ) async throws -> Response {
        guard let visitor = Visitor.current else {
            let next = request.method == .get ? request.uri.path : home
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "/-._~")
            return redirect("/signin?next=" + (next.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""))
        }
        guard visitor.account.role == role else { return forbidden() }
        return try await body(visitor)
    }

    /// A 303 to another page of the site, not kept by caches.
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }
}
