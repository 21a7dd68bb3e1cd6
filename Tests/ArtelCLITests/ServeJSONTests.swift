import ArtelTestKit
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `artel serve --json`: standard output is JSON lines a script can parse, the first once the node
/// serves with its real addresses, and the log on standard error is JSON too.
@Suite("artel serve --json")
struct ServeJSONTests {
    @Test(
        "One JSON line says the node serves, with the ports it bound; stopping and stopped follow",
        .timeLimit(.minutes(2))
    )
    func servingLine() async throws {
        try await TestNode.with { node in
            let process = node.artel.start(["serve", "--listen", "127.0.0.1:0", "--api", "127.0.0.1:0", "--json"])
            let output = Pipe()
            let log = Pipe()
            process.standardOutput = output
            process.standardError = log
            try process.run()
            ChildProcesses.adopt(process.processIdentifier)
            defer { ChildProcesses.release(process.processIdentifier) }
            var seen = ""
            while !seen.contains("\n") {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                seen += String(decoding: chunk, as: UTF8.self)
            }
            let first = try #require(seen.split(separator: "\n").first)
            let serving = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
            #expect(serving["status"] as? String == "serving")
            #expect(serving["node"] as? String == "test-node")
            #expect((serving["node_key"] as? String)?.count == 64)
            #expect(serving["data"] as? String == node.artel.data)
            let version = try #require(serving["version"] as? String)
            #expect(try node.expectSuccess("--version").trimmingCharacters(in: .whitespacesAndNewlines) == version)
            let listen = try #require(serving["listen"] as? String)
            #expect(listen.hasPrefix("127.0.0.1:") && !listen.hasSuffix(":0"))
            let api = try #require(serving["api"] as? String)
            #expect(api.hasPrefix("http://127.0.0.1:") && !api.hasSuffix(":0"))
            let health = try HTTPClient.request("GET", api + "/health").object()
            #expect(
                health["status"] as? String == "serving"
                    && health["node_key"] as? String == serving["node_key"] as? String
            )

            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            seen += String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let statuses = try seen.split(separator: "\n").map { line in
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                return object["status"] as? String
            }
            #expect(statuses == ["serving", "stopping", "stopped"])
            let logged = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            for line in logged.split(separator: "\n") {
                #expect(
                    (try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any],
                    "not a JSON log line: \(line)"
                )
            }
        }
    }

    @Test("Without a port to listen on or an API, the line says null for them", .timeLimit(.minutes(2)))
    func onlyDials() async throws {
        try await TestNode.with(community: false) { node in
            let process = node.artel.start(["serve", "--listen", "none", "--api", "none", "--json"])
            let output = Pipe()
            process.standardOutput = output
            process.standardError = Pipe()
            try process.run()
            ChildProcesses.adopt(process.processIdentifier)
            defer { ChildProcesses.release(process.processIdentifier) }
            var seen = ""
            while !seen.contains("\n") {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                seen += String(decoding: chunk, as: UTF8.self)
            }
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
            let first = try #require(seen.split(separator: "\n").first)
            let serving = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
            #expect(serving["status"] as? String == "serving")
            #expect(serving["listen"] is NSNull && serving["api"] is NSNull)
        }
    }
}
