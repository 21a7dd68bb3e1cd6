import ArtelCore
import ArtelNode
import ArtelStore
import ArtelSync
import Testing

@Suite("Strangers cannot crowd out friends", .timeLimit(.minutes(5)))
struct SlotTests {
    @Test("A client holding 30 connections in their handshake leaves room for a new peer and a configured one")
    func floodLeavesRoom() async throws {
        let small: (Int, inout NodeConfiguration) -> Void = { _, configuration in configuration.maximumConnections = 8 }
        try await withNodes(2, configure: small) { nodes in
            let (flooded, friend) = (nodes[0], nodes[1])
            let hub = flooded.context.hub
            // One client, 127.0.0.2, opens 30 connections and never says a word: each would hold a
            // slot until the handshake timeout. The node keeps two of them and closes the rest at once.
            let gate = Gate()
            let flood = Task {
                await withTaskGroup(of: Bool.self) { group in
                    for _ in 0..<30 {
                        group.addTask {
                            (try? await TestPeer.connect(to: flooded.address, from: "127.0.0.2") { peer in
                                // Whether the node closed it before the test lets it go.
                                await withTaskGroup(of: Bool.self) { race in
                                    race.addTask { await peer.isClosedByNode() }
                                    race.addTask {
                                        await gate.wait()
                                        return false
                                    }
                                    let first = await race.next() ?? false
                                    race.cancelAll()
                                    return first
                                }
                            }) ?? true
                        }
                    }
                    return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
                }
            }
            #expect(try await eventually { await hub.inboundHandshakesInProgress == Hub.handshakesPerAddress })

            // During the flood, a peer the node has never seen completes a session…
            let hello = try await TestPeer.session(with: flooded) { peer in
                try await peer.receive { if case .hello = $0 { true } else { false } }
            }
            #expect(hello != nil, "a new peer was refused during the flood")
            // …and so does a configured peer that dials it.
            try await flooded.replica.addPeer(
                friend.key.publicKey,
                address: "\(friend.address)",
                now: nowMilliseconds()
            )
            try await friend.peer(with: flooded)
            #expect(try await eventually { await hub.connected.contains(friend.key.publicKey) })

            await gate.open()
            let closedAtOnce = await flood.value
            #expect(closedAtOnce >= 30 - Hub.handshakesPerAddress, "\(closedAtOnce) of 30 closed by the node")
        }
    }

    @Test("Strangers find no room in the slots kept for friends; a friend does")
    func roomForFriends() async throws {
        let hub = Hub(maximumConnections: 8, nodeKey: SigningKey.generate().publicKey)
        /// A peer from `address` that finishes its handshake and asks for a session.
        func arrive(from address: String, isFriend: Bool) async throws {
            let reservation = try #require(await hub.reserve(from: address))
            do {
                _ = try await hub.register(
                    SigningKey.generate().publicKey,
                    role: .responder,
                    reservation: reservation,
                    isFriend: isFriend,
                    now: 0
                ) { _ in }
            } catch {
                await hub.release(reservation)
                throw error
            }
        }
        for index in 0..<(8 - hub.roomForFriends) { try await arrive(from: "203.0.113.\(index)", isFriend: false) }
        await #expect(throws: Hub.Refusal.self) { try await arrive(from: "198.51.100.7", isFriend: false) }
        try await arrive(from: "198.51.100.8", isFriend: true)
        #expect(await hub.connectedPeers == 8 - hub.roomForFriends + 1)
    }
}

/// Holds tasks until it opens.
actor Gate {
    private var isOpen = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Returns once the gate is open.
    func wait() async {
        guard !isOpen else { return }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Opens the gate for every task that waits and every one to come.
    func open() {
        isOpen = true
        for task in waiting { task.resume() }
        waiting = []
    }
}
