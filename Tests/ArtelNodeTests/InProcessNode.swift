import ArtelCore
import ArtelNode
import ArtelStore
import ArtelSync
import ArtelTestKit
import Foundation
import InMemoryLogging
import Logging
import ServiceLifecycle

/// A node running in the test process on a loopback port: a real replica, real TCP, its logs in memory.
final class InProcessNode: Sendable {
    let replica: Replica
    let key: SigningKey
    let logs: InMemoryLogHandler
    let context: NodeContext
    let address: PeerAddress
    private let group: ServiceGroup
    private let running: Task<Void, any Error>

    private init(
        replica: Replica,
        key: SigningKey,
        logs: InMemoryLogHandler,
        context: NodeContext,
        address: PeerAddress,
        group: ServiceGroup,
        running: Task<Void, any Error>
    ) {
        self.replica = replica
        self.key = key
        self.logs = logs
        self.context = context
        self.address = address
        self.group = group
        self.running = running
    }

    /// Starts a node with a replica in `directory`.
    static func start(
        in directory: String,
        name: String = "node",
        follows: FollowSet = .everything,
        configure: (inout NodeConfiguration) -> Void = { _ in }
    ) async throws -> InProcessNode {
        let replica = try Replica.create(at: "\(directory)/\(name).sqlite")
        for entry in follows.entries { try await replica.follow(entry.community, kinds: entry.kinds) }
        let key = SigningKey.generate()
        var configuration = NodeConfiguration(name: name, key: key, listen: PeerAddress(host: "127.0.0.1", port: 0))
        configuration.redialDelay = 100...1_000
        // A loaded machine may take seconds to finish a handshake; tests of the limit set their own.
        configuration.handshakeTimeout = 120_000
        configure(&configuration)
        let logs = InMemoryLogHandler()
        var logger = Logger(label: name) { _ in logs }
        logger.logLevel = .debug
        let context = NodeContext(
            configuration: configuration,
            replica: replica,
            hub: Hub(maximumConnections: configuration.maximumConnections, nodeKey: key.publicKey),
            logger: logger
        )
        let (bound, boundInput) = AsyncStream.makeStream(of: PeerAddress.self)
        let services: [any Service] = [
            Listener(context: context, address: configuration.listen!) { boundInput.yield($0) },
            Dialer(context: context), LocalChanges(context: context),
        ]
        let group = ServiceGroup(configuration: .init(services: services, logger: logger))
        let running = Task { try await group.run() }
        var iterator = bound.makeAsyncIterator()
        guard let address = await iterator.next() else { throw CancellationError() }
        return InProcessNode(
            replica: replica,
            key: key,
            logs: logs,
            context: context,
            address: address,
            group: group,
            running: running
        )
    }

    /// Stops the node gracefully and closes its replica.
    func stop() async throws {
        await group.triggerGracefulShutdown()
        try await running.value
        try replica.close()
    }

    /// Dials another node.
    func peer(with other: InProcessNode) async throws {
        try await replica.addPeer(other.key.publicKey, address: "\(other.address)", now: nowMilliseconds())
    }

    /// Whether a log message containing `text` was written.
    func logged(_ text: String) -> Bool {
        logs.entries.contains {
            "\($0.message)".contains(text) || $0.metadata.values.contains { "\($0)".contains(text) }
        }
    }

    /// The metadata of every log message that is exactly `message`, oldest first, as text.
    func entries(_ message: String) -> [[String: String]] {
        logs.entries.filter { "\($0.message)" == message }.map { entry in entry.metadata.mapValues { "\($0)" } }
    }

    /// The kept delta ids of the whole replica.
    func keptIDs() async throws -> Set<DeltaID> {
        var ids: Set<DeltaID> = []
        for scope in try await replica.scopes() {
            ids.formUnion(try await replica.reconciliationItems(in: scope).map(\.id))
        }
        return ids
    }
}

/// The wall clock in Unix milliseconds.
func nowMilliseconds() -> UInt64 {
    UInt64(Date().timeIntervalSince1970 * 1000)
}

/// Waits until a condition holds, checking every 50 ms, at most `seconds`: a bound only to end a
/// hung test, generous because the nodes share two cores with the whole suite.
func eventually(_ seconds: Double = 120, _ condition: () async throws -> Bool) async throws -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(50))
    }
    return try await condition()
}

/// Runs `body` with nodes started in a temporary directory, and stops them afterwards.
func withNodes<T>(
    _ count: Int,
    follows: FollowSet = .everything,
    configure: @escaping (Int, inout NodeConfiguration) -> Void = { _, _ in },
    _ body: ([InProcessNode]) async throws -> T
) async throws -> T {
    try await TestFiles.withTemporaryDirectory { directory in
        var nodes: [InProcessNode] = []
        for index in 0..<count {
            nodes.append(
                try await InProcessNode.start(in: directory, name: "node\(index)", follows: follows) {
                    configure(index, &$0)
                }
            )
        }
        do {
            let result = try await body(nodes)
            for node in nodes { try await node.stop() }
            return result
        } catch {
            for node in nodes { try? await node.stop() }
            throw error
        }
    }
}
