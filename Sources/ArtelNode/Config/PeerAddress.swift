public import ArtelCore

/// Where a peer listens: `host:port`, or `[v6 address]:port`.
public struct PeerAddress: Hashable, Sendable, CustomStringConvertible {
    /// The host name or address.
    public let host: String
    /// The TCP port.
    public let port: Int

    /// The port peers listen on unless configured otherwise (DESIGN §10).
    public static let defaultPort = 7400

    /// Parses `host:port`, `[v6]:port`, or a bare host (default port).
    public init?(_ text: String) {
        var host = Substring(text)
        var port = Self.defaultPort
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return nil }
            let rest = host[host.index(after: close)...]
            host = host[host.index(after: host.startIndex)..<close]
            if !rest.isEmpty {
                guard rest.hasPrefix(":"), let parsed = Int(rest.dropFirst()) else { return nil }
                port = parsed
            }
        } else if let colon = host.lastIndex(of: ":"), host.filter({ $0 == ":" }).count == 1 {
            guard let parsed = Int(host[host.index(after: colon)...]) else { return nil }
            port = parsed
            host = host[..<colon]
        }
        guard !host.isEmpty, (0...65_535).contains(port), !host.contains(where: { $0.isWhitespace || $0 == "/" })
        else { return nil }
        self.host = String(host)
        self.port = port
    }

    /// An address to listen on: `host:port` (or `[v6]:port`) with its port written out, so that an
    /// address without one (or a URL) never lands silently on the peer port.
    public init?(listening text: String) {
        guard let address = PeerAddress(text), text.hasSuffix(":\(address.port)") else { return nil }
        self = address
    }

    /// An address.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// A peer as settings name it: `host:port@node-key`.
public struct PeerEntry: Hashable, Sendable {
    /// Where to dial it.
    public let address: PeerAddress
    /// Its node key.
    public let key: PublicKey

    /// Reads `host:port@node-key`; `nil` when either half is wrong.
    public init?(_ text: String) {
        guard let at = text.lastIndex(of: "@"), let address = PeerAddress(String(text[..<at])),
            let key = PublicKey(hex: text[text.index(after: at)...].lowercased())
        else { return nil }
        self.address = address
        self.key = key
    }
}
