import ArtelCore
import ArtelNode
import ArtelSync
import ArtelTestKit
import Foundation
import Testing

@Suite("An artel serve process under a flood of hostile peers", .serialized, .timeLimit(.minutes(10)))
struct FloodTests {
    /// What one hostile connection does.
    enum Attack: CaseIterable {
        /// Asks for the same thousand deltas again and again without reading the answers.
        case wantsWithoutReading
        /// Announces a message of 2 MiB after the handshake.
        case oversizedMessage
        /// Sends random bytes instead of a handshake.
        case garbage
        /// Pings over and over without reading the pongs.
        case pings
        /// Opens the same reconciliation again and again, each open costing the node a scan.
        case reconcileOpens
    }

    /// How many hostile connections run at once, the attacks taking turns.
    static let attackers = 15

    @Test("One client reopening 400 failing connections leaves a handful of log lines and one summary")
    func floodLogIsBounded() async throws {
        try await TestFiles.withTemporaryDirectory { directory in
            let artel = ArtelProcess(data: "\(directory)/node")
            #expect(try artel.run("init", "--name", "flooded").status == 0)
            let server = try ServeProcess(artel)
            defer { server.stop() }
            let address = PeerAddress(host: "127.0.0.1", port: server.port)
            let attempts = 400
            let started = ContinuousClock.now
            for _ in 0..<attempts {
                try await TestPeer.connect(to: address) { peer in
                    try await peer.write([UInt8](repeating: 0x42, count: 64))
                    await peer.waitUntilClosed()
                }
            }
            // Each source's window runs a minute from its first event: a flood that a loaded machine
            // stretches past a minute is allowed five more lines per event and minute.
            let windows = Int(((ContinuousClock.now - started) / .seconds(60)).rounded(.up))
            #expect(server.stop() == 0)
            let log = try String(contentsOfFile: ServeProcess.logPath(in: artel.data), encoding: .utf8)
            let lines = log.split(separator: "\n").filter { $0.contains("127.0.0.1") }
            let logged = lines.filter { $0.contains("] a connection failed") || $0.contains("] refused a connection") }
            let summarized = lines.compactMap { line -> Int? in
                guard let range = line.range(of: " more: ") else { return nil }
                return Int(line[..<range.lowerBound].split(separator: " ").last ?? "")
            }
            // Five lines per event and address a minute (LogThrottle), for the two events a refused
            // or failed connection can log.
            #expect(
                logged.count <= 10 * max(1, windows),
                "\(logged.count) lines in \(windows) windows:\n\(logged.prefix(20).joined(separator: "\n"))"
            )
            #expect(
                logged.count + summarized.reduce(0, +) == attempts,
                "\(logged.count) logged, \(summarized) summarized"
            )
        }
    }

    @Test("Peers flooding it with wants, huge messages and garbage leave its memory bounded and its service intact")
    func flood() async throws {
        try await TestFiles.withTemporaryDirectory { directory in
            let artel = ArtelProcess(data: "\(directory)/node")
            #expect(try artel.run("init", "--name", "flooded").status == 0)
            #expect(try artel.run("follow", "--every-community").status == 0)
            let factory = DeltaFactory(now: nowMilliseconds() - 60_000)
            let jobs = (0..<2_000).map {
                factory.job(UInt64($0), title: String(repeating: "я", count: 190), offset: UInt64($0))
            }
            let file = "\(directory)/jobs.deltas"
            try Data(DeltaStream.encode(jobs)).write(to: URL(fileURLWithPath: file))
            #expect(try artel.run("apply", "--quiet", file).status == 0)
            let status = try JSONSerialization.jsonObject(with: Data(try artel.run("status", "--json").output.utf8))
            let hex = try #require((status as? [String: Any])?["node_key"] as? String)
            let key = try #require(PublicKey(hex: hex))

            // Stopped when the test ends, pass or fail; if the test process dies, ChildProcesses kills it.
            let server = try ServeProcess(artel, arguments: ["--max-connections", "32"])
            defer { server.stop() }
            let address = PeerAddress(host: "127.0.0.1", port: server.port)
            let wanted = Array(jobs.prefix(1_000).map(\.id))
            let before = server.memory.current
            await withTaskGroup(of: Void.self) { group in
                for index in 0..<Self.attackers {
                    let attack = Attack.allCases[index % Attack.allCases.count]
                    group.addTask { try? await Self.attack(attack, at: address, server: key, wanted: wanted) }
                }
            }
            // Unbounded, the wants alone would queue about 140 MB of answers per connection; bounded,
            // a connection queues at most twice `Limits.maximumQueuedBytes` (4 MiB) before it is cut off.
            let growth = server.memory.peak - before
            #expect(growth < Self.attackers * (4 << 20), "the node grew by \(growth >> 20) MiB")

            // A new peer gets a pong. On a loaded machine the node may cut a handshake off at its
            // timeout (10 s, not configurable in artel serve): a connection it closes is tried again.
            var pong: Message?
            var failures: [String] = []
            for _ in 0..<5 where pong == nil {
                do {
                    pong = try await TestPeer.session(at: address, server: key) { peer in
                        try await peer.send(.ping(42))
                        return try await peer.receive { if case .pong(42) = $0 { true } else { false } }
                    }
                    if pong == nil { failures.append("closed without a pong") }
                } catch {
                    failures.append("\(error)")
                }
            }
            let log = (try? String(contentsOfFile: ServeProcess.logPath(in: artel.data), encoding: .utf8)) ?? ""
            #expect(pong != nil, "the node stopped serving after the flood: \(failures)\n\(log.suffix(4000))")
            #expect(server.stop() == 0)
            #expect(try artel.run("check").status == 0)
        }
    }

    /// Runs one attack until the node closes the connection.
    static func attack(_ attack: Attack, at address: PeerAddress, server: PublicKey, wanted: [DeltaID]) async throws {
        switch attack {
        case .wantsWithoutReading:
            try await TestPeer.session(at: address, server: server) { peer in
                for _ in 0..<200 where await peer.sendWhileOpen(.want(wanted)) {}
                await peer.waitUntilClosed()
            }
        case .oversizedMessage:
            try await TestPeer.session(at: address, server: server) { peer in
                try await peer.sendPlaintext([0, 0x20, 0, 0, 0x21])
                await peer.waitUntilClosed()
            }
        case .pings:
            try await TestPeer.session(at: address, server: server) { peer in
                // The kernel buffers absorb many pongs: the node may never see its queue full, and
                // then ends the session only after the idle timeout, so the attacker leaves instead.
                for nonce in 0..<30_000 where await peer.sendWhileOpen(.ping(UInt64(nonce))) {}
            }
        case .reconcileOpens:
            try await TestPeer.session(at: address, server: server) { peer in
                let everything: [UInt8] = [0x61, 0x00, 0x00, 0x02, 0x00]
                for _ in 0..<1_000 where await peer.sendWhileOpen(.reconcileOpen(.data, payload: everything)) {}
                await peer.waitUntilClosed()
            }
        case .garbage:
            try await TestPeer.connect(to: address) { peer in
                try await peer.write((0..<100_000).map { _ in UInt8.random(in: 0...255) })
                await peer.waitUntilClosed()
            }
        }
    }
}
