import ArtelCore
import ArtelWeb
import HTTPTypes
import Hummingbird

/// The URL a client fetched a feed by, for the feed's `rel="self"` link and `feed_url`: the
/// request's host (its `Host` header), its path, and its `community` parameters in a fixed order.
///
/// The scheme is `https` when a proxy in front says so with `X-Forwarded-Proto: https`, else the
/// connection's own (`http`): the node itself serves plain HTTP.
enum FeedURL {
    private static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!

    /// The feed's URL; `nil` when the request names no host (HTTP/1.0), so that the feed goes
    /// without the link rather than with a wrong one.
    ///
    /// - Throws: ``APIError`` `400 invalid_parameter` when the `Host` header is not a host name or
    ///   address with an optional port.
    static func of(_ request: Request, communities: Set<PublicKey>) throws -> String? {
        guard let host = request.head.authority, !host.isEmpty else { return nil }
        guard isHost(host) else {
            throw APIError(
                .badRequest,
                "invalid_parameter",
                "the Host header \"\(host.prefix(100))\" is not a host name or address with an optional port"
            )
        }
        var url = "\(scheme(request))://\(host)\(request.uri.path)"
        let query = communities.map { "community=\($0.hex)" }.sorted()
        if !query.isEmpty { url += "?" + query.joined(separator: "&") }
        return url
    }

    /// Where the visitor reached the node, for a page's absolute links; `nil` when the request named
    /// no host, or not a valid one (the page then links by path alone).
    static func origin(_ request: Request) -> SiteOrigin? {
        guard let host = request.head.authority, isHost(host) else { return nil }
        return SiteOrigin(scheme: scheme(request), host: host)
    }

    /// `https` when a proxy in front says so, else the connection's own.
    private static func scheme(_ request: Request) -> String {
        let forwarded = request.headers[forwardedProto]?.lowercased()
        return forwarded == "https" || forwarded == "http" ? forwarded! : (request.head.scheme ?? "http")
    }

    /// `example.org`, `127.0.0.1:7480`, `[::1]:7480`: a name of letters, digits, dots and hyphens,
    /// or an IPv6 address in brackets, then an optional port of up to five digits.
    static func isHost(_ text: String) -> Bool {
        var name = Substring(text)
        if let colon = name.lastIndex(of: ":"), !name[colon...].contains("]") {
            let port = name[name.index(after: colon)...]
            guard (1...5).contains(port.count), port.utf8.allSatisfy({ (48...57).contains($0) }) else { return false }
            name = name[..<colon]
        }
        if name.hasPrefix("[") {
            guard name.hasSuffix("]"), name.count > 2 else { return false }
            return name.dropFirst().dropLast().utf8.allSatisfy { isHexDigit($0) || $0 == 58 || $0 == 46 }
        }
        return !name.isEmpty && name.utf8.count <= 253
            && name.utf8.allSatisfy { isHexDigit($0) || (97...122).contains($0 | 0x20) || $0 == 45 || $0 == 46 }
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (97...102).contains(byte | 0x20)
    }
}
