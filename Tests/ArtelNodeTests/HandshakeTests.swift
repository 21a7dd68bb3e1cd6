import ArtelCore
import ArtelNode
import ArtelStore
import ArtelSync
import ArtelTestKit
import Testing

@Suite("A node refuses bad handshakes and keeps serving", .serialized, .timeLimit(.minutes(3)))
struct HandshakeTests {
    /// After each refused attempt, a proper peer still gets a session.
    func stillServes(_ node: InProcessNode) async throws {
        let answered = try await TestPeer.session(with: node) { peer in
            try await peer.receive { if case .hello = $0 { true } else { false } }
        }
        #expect(answered != nil)
    }

    @Test("A peer with another network key is closed before the node says anything more")
    func wrongNetworkKey() async throws {
        try await withNodes(1) { nodes in
            let other = NetworkKey(Blake2b.hash256([1]))
            let closed = try await TestPeer.connect(to: nodes[0].address) { peer in
                var client = HandshakeClient(networkKey: other, identity: peer.identity, server: nodes[0].key.publicKey)
                try await peer.write(client.hello())
                return await peer.isClosedByNode()
            }
            #expect(closed)
            #expect(try await eventually { nodes[0].logged("wrongNetworkKey") || nodes[0].logged("network key") })
            try await stillServes(nodes[0])
        }
    }

    @Test("A client that expects another server key cannot authenticate")
    func wrongServerKey() async throws {
        try await withNodes(1) { nodes in
            let failed = try await TestPeer.connect(to: nodes[0].address) { peer in
                do {
                    try await peer.handshake(networkKey: .publicFederation, server: SigningKey.generate().publicKey)
                    return false
                } catch {
                    return true
                }
            }
            #expect(failed)
            try await stillServes(nodes[0])
        }
    }

    @Test(
        "Truncated, garbled and replayed handshake messages end the connection",
        arguments: ["truncated", "garbled", "replayed"]
    )
    func badMessages(kind: String) async throws {
        try await withNodes(1) { nodes in
            let node = nodes[0]
            var recorded: [UInt8] = []
            if kind == "replayed" {
                recorded = try await TestPeer.connect(to: node.address) { peer in
                    var client = HandshakeClient(
                        networkKey: .publicFederation,
                        identity: peer.identity,
                        server: node.key.publicKey
                    )
                    let hello = client.hello()
                    try await peer.write(hello)
                    let authenticate = try client.onServerHello(try await peer.read(64))
                    try await peer.write(authenticate)
                    _ = try await peer.read(80)
                    return hello + authenticate
                }
            }
            let closed = try await TestPeer.connect(to: node.address) { peer in
                switch kind {
                case "truncated": try await peer.write([UInt8](repeating: 1, count: 30))
                case "garbled": try await peer.write((0..<64).map { UInt8(truncatingIfNeeded: $0 &* 37) })
                default:
                    try await peer.write(Array(recorded.prefix(64)))
                    _ = try await peer.read(64)
                    try await peer.write(Array(recorded.dropFirst(64)))
                }
                return await peer.isClosedByNode()
            }
            #expect(closed)
            try await stillServes(node)
        }
    }
}

@Suite("A node with an allow-list", .timeLimit(.minutes(3)))
struct AllowListTests {
    @Test(
        "Admits the nodes on its allow-list and says goodbye, not_allowed, to every other, without running out of room"
    )
    func allowList() async throws {
        let friend = SigningKey.generate()
        let onlyFriend: (Int, inout NodeConfiguration) -> Void = { _, configuration in
            configuration.allowList = [friend.publicKey]
            configuration.maximumConnections = 2
        }
        try await withNodes(1, configure: onlyFriend) { nodes in
            // More strangers than the node has room for, one after another: each refusal gives its room back.
            for _ in 0..<5 {
                let stranger = try await TestPeer.session(with: nodes[0]) { peer in
                    try await peer.receive { if case .goodbye = $0 { true } else { false } }
                }
                guard case .goodbye(let code, _) = stranger else {
                    Issue.record("a stranger was not told goodbye: \(String(describing: stranger))")
                    return
                }
                #expect(code == .notAllowed)
            }
            let welcomed = try await TestPeer.session(with: nodes[0], identity: friend) { peer in
                try await peer.receive { if case .hello = $0 { true } else { false } }
            }
            #expect(welcomed != nil)
        }
    }
}
