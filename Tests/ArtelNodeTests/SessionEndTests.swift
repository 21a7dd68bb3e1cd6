import ArtelCore
import ArtelNode
import ArtelSync
import ArtelTestKit
import Testing

/// Every session end carries both goodbyes, the message and box-stream's, whatever the peer does
/// with its side of TCP (wire.md §5.8).
@Suite("Sessions end with both goodbyes", .timeLimit(.minutes(3)))
struct SessionEndTests {
    /// Reads until the node closes; the goodbye message it sent, if any.
    func nodeGoodbye(_ peer: TestPeer) async throws -> WireCode? {
        var code: WireCode?
        while let message = try await peer.receive() {
            if case .goodbye(let said, _) = message { code = said }
        }
        return code
    }

    @Test("A peer that says goodbye gets the node's goodbyes, whether it half-closes or not", arguments: [true, false])
    func peerSaysGoodbye(halfCloses: Bool) async throws {
        try await withNodes(1) { nodes in
            let (code, boxStreamGoodbye) = try await TestPeer.session(with: nodes[0]) { peer in
                _ = try await peer.receive { if case .hello = $0 { true } else { false } }
                try await peer.send(.goodbye(.normal, "done"))
                try await peer.sayBoxStreamGoodbye()
                if halfCloses { peer.finishWriting() }
                return (try await nodeGoodbye(peer), peer.nodeSaidBoxStreamGoodbye)
            }
            #expect(code == .normal)
            #expect(boxStreamGoodbye)
        }
    }

    @Test("A node stopped while peers connect stops, whatever connections it had just accepted")
    func stopWhilePeersConnect() async throws {
        try await TestFiles.withTemporaryDirectory { directory in
            let node = try await InProcessNode.start(in: directory)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<40 {
                    // Each peer connects and goes; one the node no longer accepts is refused.
                    group.addTask { _ = try? await TestPeer.connect(to: node.address) { _ in } }
                }
                // A connection accepted but not yet taken up when the node stopped trapped in NIO,
                // which ended the whole process (apple/swift-nio#3481).
                try await node.stop()
                try await group.waitForAll()
            }
        }
    }

    @Test("A peer that goes silent is told why and gets box-stream's goodbye")
    func silentPeer() async throws {
        let impatient: (Int, inout NodeConfiguration) -> Void = { _, configuration in
            configuration.limits.pingInterval = 200
            configuration.limits.idleTimeout = 1_500
            configuration.handshakeTimeout = 120_000
        }
        try await withNodes(1, configure: impatient) { nodes in
            let (code, boxStreamGoodbye) = try await TestPeer.session(with: nodes[0]) { peer in
                (try await nodeGoodbye(peer), peer.nodeSaidBoxStreamGoodbye)
            }
            #expect(code == .idleTimeout)
            #expect(boxStreamGoodbye)
        }
    }
}
