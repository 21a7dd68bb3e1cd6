import ArtelTestKit
import Foundation

/// A visitor without an account on a node's proposal form: keeps the `artel_propose` cookie the
/// form gives and the form token the page carries, and posts as a browser on the site's page does.
struct ProposalVisitor {
    /// The site's base URL.
    let site: String
    /// The cookie's token, once the form was opened.
    var cookie: String?
    /// The form token the page carried.
    var token = ""
    /// The kind proposed: `job`, `event`.
    let kind: String

    init(_ site: String, kind: String = "job") {
        self.site = site
        self.kind = kind
    }

    /// Opens the form (`/propose/{kind}` with `query`), keeping its cookie and token.
    @discardableResult
    mutating func open(_ query: String = "") throws -> HTTPClient.Response {
        var headers = ["Accept": "text/html"]
        if let cookie { headers["Cookie"] = "artel_propose=\(cookie)" }
        let page = try HTTPClient.request("GET", site + "/propose/\(kind)" + query, headers: headers)
        if let header = page.headers["set-cookie"], header.hasPrefix("artel_propose=") {
            cookie = String(header.dropFirst("artel_propose=".count).prefix { $0 != ";" })
        }
        if let range = page.text.range(of: #"name="token" value="[0-9a-f]+""#, options: .regularExpression) {
            token = String(page.text[range].dropFirst(#"name="token" value=""#.count).dropLast())
        }
        return page
    }

    /// The communities the form offers, by name.
    func communities(_ page: HTTPClient.Response) -> [String: String] {
        let pattern = #"<option value="([0-9a-f]{64})"[^>]*>([^<]+)</option>"#
        let expression = try! NSRegularExpression(pattern: pattern)
        let text = page.text
        var found: [String: String] = [:]
        for match in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let key = String(text[Range(match.range(at: 1), in: text)!])
            found[String(text[Range(match.range(at: 2), in: text)!])] = key
        }
        return found
    }

    /// Posts a proposal with the form's token (unless `fields` name their own) from `origin`.
    func propose(
        _ fields: [(String, String)],
        origin: String? = nil,
        withToken: Bool = true,
        body: String? = nil
    ) throws -> HTTPClient.Response {
        var headers = [
            "Accept": "text/html", "Origin": origin ?? site, "Content-Type": "application/x-www-form-urlencoded",
        ]
        if let cookie { headers["Cookie"] = "artel_propose=\(cookie)" }
        let all = (withToken ? [("token", token)] : []) + fields
        let form = all.map { "\(SiteBrowser.encode($0.0))=\(SiteBrowser.encode($0.1))" }.joined(separator: "&")
        return try HTTPClient.request("POST", site + "/propose/\(kind)", headers: headers, body: body ?? form)
    }
}
