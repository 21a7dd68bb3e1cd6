import ArtelNode
import ArtelTestKit
import Foundation
import Logging
import Testing

@Suite("artel.toml")
struct ConfigFileTests {
    @Test("Every kind of mistake is named with its line and what to write instead")
    func mistakes() {
        let text = """
            # the node
            [node]
            listen = "0.0.0.0:7400"
            max_conections = 10
            network_key = "abc"
            reconcile_interval = "five"
            allow = ["not a key"]
            [log]
            level = "loud"
            [web]
            port = 1
            """
        let (settings, mistakes) = ConfigFile.parse(text)
        #expect(settings.listen == "0.0.0.0:7400")
        #expect(mistakes.map(\.line) == [4, 5, 6, 7, 9, 10])
        #expect(
            mistakes[0].message == "unknown key max_conections in [node]" && mistakes[0].fix == "max_connections = 64"
        )
        #expect(mistakes[1].message.contains("64 hex digits") && mistakes[2].message.contains("whole number"))
        #expect(mistakes[3].message.contains("list of node keys") && mistakes[4].message.contains("trace, debug"))
        #expect(mistakes[5].message == "unknown section [web]" && mistakes[5].fix.contains("[api]"))
        let (_, syntax) = ConfigFile.parse("[node]\nlisten = 0.0.0.0\n")
        #expect(syntax.first?.line == 2 && syntax.first?.message.hasPrefix("this is not TOML") == true)
    }

    @Test("Flags win over ARTEL_ variables, which win over the file; a bad variable is named")
    func precedence() {
        let (file, _) = ConfigFile.parse(
            "[node]\nlisten = \"0.0.0.0:7400\"\nmax_connections = 10\npurge_interval = 30\n"
        )
        let (environment, none) = ConfigFile.fromEnvironment([
            "ARTEL_LISTEN": "127.0.0.1:9000", "ARTEL_MAX_CONNECTIONS": "20",
        ])
        #expect(none.isEmpty)
        var flags = ConfigFile()
        flags.maxConnections = 30
        let settings = flags.over(environment).over(file)
        #expect(settings.listen == "127.0.0.1:9000" && settings.maxConnections == 30 && settings.purgeInterval == 30)
        let (_, bad) = ConfigFile.fromEnvironment(["ARTEL_MAX_CONNECTIONS": "zero", "ARTEL_LOG_LEVEL": "loud"])
        #expect(bad.map(\.message).contains { $0.hasPrefix("ARTEL_MAX_CONNECTIONS: max_connections") })
        #expect(bad.map(\.message).contains { $0.hasPrefix("ARTEL_LOG_LEVEL: level") })
        let rendered = ConfigFile.render(settings)
        #expect(ConfigFile.parse(rendered) == (settings, []) || ConfigFile.parse(rendered).0 == settings)
    }

    @Test("Peers, follows, the node's name and the API's address are read, checked and rendered back")
    func federationAndAPI() throws {
        let peer = "peer.example.org:7400@" + String(repeating: "ab", count: 32)
        let community = String(repeating: "cd", count: 32)
        let text = """
            [node]
            name = "association"
            peers = ["\(peer)"]
            follows = ["\(community)"]
            [api]
            listen = "127.0.0.1:7480"
            """
        let (settings, none) = ConfigFile.parse(text)
        #expect(none.isEmpty, "\(none)")
        #expect(settings.name == "association" && settings.peers == [peer] && settings.follows == [community])
        #expect(settings.api == "127.0.0.1:7480")
        #expect(PeerEntry(peer)?.address.port == 7400)
        #expect(ConfigFile.parse(ConfigFile.render(settings)).0 == settings)

        let (_, mistakes) = ConfigFile.parse(
            """
            [node]
            peers = ["peer.example.org:7400"]
            follows = ["tech leaders"]
            name = ""
            [api]
            listen = "127.0.0.1:http"
            """
        )
        try #require(mistakes.map(\.line) == [2, 3, 4, 6])
        #expect(mistakes[0].message.contains("host:port@node-key") && mistakes[1].message.contains("community keys"))
        #expect(
            mistakes[3].message.contains("host:port with the port") && mistakes[3].fix == "listen = \"127.0.0.1:7480\""
        )

        // What serve could not use: a URL, an address without its port, more connections than sockets.
        let (_, unusable) = ConfigFile.parse(
            """
            [node]
            listen = "0.0.0.0"
            max_connections = 99999999999
            [api]
            listen = "http://127.0.0.1:7480"
            """
        )
        #expect(unusable.map(\.line) == [2, 3, 5], "\(unusable)")
        #expect(unusable.allSatisfy { $0.message.contains("port written out") || $0.message.contains("1 to 10000") })
        #expect(PeerAddress(listening: "[::1]:7401") != nil && PeerAddress(listening: "0.0.0.0:0") != nil)
        #expect(PeerAddress("https://peer.example.org") == nil, "a URL is not a peer's address")

        let (environment, fine) = ConfigFile.fromEnvironment([
            "ARTEL_PEERS": "\(peer), \(peer)", "ARTEL_API": "none", "ARTEL_NAME": "from-env",
        ])
        #expect(fine.isEmpty && environment.peers?.count == 2 && environment.api == "none")
        #expect(environment.name == "from-env")
        let (_, bad) = ConfigFile.fromEnvironment(["ARTEL_API": "nowhere:0x", "ARTEL_LISTEN": "nowhere:0x"])
        #expect(Set(bad.map { $0.message.prefix { $0 != ":" } }) == ["ARTEL_API", "ARTEL_LISTEN"])
    }

    @Test("The web origins allowed to read the API are origins, in the file and the environment alike")
    func corsOrigins() throws {
        let (settings, none) = ConfigFile.parse(
            """
            [api]
            cors_origins = ["https://tech-leaders.example", "http://127.0.0.1:8080", "*"]
            """
        )
        #expect(none.isEmpty, "\(none)")
        #expect(settings.corsOrigins == ["https://tech-leaders.example", "http://127.0.0.1:8080", "*"])
        #expect(ConfigFile.parse(ConfigFile.render(settings)).0 == settings)
        for origin in ["https://tech-leaders.example/", "tech-leaders.example", "https://", "ftp://x.example", ""] {
            let (_, mistakes) = ConfigFile.parse("[api]\ncors_origins = [\"\(origin)\"]")
            #expect(mistakes.first?.message.contains("web origins") == true, "\(origin)")
        }
        let (environment, fine) = ConfigFile.fromEnvironment([
            "ARTEL_CORS_ORIGINS": "https://a.example, https://b.example"
        ])
        #expect(fine.isEmpty && environment.corsOrigins == ["https://a.example", "https://b.example"])
        let (_, bad) = ConfigFile.fromEnvironment(["ARTEL_CORS_ORIGINS": "https://a.example/path"])
        #expect(bad.first?.message.hasPrefix("ARTEL_CORS_ORIGINS") == true)
    }
}

@Suite("examples/artel.toml")
struct ExampleConfigTests {
    @Test("The example config is sound and gives the defaults it documents")
    func example() throws {
        let text = try String(contentsOfFile: TestFiles.path("examples/artel.toml"), encoding: .utf8)
        let (settings, mistakes) = ConfigFile.parse(text)
        #expect(mistakes.isEmpty, "\(mistakes)")
        #expect(settings.listen == "0.0.0.0:7400" && settings.maxConnections == 64 && settings.logLevel == "info")
    }
}

@Suite("JSON logs")
struct JSONLogTests {
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func append(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    @Test("Each log line is one JSON object with time, level, label, message and the metadata")
    func lines() throws {
        let lines = Lines()
        var logger = Logger(label: "artel") { JSONLogHandler(label: $0, write: lines.append) }
        logger[metadataKey: "peer.key"] = "8cffba609d29fecb"
        logger.info("session started", metadata: ["peer.role": "dialed"])
        logger.debug("not written at the info level")
        #expect(lines.all.count == 1 && lines.all[0].hasSuffix("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines.all[0].utf8)) as? [String: String])
        #expect(object["level"] == "info" && object["label"] == "artel" && object["message"] == "session started")
        #expect(object["peer.key"] == "8cffba609d29fecb" && object["peer.role"] == "dialed")
        #expect(object["time"]?.hasSuffix("Z") == true)
    }

    @Test("The format is text or json, in the file and the environment alike")
    func format() {
        #expect(ConfigFile.parse("[log]\nformat = \"json\"\n").0.logFormat == "json")
        #expect(
            ConfigFile.parse("[log]\nformat = \"yaml\"\n").1.first?.message.contains("\"text\" or \"json\"") == true
        )
        #expect(
            ConfigFile.fromEnvironment(["ARTEL_LOG_FORMAT": "xml"]).1.first?.message.hasPrefix("ARTEL_LOG_FORMAT")
                == true
        )
    }
}
