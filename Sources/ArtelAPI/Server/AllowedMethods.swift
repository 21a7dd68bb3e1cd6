import HTTPTypes

/// The methods each route of the API answers, so that a request with another method gets 405 and an
/// `Allow` header instead of 404. The conformance test checks this table against `protocol/openapi.json`.
enum AllowedMethods {
    /// Route patterns, `*` matching one path segment, with their methods (HEAD wherever GET is); the
    /// first pattern that matches wins. Communities are made on the node, never through the API.
    static let routes: [(pattern: [Substring], methods: [HTTPRequest.Method])] = [
        ("health", [.get, .head]), ("metrics", [.get, .head]), ("api/v1/changes", [.get, .head]),
        ("api/v1/changes/*", [.get, .head]), ("api/v1/communities", [.get, .head]), ("api/v1/*", [.get, .head, .post]),
        ("api/v1/*/*", [.get, .head, .patch, .delete]), ("api/v1/*/*/renew", [.post]),
        ("feeds/events.ics", [.get, .head]), ("feeds/jobs.json", [.get, .head]), ("feeds/jobs.atom", [.get, .head]),
        ("feeds/digest.html", [.get, .head]), ("feeds/digest.md", [.get, .head]), ("feeds/digests/*", [.get, .head]),
    ].map { (pattern: $0.0.split(separator: "/"), methods: $0.1) }

    /// The methods of the first route whose pattern the path matches; nil when none does.
    static func methods(for path: String) -> [HTTPRequest.Method]? {
        let segments = path.split(separator: "/")
        return routes.first { route in
            route.pattern.count == segments.count
                && zip(route.pattern, segments).allSatisfy { pattern, segment in pattern == "*" || pattern == segment }
        }?.methods
    }
}
