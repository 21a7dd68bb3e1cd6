import ArtelCore
import ArtelSync
import Foundation
import Logging
import TOMLKit

/// The node's settings file, `artel.toml` in the data directory. Every setting is also a flag of
/// `artel serve` and an environment variable; a flag wins over the environment, which wins over
/// the file, which wins over the default (README, "Configuration").
public struct ConfigFile: Equatable, Sendable {
    /// `[node] name`: the node's name in hellos (default: the name given at `artel init`).
    public var name: String?
    /// `[node] listen`: host:port for peers, or `none`.
    public var listen: String?
    /// `[node] network_key`: 64 hex digits.
    public var networkKey: String?
    /// `[node] allow`: the node keys admitted, when only some are.
    public var allow: [String]?
    /// `[node] max_connections`.
    public var maxConnections: Int?
    /// `[node] reconcile_interval`, in seconds.
    public var reconcileInterval: Int?
    /// `[node] purge_interval`, in seconds.
    public var purgeInterval: Int?
    /// `[node] peers`: `host:port@node-key` of peers to dial, added when the node starts.
    public var peers: [String]?
    /// `[node] follows`: community keys to follow (every kind), added when the node starts.
    public var follows: [String]?
    /// `[api] listen`: host:port of the HTTP API, or `none`.
    public var api: String?
    /// `[api] cors_origins`: the web origins (`https://tech-leaders.example`, or `*`) whose pages
    /// may read the API's public records and feeds from a browser.
    public var corsOrigins: [String]?
    /// `[log] level`.
    public var logLevel: String?
    /// `[log] format`: text, or json for log collectors.
    public var logFormat: String?

    /// The file's name in the data directory.
    public static let fileName = "artel.toml"

    /// A mistake in the file: where, what, and what to write instead.
    public struct Mistake: Error, Equatable, Sendable, CustomStringConvertible {
        /// The line, from 1, when the mistake has one.
        public let line: Int?
        /// What is wrong.
        public let message: String
        /// What to write instead.
        public let fix: String

        public var description: String { "\(line.map { "line \($0): " } ?? "")\(message); write \(fix)" }
    }

    private static let keys: [String: [String: String]] = [
        "node": [
            "name": "name = \"tech-leaders-msk\"",
            "peers": "peers = [\"peer.example.org:7400@<its node key, 64 hex digits>\"]",
            "follows": "follows = [\"<a community key, 64 hex digits>\"]", "listen": "listen = \"0.0.0.0:7400\"",
            "network_key": "network_key = \"<64 hex digits>\"",
            "allow": "allow = [\"<a node key, 64 hex digits>\"]", "max_connections": "max_connections = 64",
            "reconcile_interval": "reconcile_interval = 300", "purge_interval": "purge_interval = 60",
        ],
        "log": ["level": "level = \"info\"", "format": "format = \"json\""],
        "api": [
            "listen": "listen = \"127.0.0.1:7480\"",
            "cors_origins": "cors_origins = [\"https://tech-leaders.example\"]",
        ],
    ]

    /// An empty file.
    public init() {}

    /// Reads a file, collecting every mistake rather than stopping at the first.
    public static func parse(_ text: String) -> (ConfigFile, [Mistake]) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            return (
                ConfigFile(),
                [
                    Mistake(
                        line: error.source.begin.line,
                        message: "this is not TOML: \(error.description)",
                        fix: "key = value, with strings in quotes"
                    )
                ]
            )
        } catch {
            return (ConfigFile(), [Mistake(line: nil, message: "this is not TOML: \(error)", fix: "key = value")])
        }
        var file = ConfigFile()
        var mistakes: [Mistake] = []
        let locator = Locator(text)
        for section in table.keys.sorted() {
            guard let allowed = keys[section], let values = table[section]?.table else {
                let known = keys.keys.sorted().map { "[\($0)]" }.joined(separator: " or ")
                mistakes.append(
                    Mistake(line: locator.section(section), message: "unknown section [\(section)]", fix: known)
                )
                continue
            }
            for key in values.keys.sorted() {
                let line = locator.key(key, in: section)
                guard let example = allowed[key] else {
                    let guess = allowed.keys.min { distance($0, key) < distance($1, key) }!
                    mistakes.append(
                        Mistake(line: line, message: "unknown key \(key) in [\(section)]", fix: allowed[guess]!)
                    )
                    continue
                }
                let value = values[key]!
                func mistake(_ message: String) {
                    mistakes.append(Mistake(line: line, message: "\(key) \(message)", fix: example))
                }
                switch (section, key) {
                case ("node", "name"):
                    guard let text = value.string, !text.isEmpty, text.count <= 64 else {
                        mistake("must be a name of 1 to 64 characters, in quotes")
                        continue
                    }
                    file.name = text
                case ("node", "peers"):
                    guard let array = value.array, array.allSatisfy({ $0.string.flatMap(PeerEntry.init) != nil }) else {
                        mistake("must be a list of \"host:port@node-key\" entries, the key 64 hex digits")
                        continue
                    }
                    file.peers = array.compactMap(\.string)
                case ("node", "follows"):
                    guard let array = value.array, array.allSatisfy({ $0.string.flatMap(PublicKey.init(hex:)) != nil })
                    else {
                        mistake("must be a list of community keys, each 64 hex digits in quotes")
                        continue
                    }
                    file.follows = array.compactMap(\.string)
                case ("node", "listen"), ("api", "listen"):
                    guard let text = value.string, Self.isListenSetting(text) else {
                        mistake(Self.listenRule)
                        continue
                    }
                    if section == "api" { file.api = text } else { file.listen = text }
                case ("api", "cors_origins"):
                    guard let array = value.array, array.allSatisfy({ $0.string.map(Self.isWebOrigin) == true }) else {
                        mistake(
                            "must be a list of web origins, each scheme://host[:port] with no path, or \"*\" for any"
                        )
                        continue
                    }
                    file.corsOrigins = array.compactMap(\.string)
                case ("node", "network_key"):
                    guard let text = value.string, NetworkKey(hex: text) != nil else {
                        mistake("must be 64 hex digits, in quotes")
                        continue
                    }
                    file.networkKey = text
                case ("node", "allow"):
                    guard let array = value.array, array.allSatisfy({ $0.string.flatMap(PublicKey.init(hex:)) != nil })
                    else {
                        mistake("must be a list of node keys, each 64 hex digits in quotes")
                        continue
                    }
                    file.allow = array.compactMap(\.string)
                case ("node", "max_connections"):
                    guard let number = value.int, Self.connectionRange.contains(number) else {
                        mistake(Self.connectionRule)
                        continue
                    }
                    file.maxConnections = number
                case ("node", "reconcile_interval"), ("node", "purge_interval"):
                    guard let number = value.int, number >= 1 else {
                        mistake("must be a whole number, at least 1")
                        continue
                    }
                    if key == "reconcile_interval" {
                        file.reconcileInterval = number
                    } else {
                        file.purgeInterval = number
                    }
                case ("log", "level"):
                    guard let text = value.string, Logger.Level(rawValue: text) != nil else {
                        mistake("must be one of trace, debug, info, notice, warning, error, critical, in quotes")
                        continue
                    }
                    file.logLevel = text
                case ("log", "format"):
                    guard let text = value.string, ["text", "json"].contains(text) else {
                        mistake("must be \"text\" or \"json\"")
                        continue
                    }
                    file.logFormat = text
                default:
                    continue
                }
            }
        }
        return (file, mistakes.sorted { ($0.line ?? 0) < ($1.line ?? 0) })
    }

    /// Reads the file of a data directory; an absent file is an empty one.
    public static func load(fromDirectory directory: String) throws -> (ConfigFile, [Mistake]) {
        try load(path: "\(directory)/\(fileName)")
    }

    /// Reads a settings file; an absent file is an empty one.
    public static func load(path: String) throws -> (ConfigFile, [Mistake]) {
        guard FileManager.default.fileExists(atPath: path) else { return (ConfigFile(), []) }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            return (
                ConfigFile(),
                [Mistake(line: nil, message: "\(path) cannot be read as UTF-8 text", fix: "a UTF-8 TOML file")]
            )
        }
        return parse(text)
    }

    /// The settings given by environment variables (`ARTEL_NAME`, `ARTEL_LISTEN`, `ARTEL_NETWORK_KEY`,
    /// `ARTEL_ALLOW`, `ARTEL_PEERS` and `ARTEL_FOLLOWS` as comma-separated lists,
    /// `ARTEL_MAX_CONNECTIONS`, `ARTEL_RECONCILE_INTERVAL`, `ARTEL_PURGE_INTERVAL`, `ARTEL_API`,
    /// `ARTEL_CORS_ORIGINS` as a comma-separated list, `ARTEL_LOG_LEVEL`, `ARTEL_LOG_FORMAT`); a
    /// mistake names its variable.
    public static func fromEnvironment(_ environment: [String: String]) -> (ConfigFile, [Mistake]) {
        // The variables are written as a file, so that they are checked by the file's rules; each
        // line remembers its variable, for messages.
        var lines: [String] = []
        var variables: [Int: String] = [:]
        func quoted(_ text: some StringProtocol) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "").replacingOccurrences(of: "\"", with: "") + "\""
        }
        for (section, settings) in [
            (
                "node",
                [
                    ("ARTEL_NAME", "name"), ("ARTEL_PEERS", "peers"), ("ARTEL_FOLLOWS", "follows"),
                    ("ARTEL_LISTEN", "listen"), ("ARTEL_NETWORK_KEY", "network_key"), ("ARTEL_ALLOW", "allow"),
                    ("ARTEL_MAX_CONNECTIONS", "max_connections"), ("ARTEL_RECONCILE_INTERVAL", "reconcile_interval"),
                    ("ARTEL_PURGE_INTERVAL", "purge_interval"),
                ]
            ),
            ("log", [("ARTEL_LOG_LEVEL", "level"), ("ARTEL_LOG_FORMAT", "format")]),
            ("api", [("ARTEL_API", "listen"), ("ARTEL_CORS_ORIGINS", "cors_origins")]),
        ] {
            lines.append("[\(section)]")
            for (variable, key) in settings {
                guard let value = environment[variable], !value.isEmpty else { continue }
                switch key {
                case "allow", "peers", "follows", "cors_origins":
                    let items = value.split(separator: ",").map { quoted($0.trimmingCharacters(in: .whitespaces)) }
                    lines.append("\(key) = [" + items.joined(separator: ", ") + "]")
                case "max_connections", "reconcile_interval", "purge_interval":
                    lines.append("\(key) = " + (Int(value).map(String.init) ?? quoted(value)))
                default: lines.append("\(key) = " + quoted(value))
                }
                variables[lines.count] = variable
            }
        }
        let (settings, mistakes) = parse(lines.joined(separator: "\n"))
        return (
            settings,
            mistakes.map { mistake in
                let name = mistake.line.flatMap { variables[$0] } ?? "an ARTEL_ variable"
                return Mistake(line: nil, message: "\(name): " + mistake.message, fix: mistake.fix)
            }
        )
    }

    /// The settings as `artel.toml` text: only those given.
    public static func render(_ settings: ConfigFile) -> String {
        func quoted(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        var node: [String] = []
        if let name = settings.name { node.append("name = " + quoted(name)) }
        if let peers = settings.peers { node.append("peers = [" + peers.map(quoted).joined(separator: ", ") + "]") }
        if let follows = settings.follows {
            node.append("follows = [" + follows.map(quoted).joined(separator: ", ") + "]")
        }
        if let listen = settings.listen { node.append("listen = " + quoted(listen)) }
        if let key = settings.networkKey { node.append("network_key = " + quoted(key)) }
        if let allow = settings.allow { node.append("allow = [" + allow.map(quoted).joined(separator: ", ") + "]") }
        if let number = settings.maxConnections { node.append("max_connections = \(number)") }
        if let number = settings.reconcileInterval { node.append("reconcile_interval = \(number)") }
        if let number = settings.purgeInterval { node.append("purge_interval = \(number)") }
        var text = node.isEmpty ? "" : "[node]\n" + node.joined(separator: "\n") + "\n"
        var log: [String] = []
        if let level = settings.logLevel { log.append("level = " + quoted(level)) }
        if let format = settings.logFormat { log.append("format = " + quoted(format)) }
        if !log.isEmpty { text += "[log]\n" + log.joined(separator: "\n") + "\n" }
        var api: [String] = []
        if let listen = settings.api { api.append("listen = " + quoted(listen)) }
        if let origins = settings.corsOrigins {
            api.append("cors_origins = [" + origins.map(quoted).joined(separator: ", ") + "]")
        }
        if !api.isEmpty { text += "[api]\n" + api.joined(separator: "\n") + "\n" }
        return text
    }

    /// These settings, with `lower`'s where these give none.
    public func over(_ lower: ConfigFile) -> ConfigFile {
        var merged = self
        merged.name = name ?? lower.name
        merged.peers = peers ?? lower.peers
        merged.follows = follows ?? lower.follows
        merged.api = api ?? lower.api
        merged.corsOrigins = corsOrigins ?? lower.corsOrigins
        merged.listen = listen ?? lower.listen
        merged.networkKey = networkKey ?? lower.networkKey
        merged.allow = allow ?? lower.allow
        merged.maxConnections = maxConnections ?? lower.maxConnections
        merged.reconcileInterval = reconcileInterval ?? lower.reconcileInterval
        merged.purgeInterval = purgeInterval ?? lower.purgeInterval
        merged.logLevel = logLevel ?? lower.logLevel
        merged.logFormat = logFormat ?? lower.logFormat
        return merged
    }

    /// Whether text is a web origin as browsers send it (`https://tech-leaders.example`,
    /// `http://127.0.0.1:8080`: a scheme, a host, maybe a port, nothing after), or `*`.
    static func isWebOrigin(_ text: String) -> Bool {
        if text == "*" { return true }
        for scheme in ["https://", "http://"] where text.hasPrefix(scheme) {
            let rest = text.dropFirst(scheme.count)
            return !rest.isEmpty
                && rest.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-.:[]".contains($0)) }
        }
        return false
    }

    /// Levenshtein distance, to suggest the key that was meant.
    private static func distance(_ a: String, _ b: String) -> Int {
        let (a, b) = (Array(a), Array(b))
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var diagonal = row[0]
            row[0] = i
            for j in 1...b.count {
                let above = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1))
                diagonal = above
            }
        }
        return row[b.count]
    }
}

/// Finds the line of a section or key, for messages: TOML parsers give lines for syntax errors only.
private struct Locator {
    let lines: [Substring]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    func section(_ name: String) -> Int? {
        lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("[\(name)]") }.map { $0 + 1 }
    }

    func key(_ key: String, in section: String) -> Int? {
        var current = ""
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("[") {
                current = String(trimmed.dropFirst().prefix { $0 != "]" })
            } else if current == section, trimmed.hasPrefix(key),
                trimmed.dropFirst(key.count).trimmingCharacters(in: .whitespaces).hasPrefix("=")
            {
                return index + 1
            }
        }
        return nil
    }
}

extension ConfigFile {
    /// Whether a `listen` setting is one `artel serve` can use: `none`, or an address to listen on
    /// with its port written out (``PeerAddress/init(listening:)``).
    public static func isListenSetting(_ text: String) -> Bool {
        text == "none" || PeerAddress(listening: text) != nil
    }

    /// What a `listen` setting must be, as a mistake says it.
    public static let listenRule = "must be host:port with the port written out (no http://), or \"none\", in quotes"

    /// How many peer connections a node may hold: each is a socket and a task.
    public static let connectionRange = 1...10_000

    /// What `max_connections` must be, as a mistake says it.
    public static let connectionRule = "must be a whole number from 1 to 10000"
}
