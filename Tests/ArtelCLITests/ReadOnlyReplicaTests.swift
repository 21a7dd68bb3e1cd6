import ArtelTestKit
import Foundation
import Testing

/// Inspecting a replica this user may only read: a node on read-only media, another user's node.
@Suite("A replica the user may only read", .serialized)
struct ReadOnlyReplicaTests {
    /// The inspecting commands, run one after another in the reader's shell; `$JOB` is the job's id.
    static let inspections = """
        "$ARTEL" status && echo "-- list" && "$ARTEL" list jobs --community "Tech Leaders Moscow" \
        && echo "-- show" && "$ARTEL" job show "$JOB" && echo "-- log" && "$ARTEL" log "$JOB" \
        && echo "-- check" && "$ARTEL" check && echo "-- follow"; "$ARTEL" follow "Tech Leaders Moscow"
        """

    /// A node with a job, closed; returns the job's id.
    static func nodeWithJob(_ node: TestNode) throws -> String {
        TestNode.createdID(
            try node.expectSuccess(
                "job",
                "post",
                "--community",
                "Tech Leaders Moscow",
                "--title",
                "Комьюнити-менеджер",
                "--employer",
                "Studio-29"
            )
        )
    }

    static func contents(_ directory: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) where name != "keys" {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(name)"))
        }
        return files
    }

    /// Checks what the inspections printed: everything read, the write refused in words.
    static func expectInspected(_ result: ArtelProcess.Result, sourceLocation: SourceLocation = #_sourceLocation) {
        let output = result.output
        #expect(output.contains("(read-only)"), "\(output)\n\(result.error)", sourceLocation: sourceLocation)
        #expect(output.contains("-- list\n") && output.contains("Studio-29"), sourceLocation: sourceLocation)
        #expect(output.contains("-- show\njob "), sourceLocation: sourceLocation)
        #expect(output.contains("-- log\njob ") && output.contains("set title = Комьюнити-менеджер"))
        #expect(output.contains("consistent") && output.contains("not checked: full-text index"))
        #expect(output.contains("-- follow"), sourceLocation: sourceLocation)
        #expect(
            result.error.contains("is read-only for this user") && result.error.contains("changed only by its owner"),
            "\(result.error)",
            sourceLocation: sourceLocation
        )
        #expect(result.status != 0, "the refused write exits non-zero", sourceLocation: sourceLocation)
    }

    @Test(
        "On a read-only file system status, list, show, log and check work, a write is refused, and no byte changes",
        .enabled(if: getuid() == 0, "mounting a read-only bind needs root")
    )
    func readOnlyMedia() async throws {
        try await TestNode.with { node in
            let job = try Self.nodeWithJob(node)
            let data = node.artel.data
            let before = try Self.contents(data)
            let result = try node.artel.shell(
                """
                unshare -m sh -c 'mount --bind -o ro "$ARTEL_DATA" "$ARTEL_DATA" || exit 99; JOB=\(job); \(Self.inspections)'
                """
            )
            try #require(result.status != 99, "cannot mount read-only here: \(result.error)")
            Self.expectInspected(result)
            #expect(try Self.contents(data) == before, "reading changed the data directory")
        }
    }

    @Test(
        "Another user reads a node while it serves, sees what it writes, cannot change it, and its keys stay unread",
        .enabled(if: getuid() == 0, "reading as another user needs root to switch users")
    )
    func anotherUsersLiveNode() async throws {
        try await TestNode.with { node in
            let job = try Self.nodeWithJob(node)
            let data = node.artel.data
            // The owner shares the replica on purpose: the directory and the file become readable.
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: data)
            try FileManager.default.setAttributes(
                [.posixPermissions: 0o644],
                ofItemAtPath: "\(data)/artel.sqlite"
            )
            let server = try ServeProcess(node.artel)
            defer { _ = server.stop() }
            let later = TestNode.createdID(
                try node.expectSuccess("job", "post", "--community", "Tech Leaders Moscow", "--title", "Модератор чата")
            )
            #expect(FileManager.default.fileExists(atPath: "\(data)/artel.sqlite-wal"))
            let result = try node.artel.shell(
                "JOB=\(job); ARTEL=\"setpriv --reuid 65534 --regid 65534 --clear-groups $ARTEL\"; "
                    + Self.inspections.replacingOccurrences(of: "\"$ARTEL\"", with: "$ARTEL")
            )
            Self.expectInspected(result)
            #expect(result.output.contains("unknown: its keys cannot be read here"))
            #expect(result.output.contains(later) || result.output.contains("Модератор чата"), "\(result.output)")
        }
    }

    @Test("A new replica is readable by its owner only")
    func newReplicaIsPrivate() async throws {
        try await TestNode.with(community: false) { node in
            let mode = try #require(
                FileManager.default.attributesOfItem(atPath: "\(node.artel.data)/artel.sqlite")[.posixPermissions]
                    as? Int
            )
            #expect(mode & 0o777 == 0o600)
        }
    }
}
