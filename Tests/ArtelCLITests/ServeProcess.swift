import ArtelTestKit
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A real `artel serve` process on a loopback port.
final class ServeProcess: @unchecked Sendable {
    let node: TestNode
    private let process: Process
    private let output = Pipe()
    /// The port it listens on.
    private(set) var port = 0

    /// Starts `artel serve` for a node and waits until it listens, on `port` or on a free one.
    init(_ node: TestNode, port requested: Int = 0, arguments: [String] = []) throws {
        self.node = node
        process = node.artel.start(["serve", "--listen", "127.0.0.1:\(requested)", "--log-level", "debug"] + arguments)
        process.standardOutput = output
        process.standardError = try Self.appendingLog(for: node)
        try process.run()
        var seen = ""
        while !seen.contains("Serving.") || !seen.contains("Listening for peers on") {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw ServeFailed(output: seen) }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        let line = seen.split(separator: "\n").first { $0.hasPrefix("Listening for peers on") }!
        port = Int(line.split(separator: ":").last!)!
    }

    /// The node's `serve.log` in its data directory, appended to across restarts.
    private static func appendingLog(for node: TestNode) throws -> FileHandle {
        let path = "\(node.artel.data)/serve.log"
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        return handle
    }

    /// The address peers dial.
    var address: String { "127.0.0.1:\(port)" }

    /// Stops it gracefully and waits.
    func stop() -> Int32 {
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Kills it at once, as a crash would.
    func crash() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    struct ServeFailed: Error, CustomStringConvertible {
        let output: String
        var description: String { "artel serve did not start: \(output)" }
    }
}

extension TestNode {
    /// The node key, from `artel status`.
    func nodeKey() throws -> String {
        try #require((try json("status") as? [String: Any])?["node_key"] as? String)
    }

    /// The number of kept deltas, from `artel status`.
    func deltaCount() throws -> Int {
        try #require((try json("status") as? [String: Any])?["deltas"] as? Int)
    }
}

/// Nodes in separate data directories of one temporary directory, each with its own community.
func withNetwork<T>(_ count: Int, _ body: ([TestNode]) async throws -> T) async throws -> T {
    try await TestFiles.withTemporaryDirectory { directory in
        var nodes: [TestNode] = []
        for index in 0..<count {
            let node = TestNode(artel: ArtelProcess(data: "\(directory)/node\(index)"), directory: directory)
            try node.expectSuccess("init", "--name", "node\(index)")
            try node.expectSuccess("community", "create", "--name", "Сообщество \(index)", "--key-name", "own")
            try node.expectSuccess("follow", "--every-community")
            nodes.append(node)
        }
        return try await body(nodes)
    }
}

/// The `serve.log` of each node, to explain a failed expectation.
func serveLogs(_ nodes: [TestNode]) -> String {
    nodes.map { node in
        let log = (try? String(contentsOfFile: "\(node.artel.data)/serve.log", encoding: .utf8)) ?? "(no log)"
        return "--- \(node.artel.data)\n\(log)"
    }.joined(separator: "\n")
}

/// Waits until a condition holds, checking every 100 ms, at most `seconds`.
func eventually(_ seconds: Double = 30, _ condition: () throws -> Bool) async throws -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return true }
        try await Task.sleep(for: .milliseconds(100))
    }
    return try condition()
}
