import ArtelCore
import ArtelStore
import ArtelSync
import Logging
import NIOCore
import NIOPosix
public import ServiceLifecycle

/// Accepts peers on the listen address, one task per connection; stops accepting on graceful
/// shutdown while the open sessions say goodbye.
public struct Listener: Service {
    let context: NodeContext
    let address: PeerAddress
    let bound: @Sendable (PeerAddress) -> Void

    /// A listener; `bound` is told the address actually bound (useful with port 0).
    public init(context: NodeContext, address: PeerAddress, bound: @escaping @Sendable (PeerAddress) -> Void = { _ in })
    {
        self.context = context
        self.address = address
        self.bound = bound
    }

    public func run() async throws {
        let accepted = AcceptedConnections()
        defer { accepted.closeLeftovers() }
        try await acceptPeers(holding: accepted)
    }

    private func acceptPeers(holding accepted: AcceptedConnections) async throws {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .bind(host: address.host, port: address.port) { channel in
                NIOAsyncChannel.peer(channel).map { connection in
                    accepted.hold(connection)
                    return connection
                }
            }
        let local = PeerAddress(host: address.host, port: server.channel.localAddress?.port ?? address.port)
        try await context.replica.setListenAddress("\(local)")
        bound(local)
        context.logger.info("listening for peers", metadata: ["listen.address": "\(local)"])
        try await withThrowingDiscardingTaskGroup { group in
            try await server.executeThenClose { connections in
                for try await connection in connections.cancelOnGracefulShutdown() {
                    accepted.release(connection)
                    // One client dialing from many ports is one source: limits and logs go by host.
                    let host = connection.channel.remoteAddress?.ipAddress ?? "unknown"
                    let remote = "\(host):\(connection.channel.remoteAddress?.port ?? 0)"
                    guard let reservation = await context.hub.reserve(from: host) else {
                        context.throttledLog.info("refused a connection: no room for another handshake", address: host)
                        try? await connection.executeThenClose { _, _ in }
                        continue
                    }
                    group.addTask {
                        let outcome = await PeerConnection(
                            context: context,
                            role: .responder,
                            server: nil,
                            address: remote,
                            reservation: reservation
                        )
                        .run(connection)
                        await context.hub.release(reservation)
                        if case .failed(let reason) = outcome {
                            context.throttledLog.info(
                                "a connection failed",
                                address: host,
                                metadata: [
                                    "reason": "\(reason)",
                                    "peer.port": "\(connection.channel.remoteAddress?.port ?? 0)",
                                ]
                            )
                        }
                    }
                }
            }
        }
    }
}
