import ArtelCore
import ArtelTestKit
import Foundation
import GRDB
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("artel serve processes federate", .serialized, .timeLimit(.minutes(10)))
struct FederationTests {
    func post(_ node: TestNode, _ titles: [String]) throws {
        for title in titles { try node.expectSuccess("job", "post", "--community", "own", "--title", title) }
    }

    func converged(_ nodes: [TestNode]) throws -> Bool {
        let first = try nodes[0].exported()
        return try nodes.dropFirst().allSatisfy { try $0.exported() == first }
    }

    @Test("Five nodes in a ring, posting on different nodes, converge on the same deltas and records")
    func ring() async throws {
        try await withNetwork(5) { nodes in
            for (index, node) in nodes.enumerated() { try post(node, ["Вакансия \(index)-1", "Вакансия \(index)-2"]) }
            let servers = try nodes.map { try ServeProcess($0.artel) }
            for (index, node) in nodes.enumerated() {
                let next = servers[(index + 1) % nodes.count]
                try node.expectSuccess("peer", "add", next.address, try nodes[(index + 1) % nodes.count].nodeKey())
            }
            #expect(try await eventually { try converged(nodes) })
            try post(nodes[2], ["Живая вакансия"])
            #expect(
                try await eventually {
                    try nodes.allSatisfy { try $0.expectSuccess("list", "jobs").contains("Живая вакансия") }
                }
            )
            for node in nodes {
                #expect(try node.json("list", "jobs") as? [Any] != nil && (try node.deltaCount()) == 16)
            }
            for server in servers { #expect(server.stop() == 0) }
            for node in nodes { #expect(try node.run("check").status == 0) }
        }
    }

    @Test("A partition heals: a node that was away catches up, and what it posted meanwhile spreads")
    func partition() async throws {
        try await withNetwork(3) { nodes in
            var servers = try nodes.map { try ServeProcess($0.artel) }
            try nodes[1].expectSuccess("peer", "add", servers[0].address, try nodes[0].nodeKey())
            try nodes[2].expectSuccess("peer", "add", servers[1].address, try nodes[1].nodeKey())
            #expect(try await eventually { try converged(nodes) })
            #expect(servers[1].stop() == 0)
            try post(nodes[0], ["Пока узел 1 в отъезде"])
            try post(nodes[1], ["Написано офлайн"])
            try post(nodes[2], ["Тоже без узла 1"])
            #expect(try nodes[0].deltaCount() == 4)
            servers[1] = try ServeProcess(nodes[1].artel, port: servers[1].port)
            #expect(try await eventually { try converged(nodes) }, "\(serveLogs(nodes))")
            #expect(try nodes[0].expectSuccess("list", "jobs").contains("Написано офлайн"))
            for server in servers { _ = server.stop() }
        }
    }

    @Test("A node killed in the middle of a large sync and restarted converges, and its replica is sound")
    func killedDuringSync() async throws {
        try await withNetwork(2) { nodes in
            let factory = DeltaFactory(
                key: TestKeys.association,
                now: UInt64(Date().timeIntervalSince1970 * 1000) - 60_000
            )
            let file = "\(nodes[0].directory)/bulk.deltas"
            try Data(DeltaStream.encode((0..<20_000).map { factory.job(UInt64($0), offset: UInt64($0)) })).write(
                to: URL(fileURLWithPath: file)
            )
            try nodes[0].expectSuccess("apply", "--quiet", file)
            let source = try ServeProcess(nodes[0].artel)
            try nodes[1].expectSuccess("peer", "add", source.address, try nodes[0].nodeKey())
            // Killed from a thread of its own as soon as it holds more than its own community.
            let killer = try StopOnceStoring(data: nodes[1].artel.data, floor: 1, signal: SIGKILL)
            var receiver = try ServeProcess(nodes[1].artel)
            #expect(killer.wait() != nil, "the receiver never stored a delta of the source")
            receiver.crash()
            let partial = try nodes[1].deltaCount()
            #expect(partial < 20_002, "the kill came after the sync had finished")
            #expect(try nodes[1].run("check").status == 0)
            receiver = try ServeProcess(nodes[1].artel)
            #expect(try await eventually { try converged(nodes) }, "had \(partial) before the crash")
            #expect(receiver.stop() == 0)
            #expect(source.stop() == 0)
            #expect(try nodes[1].run("check").status == 0)
        }
    }

    @Test("A node that joins late catches up with a running federation")
    func lateJoiner() async throws {
        try await withNetwork(3) { nodes in
            let first = try ServeProcess(nodes[0].artel)
            let second = try ServeProcess(nodes[1].artel)
            try nodes[1].expectSuccess("peer", "add", first.address, try nodes[0].nodeKey())
            try post(nodes[0], (0..<20).map { "Вакансия \($0)" })
            #expect(try await eventually { try converged(Array(nodes.prefix(2))) })
            try nodes[2].expectSuccess("peer", "add", second.address, try nodes[1].nodeKey())
            let late = try ServeProcess(nodes[2].artel)
            #expect(try await eventually { try converged(nodes) })
            for server in [first, second, late] { _ = server.stop() }
        }
    }

    @Test("A node serving a forged delta has it refused; it is neither stored nor relayed, and the rest syncs")
    func forgedDelta() async throws {
        try await withNetwork(3) { nodes in
            try post(nodes[0], ["Честная вакансия", "Ещё одна"])
            // Tamper with one stored delta behind the node's back: flip a bit of its signature.
            let database = try DatabaseQueue(path: "\(nodes[0].artel.data)/artel.sqlite")
            try await database.write { db in
                let row = try #require(
                    try Row.fetchOne(db, sql: "SELECT rowid, bytes FROM deltas ORDER BY rowid DESC LIMIT 1")
                )
                var bytes: Data = row["bytes"]
                bytes[bytes.index(before: bytes.endIndex)] ^= 0x01
                try db.execute(
                    sql: "UPDATE deltas SET bytes = ? WHERE rowid = ?",
                    arguments: [bytes, row["rowid"] as Int64]
                )
            }
            try database.close()
            let servers = try nodes.map { try ServeProcess($0.artel) }
            try nodes[1].expectSuccess("peer", "add", servers[0].address, try nodes[0].nodeKey())
            try nodes[2].expectSuccess("peer", "add", servers[1].address, try nodes[1].nodeKey())
            // Node 0 holds 3 deltas (its community and two jobs), one of them forged.
            #expect(try await eventually { try nodes[2].deltaCount() == 4 && (try nodes[1].deltaCount()) == 4 })
            let refusals = try #require(try nodes[1].json("refusals") as? [[String: Any]])
            #expect(refusals.contains { $0["reason"] as? String == "bad_signature" })
            #expect((try nodes[2].json("refusals") as? [Any])?.isEmpty == true)
            for server in servers { _ = server.stop() }
        }
    }
}

@Suite("artel sync now", .timeLimit(.minutes(10)))
struct SyncNowTests {
    @Test("Makes a live session reconcile again at once, long before its five-minute round")
    func reconcilesAtOnce() async throws {
        try await withNetwork(2) { nodes in
            let source = try ServeProcess(nodes[0].artel)
            try nodes[1].expectSuccess("peer", "add", source.address, try nodes[0].nodeKey())
            let dialer = try ServeProcess(nodes[1].artel)
            let log = ServeProcess.logPath(in: nodes[1].artel.data)
            func reconciliations() throws -> Int {
                try String(contentsOfFile: log, encoding: .utf8).components(separatedBy: "] reconciled").count - 1
            }
            // `sync now` waits for a session that has caught up.
            #expect(try await eventually { try String(contentsOfFile: log, encoding: .utf8).contains("] caught up") })
            #expect(try reconciliations() == 2, "control and data planes at the start")
            let asked = try nodes[1].expectSuccess("sync", "now")
            #expect(asked.contains("reconcile"))
            #expect(try await eventually { try reconciliations() == 4 }, "\(serveLogs([nodes[1]]))")
            #expect(dialer.stop() == 0 && source.stop() == 0)
        }
    }

    @Test("Says so when no node serves from the data directory, and exits 1")
    func nothingServing() async throws {
        try await withNetwork(1) { nodes in
            let result = try nodes[0].run("sync", "now")
            #expect(result.status == 1)
            #expect(result.error.contains("no node is serving"))
        }
    }
}
