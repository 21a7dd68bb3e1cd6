import ArtelStore
import Foundation
import HTTPTypes
import Hummingbird

/// Who may reach the pages of a role, and the answers a page that needs an account gives before it
/// does anything: a visitor who is not signed in is sent to `/signin` (and back after), an account
/// of another role gets the area's 403 page.
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
        guard let visitor = Visitor.current else { return signIn(request, fallback: home) }
        guard visitor.account.role == role else { return forbidden() }
        return try await body(visitor)
    }

    /// Sends a visitor who is not signed in to `/signin`, to come back to the page asked for (a
    /// `GET`), or to `fallback` after a form.
    static func signIn(_ request: Request, fallback: String) -> Response {
        let next = request.method == .get ? request.uri.path : fallback
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "/-._~")
        return redirect("/signin?next=" + (next.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""))
    }

    /// A `303 See Other` to a page of the site, never cached.
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }
}

extension FormGuard {
    /// A signed-in visitor's form, once it passes ``accepts(_:_:from:)``; `nil` for a forged one,
    /// which the page refuses without changing anything.
    static func genuine(_ request: Request, from visitor: Visitor) async throws -> FormBody? {
        let form = try await FormBody.read(request)
        return accepts(request, form, from: visitor) ? form : nil
    }
}
