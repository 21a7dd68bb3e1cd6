import ArtelTestKit
import Foundation
import Testing

/// A node made with `artel init` in a temporary directory, for end-to-end tests.
struct TestNode {
    let artel: ArtelProcess
    let directory: String

    /// Runs `body` with a fresh node, optionally with the test community created.
    static func with<T>(community: Bool = true, _ body: (TestNode) async throws -> T) async throws -> T {
        try await TestFiles.withTemporaryDirectory { directory in
            let node = TestNode(artel: ArtelProcess(data: "\(directory)/node"), directory: directory)
            try node.expectSuccess("init", "--name", "test-node")
            if community {
                try node.expectSuccess(
                    "community",
                    "create",
                    "--name",
                    "Tech Leaders Moscow",
                    "--kind",
                    "community",
                    "--area",
                    "Москва",
                    "--key-name",
                    "tech-leaders"
                )
            }
            return try await body(node)
        }
    }

    /// Runs a command that must succeed; returns its output.
    @discardableResult
    func expectSuccess(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try artel.run(arguments)
        #expect(
            result.status == 0,
            "artel \(arguments.joined(separator: " ")): \(result.error)",
            sourceLocation: sourceLocation
        )
        return result.output
    }

    /// Runs a command.
    func run(_ arguments: String...) throws -> ArtelProcess.Result {
        try artel.run(arguments)
    }

    /// Parses JSON output.
    func json(_ arguments: String...) throws -> Any {
        let result = try artel.run(arguments + ["--json"])
        #expect(result.status == 0, "\(result.error)")
        return try JSONSerialization.jsonObject(with: Data(result.output.utf8))
    }

    /// Adds a person to the test community, with more options (`--visibility private`…); returns its id.
    func addPerson(
        _ name: String,
        _ options: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws
        -> String
    {
        try created(["person", "add", "--community", "tech-leaders", "--display-name", name] + options, sourceLocation)
    }

    /// Records a public membership of a person in the test community; returns its id.
    func addPublicMembership(of person: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try created(
            [
                "membership", "add", "--person", person, "--community", "tech-leaders", "--roles", "leader",
                "--visibility", "public",
            ],
            sourceLocation
        )
    }

    private func created(_ arguments: [String], _ sourceLocation: SourceLocation) throws -> String {
        let result = try artel.run(arguments)
        #expect(
            result.status == 0,
            "artel \(arguments.joined(separator: " ")): \(result.error)",
            sourceLocation: sourceLocation
        )
        return Self.createdID(result.output)
    }

    /// The id printed by a create command (`Created job <id>`).
    static func createdID(_ output: String) -> String {
        String(output.split(separator: "\n")[0].split(separator: " ").last!)
    }

    /// Everything the replica holds, as an exported delta file's bytes.
    func exported() throws -> Data {
        let path = "\(directory)/export-\(UUID().uuidString).deltas"
        try expectSuccess("export", "--output", path)
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }
}
