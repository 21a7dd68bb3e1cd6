import ArtelTestKit
import Foundation

/// A visitor of a node's site over real HTTP, who keeps the session cookie it is given and sends
/// forms as a browser on the site's own pages does (with the site's `Origin`).
struct SiteBrowser {
    /// The site's base URL.
    let site: String
    /// The session cookie's value, once signed in.
    var session: String?

    init(_ site: String) {
        self.site = site
    }

    /// The headers a browser sends: the session cookie, and for forms the origin it posts from.
    func headers(origin: String? = nil, form: Bool = false) -> [String: String] {
        var headers = ["Accept": "text/html"]
        if let session { headers["Cookie"] = "artel_session=\(session)" }
        if let origin { headers["Origin"] = origin }
        if form { headers["Content-Type"] = "application/x-www-form-urlencoded" }
        return headers
    }

    /// A page.
    func get(_ path: String) throws -> HTTPClient.Response {
        try HTTPClient.request("GET", site + path, headers: headers())
    }

    /// Posts a form from a page of `origin` (the site's own by default).
    func post(_ path: String, _ fields: [(String, String)], origin: String? = nil) throws -> HTTPClient.Response {
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try HTTPClient.request(
            "POST",
            site + path,
            headers: headers(origin: origin ?? site, form: true),
            body: body
        )
    }

    /// Signs in; keeps the cookie when the site gives one.
    @discardableResult
    mutating func signIn(_ name: String, _ password: String) throws -> HTTPClient.Response {
        let response = try post("/signin", [("name", name), ("password", password)])
        if let cookie = response.headers["set-cookie"], let value = Self.cookieValue(cookie) { session = value }
        return response
    }

    /// The form token of the session, from the sign-out button of a page.
    func formToken() throws -> String {
        let page = try get("/").text
        guard let range = page.range(of: #"name="csrf" value="[0-9a-f]+""#, options: .regularExpression) else {
            throw NotSignedIn()
        }
        return String(page[range].dropFirst(#"name="csrf" value=""#.count).dropLast())
    }

    /// Whether the site's pages show this visitor as signed in as `name`.
    func isSignedIn(as name: String) throws -> Bool {
        try get("/").text.contains("<strong>\(name)</strong>")
    }

    /// The value of a `Set-Cookie: artel_session=…` header.
    static func cookieValue(_ header: String) -> String? {
        guard header.hasPrefix("artel_session=") else { return nil }
        return String(header.dropFirst("artel_session=".count).prefix { $0 != ";" })
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

/// A page showed no sign-out button, so no form token: the visitor is not signed in.
struct NotSignedIn: Error {}
