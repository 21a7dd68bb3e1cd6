/// Where a visitor reached the node: the scheme and host its absolute links use (a calendar
/// subscription, an embed's code for another site).
public struct SiteOrigin: Sendable, Equatable {
    /// `http`, or `https` behind a proxy that says so.
    public let scheme: String
    /// The host and port the visitor asked for, checked to be one.
    public let host: String

    /// An origin.
    public init(scheme: String, host: String) {
        self.scheme = scheme
        self.host = host
    }

    /// A path on the node as an absolute URL: `http://127.0.0.1:7480/feeds/events.ics`.
    func url(_ path: String) -> String { "\(scheme)://\(host)\(path)" }

    /// A path as a calendar subscription, `webcal://…`, which calendar apps fetch over HTTP(S).
    func webcal(_ path: String) -> String { "webcal://\(host)\(path)" }
}
