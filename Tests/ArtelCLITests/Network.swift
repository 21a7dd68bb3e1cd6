import ArtelTestKit
import Foundation
import Testing

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
        let log =
            (try? String(contentsOfFile: ServeProcess.logPath(in: node.artel.data), encoding: .utf8)) ?? "(no log)"
        return "--- \(node.artel.data)\n\(log)"
    }.joined(separator: "\n")
}

/// Waits until a condition holds, checking every 500 ms (or `every`), at most `seconds`: a bound
/// only to end a hung test, generous because the nodes share two cores with the whole suite, and
/// each check runs `artel` processes of its own.
func eventually(
    _ seconds: Double = 120,
    every pause: Duration = .milliseconds(500),
    _ condition: () throws -> Bool
) async throws -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return true }
        try await Task.sleep(for: pause)
    }
    return try condition()
}
