import ArtelCore
import Hummingbird

/// The form token of a visitor without an account: random, given in the `artel_propose` cookie
/// with the proposal form and carried back by the form's `token` field. A form from another site
/// cannot carry it (it cannot read the cookie, and a cross-site post does not send a `SameSite=Strict`
/// one), so that with the origin check (``FormGuard/isSameOrigin(_:)``) nobody proposes in a
/// visitor's name from elsewhere.
enum ProposalCookie {
    /// The cookie's name.
    static let name = "artel_propose"

    /// The token a request's cookie holds, when it holds one that this site could have made.
    static func token(of request: Request) -> String? {
        guard let value = request.cookies[name]?.value, value.utf8.count == 32, Hex.isHexDigits(value) else {
            return nil
        }
        return value
    }

    /// A fresh token.
    static func make() -> String { Hex.encode(RandomBytes.make(16)) }

    /// The `Set-Cookie` value that gives a browser its token for a day, for the proposal pages only.
    static func set(_ token: String, secure: Bool) -> String {
        "\(name)=\(token); Path=/propose; Max-Age=86400; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// Whether a posted form carries its cookie's token, compared in constant time.
    static func accepts(_ request: Request, formToken given: String) -> Bool {
        guard let expected = token(of: request).map({ Array($0.utf8) }) else { return false }
        let given = Array(given.utf8)
        guard given.count == expected.count else { return false }
        return zip(given, expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
