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
    /// syncing. When `stopOnceStoring`, the second is sent SIGTERM as soon as it has stored some of
    /// the first's deltas. `body` gets both nodes, both processes, and, when the second was sent
    /// SIGTERM, how many deltas it had stored then (its own two among them).
    static func syncing(
        stopOnceStoring: Bool = false,
        _ body: ([TestNode], ServeProcess, ServeProcess, Int?) async throws -> Void
    ) async throws {
        try await withNetwork(2) { nodes in
            let factory = DeltaFactory(
                key: TestKeys.association,
                now: UInt64(Date().timeIntervalSince1970 * 1000) - 60_000
            )
            let file = "\(nodes[0].directory)/bulk.deltas"
            try Data(DeltaStream.encode((0..<20_000).map { factory.job(UInt64($0), offset: UInt64($0)) }))
                .write(to: URL(fileURLWithPath: file))
            try nodes[0].expectSuccess("apply", "--quiet", file)
            let source = try ServeProcess(nodes[0].artel)
            defer { source.stop() }
            try nodes[1].expectSuccess("peer", "add", source.address, try nodes[0].nodeKey())
            let watcher = stopOnceStoring ? try StopOnceStoring(data: nodes[1].artel.data, floor: 2) : nil
            let receiver = try ServeProcess(nodes[1].artel)
            defer { receiver.stop() }
            if watcher == nil { #expect(try await eventually { try nodes[1].deltaCount() > 2 }) }
            try await body(nodes, source, receiver, watcher?.wait())
        }
    }

    @Test(
        "SIGTERM during a large sync stops the node cleanly: the peer is told, the replica is sound",
        .timeLimit(.minutes(10))
    )
    func gracefulUnderLoad() async throws {
        try await Self.syncing(stopOnceStoring: true) { nodes, _, receiver, before in
            #expect(try #require(before) < 20_002, "the sync had ended before the stop")
            #expect(receiver.waitUntilExit() == 0)
            #expect(receiver.remainingOutput().contains("Stopped; the replica is closed."))
            #expect(try nodes[1].run("check").status == 0)
            // The receiver said goodbye, and the source saw the session end without an error.
            let receiverLog = try String(contentsOfFile: ServeProcess.logPath(in: nodes[1].artel.data), encoding: .utf8)
            #expect(receiverLog.contains("reason=the node is shutting down"), "\(receiverLog.suffix(3000))")
            let ended = try await eventually {
                let peers = try nodes[0].json("peer", "list", "--all") as? [[String: Any]]
                return peers?.first?["state"] as? String == "disconnected" && peers?.first?["error"] as? String == nil
            }
            let peers = try nodes[0].expectSuccess("peer", "list", "--all")
            #expect(ended, "\(peers)")
        }
    }

    @Test(
        "A second signal stops at once a node whose graceful stop waits, and the replica stays sound",
        .timeLimit(.minutes(10))
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
            // Connections are accepted in order: once a later one is answered, the stalled one is in.
            #expect(try HTTPClient.request("GET", "\(receiver.api)/health").status == 200)
            kill(receiver.pid, SIGTERM)
            #expect(receiver.waitForOutput("Stopping gracefully"), "the node exited after the first signal")
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
        .timeLimit(.minutes(10))
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
                try await eventually { try restored.deltaCount() == nodes[0].deltaCount() },
                "had \(partial) from the backup"
            )
            #expect(try restored.run("check").status == 0)
            withExtendedLifetime(source) {}
        }
    }
}

/// Sends SIGTERM (or `signal`) to the node serving a data directory as soon as its replica holds
/// more than `floor` deltas, from a thread of its own: on a loaded machine the test's tasks can wait
/// seconds for a turn, long enough for a whole sync to end first.
final class StopOnceStoring: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var stored: Int?

    init(data: String, floor: Int, signal: Int32 = SIGTERM) throws {
        var configuration = Configuration()
        configuration.readonly = true
        let replica = try DatabaseQueue(path: "\(data)/artel.sqlite", configuration: configuration)
        Thread.detachNewThread { [self] in
            let deadline = Date().addingTimeInterval(120)
            while Date() < deadline {
                let count = (try? replica.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM deltas") }) ?? 0
                if count > floor,
                    let text = try? String(contentsOfFile: "\(data)/serve.pid", encoding: .utf8),
                    let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
                {
                    stored = count
                    kill(pid, signal)
                    break
                }
                usleep(2_000)
            }
            try? replica.close()
            done.signal()
        }
    }

    /// Waits until the signal is sent; returns how many deltas the replica held then, or `nil` when
    /// it never held more than the floor.
    func wait() -> Int? {
        done.wait()
        return stored
    }
}
