import ArtelCore
import ArtelTestKit
import Foundation
import GRDB
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Stopping, backing up and restoring a node while it syncs, with real processes.
@Suite("Node lifecycle")
struct LifecycleTests {
    /// Two nodes: the first holds `count` jobs and serves; the second has it as a peer and starts
    /// syncing. `body` gets both nodes, both processes, and how many deltas the second had stored
    /// when `body` began (its own two among them), once it has stored some of the first's.
    static func syncing(
        _ count: Int = 20_000,
        _ body: ([TestNode], ServeProcess, ServeProcess, Int) async throws -> Void
    ) async throws {
        try await withNetwork(2) { nodes in
            let factory = DeltaFactory(
                key: TestKeys.association,
                now: UInt64(Date().timeIntervalSince1970 * 1000) - 60_000
            )
            let file = "\(nodes[0].directory)/bulk.deltas"
            try Data(DeltaStream.encode((0..<count).map { factory.job(UInt64($0), offset: UInt64($0)) }))
                .write(to: URL(fileURLWithPath: file))
            try nodes[0].expectSuccess("apply", "--quiet", file)
            let source = try ServeProcess(nodes[0].artel)
            defer { source.stop() }
            try nodes[1].expectSuccess("peer", "add", source.address, try nodes[0].nodeKey())
            let receiver = try ServeProcess(nodes[1].artel)
            defer { receiver.stop() }
            // Read the replica file directly: `artel status` would take long enough on a loaded
            // machine for the sync to end before the test acts.
            let replica = try DatabaseQueue(
                path: "\(nodes[1].artel.data)/artel.sqlite",
                configuration: {
                    var configuration = Configuration()
                    configuration.readonly = true
                    return configuration
                }()
            )
            func stored() throws -> Int {
                try replica.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM deltas") ?? 0 }
            }
            #expect(try await eventually(60, every: .milliseconds(10)) { try stored() > 2 })
            let before = try stored()
            try replica.close()
            try await body(nodes, source, receiver, before)
        }
    }

    @Test(
        "SIGTERM during a large sync stops the node cleanly: the peer is told, the replica is sound",
        .timeLimit(.minutes(3))
    )
    func gracefulUnderLoad() async throws {
        try await Self.syncing { nodes, _, receiver, before in
            #expect(before < 20_002, "the sync had ended before the stop")
            #expect(receiver.stop() == 0)
            #expect(receiver.remainingOutput().contains("Stopped; the replica is closed."))
            #expect(try nodes[1].run("check").status == 0)
            // The receiver said goodbye, and the source saw the session end without an error.
            let receiverLog = try String(contentsOfFile: ServeProcess.logPath(in: nodes[1].artel.data), encoding: .utf8)
            #expect(receiverLog.contains("reason=the node is shutting down"), "\(receiverLog.suffix(3000))")
            let ended = try await eventually(10) {
                let peers = try nodes[0].json("peer", "list") as? [[String: Any]]
                return peers?.first?["state"] as? String == "disconnected" && peers?.first?["error"] as? String == nil
            }
            let peers = try nodes[0].expectSuccess("peer", "list")
            #expect(ended, "\(peers)")
        }
    }

    @Test(
        "A second signal stops at once a node whose graceful stop waits, and the replica stays sound",
        .timeLimit(.minutes(3))
    )
    func secondSignal() async throws {
        try await Self.syncing { nodes, _, receiver, _ in
            // A client that announced a body and never sends it: the API waits for it while stopping gracefully.
            let token = try String(contentsOfFile: "\(nodes[1].artel.data)/api.token", encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let stalled = try HTTPClient.stall(
                "\(receiver.api)/api/v1/jobs",
                headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
            )
            try await Task.sleep(for: .milliseconds(200))
            kill(receiver.pid, SIGTERM)
            try await Task.sleep(for: .milliseconds(50))
            kill(receiver.pid, SIGTERM)
            #expect(receiver.waitUntilExit() == 0)
            let output = receiver.remainingOutput()
            #expect(output.contains("Stopping at once.") && output.contains("the replica is closed"), "\(output)")
            #expect(try nodes[1].run("check").status == 0)
            withExtendedLifetime(stalled) {}
        }
    }

    @Test(
        "A backup taken during a sync restores to a replica that then converges with its peer",
        .timeLimit(.minutes(3))
    )
    func backupDuringSync() async throws {
        try await Self.syncing { nodes, source, receiver, _ in
            let backup = "\(nodes[1].directory)/during-sync.sqlite"
            try nodes[1].expectSuccess("backup", backup)
            #expect(receiver.stop() == 0)

            let restored = TestNode(
                artel: ArtelProcess(data: "\(nodes[1].directory)/restored"),
                directory: nodes[1].directory
            )
            try restored.expectSuccess("init", "--name", "restored")
            try restored.expectSuccess("restore", backup)
            let partial = try restored.deltaCount()
            #expect(try restored.run("check").status == 0)
            // The backup holds the receiver's peers and follows: the restored node dials the source.
            let server = try ServeProcess(restored.artel)
            defer { server.stop() }
            #expect(
                try await eventually(90) { try restored.deltaCount() == nodes[0].deltaCount() },
                "had \(partial) from the backup"
            )
            #expect(try restored.run("check").status == 0)
            withExtendedLifetime(source) {}
        }
    }
}
