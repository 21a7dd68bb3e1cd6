import ArtelCore
import ArtelNode
import ArtelStore
import ArtelSync
import ArtelTestKit
import Testing

@Suite("A node bounds what a peer can make it spend", .serialized, .timeLimit(.minutes(3)))
struct LimitTests {
    func goodbye(_ peer: TestPeer) async throws -> WireCode? {
        let message = try await peer.receive { if case .goodbye = $0 { true } else { false } }
        guard case .goodbye(let code, _) = message else { return nil }
        return code
    }

    @Test("A message announced over 1 MiB ends the session before it is buffered")
    func oversizedMessage() async throws {
        try await withNodes(1) { nodes in
            let code = try await TestPeer.session(with: nodes[0]) { peer in
                try await peer.sendPlaintext([0, 0x20, 0, 0, 0x21])
                return try await goodbye(peer)
            }
            #expect(code == .messageTooLarge)
        }
    }

    @Test("A want of more than 1000 ids ends the session")
    func tooManyIDs() async throws {
        try await withNodes(1) { nodes in
            let code = try await TestPeer.session(with: nodes[0]) { peer in
                try await peer.send(
                    .want((0..<1_001).map { DeltaID(Blake2b.hash256([UInt8(truncatingIfNeeded: $0)])) })
                )
                return try await goodbye(peer)
            }
            #expect(code == .tooManyIDs)
        }
    }

    @Test("A peer that keeps sending bad deltas is disconnected, kept away, and logged with its key")
    func refusals() async throws {
        try await withNodes(1) { nodes in
            let node = nodes[0]
            let factory = DeltaFactory(now: nowMilliseconds())
            let identity = SigningKey.generate()
            let code = try await TestPeer.session(with: node, identity: identity) { peer in
                for batch in 0..<3 {
                    let deltas = (0..<50).map { number -> [UInt8] in
                        var bytes = factory.job(UInt64(batch * 50 + number)).bytes
                        bytes[bytes.count - 1] ^= 1
                        return bytes
                    }
                    guard await peer.sendWhileOpen(.deltas(deltas)) else { break }
                }
                return try await goodbye(peer)
            }
            #expect(code == .tooManyRefusals)
            #expect(try await node.keptIDs().isEmpty)
            #expect(node.logged(String(identity.publicKey.hex.prefix(16))))
            let again = try await TestPeer.session(with: node, identity: identity) { peer in try await goodbye(peer) }
            #expect(again == .tooManyRefusals)
        }
    }

    @Test("A silent peer is pinged, then dropped; a silent connection is dropped after the handshake timeout")
    func timeouts() async throws {
        // Node 0 pings after 0.5 s and drops after 30 s of silence: the idle timeout stays far above
        // the 1 s tick, so that the ping comes first even on a loaded machine; its handshake timeout
        // is long, so that the test peer's handshake is not cut off. Node 1 drops a silent connection
        // after 1 s.
        let impatient: (Int, inout NodeConfiguration) -> Void = { index, configuration in
            if index == 0 {
                configuration.limits.pingInterval = 500
                configuration.limits.idleTimeout = 30_000
                configuration.handshakeTimeout = 120_000
            } else {
                configuration.handshakeTimeout = 1_000
            }
        }
        try await withNodes(2, configure: impatient) { nodes in
            let messages = try await TestPeer.session(with: nodes[0]) { peer in
                var seen: [Message] = []
                while let message = try await peer.receive() { seen.append(message) }
                return seen
            }
            #expect(messages.contains { if case .ping = $0 { true } else { false } })
            #expect(messages.contains(where: { if case .goodbye(.idleTimeout, _) = $0 { true } else { false } }))
            let closed = try await TestPeer.connect(to: nodes[1].address) { peer in await peer.isClosedByNode() }
            #expect(closed)
        }
    }

    @Test("Connections beyond the limit are closed at once; the others keep working")
    func connectionCount() async throws {
        let small: (Int, inout NodeConfiguration) -> Void = { _, configuration in configuration.maximumConnections = 2 }
        try await withNodes(1, configure: small) { nodes in
            let node = nodes[0]
            try await TestPeer.session(with: node) { first in
                try await TestPeer.session(with: node) { second in
                    let refused = try await TestPeer.connect(to: node.address) { peer in await peer.isClosedByNode() }
                    #expect(refused)
                    // The node registers a session after its side of the handshake, which the peer may finish first.
                    #expect(try await eventually { await node.context.hub.connected.count == 2 })
                    try await second.send(.ping(7))
                    #expect(try await second.receive { if case .pong(7) = $0 { true } else { false } } != nil)
                }
                try await first.send(.ping(8))
                #expect(try await first.receive { if case .pong(8) = $0 { true } else { false } } != nil)
            }
        }
    }

    @Test("A peer that asks without reading is cut off before the node's queue grows without bound")
    func asksWithoutReading() async throws {
        try await withNodes(1) { nodes in
            let node = nodes[0]
            let factory = DeltaFactory(now: nowMilliseconds())
            let large = (0..<2_000).map { factory.job(UInt64($0), title: String(repeating: "я", count: 190)).bytes }
            _ = try await node.replica.apply(large, now: nowMilliseconds(), source: "test")
            let ids = try await node.keptIDs().sorted()
            let code = try await TestPeer.session(with: node) { peer in
                for _ in 0..<200 {
                    guard await peer.sendWhileOpen(.want(Array(ids.prefix(1_000)))) else { break }
                }
                return try await goodbye(peer)
            }
            #expect(code == .tooMuchInFlight)
        }
    }
}
