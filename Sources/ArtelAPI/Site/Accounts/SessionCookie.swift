import Hummingbird

/// The `artel_session` cookie that carries a session's token.
///
/// `HttpOnly`, so that no script reads it; `Path=/`, for every page; `Secure` when the visitor
/// reached the node over TLS (a proxy in front says so with `X-Forwarded-Proto: https`), so that
/// it never travels in the clear afterwards. `SameSite=Lax` rather than `Strict`: a cross-site
/// POST never carries it, which with the form token and the origin check (``FormGuard``) stops
/// forged forms, while a link to `/editor` from a mail or a chat opens signed in instead of
/// asking for the password again. No page changes anything on a GET.
enum SessionCookie {
    /// The cookie's name.
    static let name = "artel_session"

    /// The `Set-Cookie` value that signs a browser in until the session's end at the latest.
    ///
    /// - Parameters:
    ///   - value: the session token's text.
    ///   - maxAge: seconds until the session's absolute end.
    ///   - secure: whether the request came over TLS.
    static func set(_ value: String, maxAge: Int64, secure: Bool) -> String {
        "\(name)=\(value); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "")
    }

    /// The `Set-Cookie` value that makes a browser forget its session.
    static func clear(secure: Bool) -> String {
        "\(name)=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "")
    }
}
