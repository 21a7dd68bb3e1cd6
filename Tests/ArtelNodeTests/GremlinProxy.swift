import ArtelNode
import NIOCore
import NIOPosix

/// Runs `body` with a TCP proxy to `target` that delays every chunk a little and breaks each
/// connection after a random number of bytes in `breakAfter`: a link that misbehaves on purpose.
func withGremlinProxy<T: Sendable>(
    to target: PeerAddress,
    breakAfter: ClosedRange<Int>,
    _ body: (PeerAddress) async throws -> T
) async throws -> T {
    let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .bind(host: "127.0.0.1", port: 0) { channel in
            channel.eventLoop.makeCompletedFuture {
                try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
            }
        }
    let address = PeerAddress(host: "127.0.0.1", port: server.channel.localAddress?.port ?? 0)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
            try await withThrowingDiscardingTaskGroup { connections in
                try await server.executeThenClose { inbound in
                    for try await client in inbound {
                        connections.addTask { try? await relay(client, to: target, budget: Int.random(in: breakAfter)) }
                    }
                }
            }
        }
        let result = try await body(address)
        group.cancelAll()
        return result
    }
}

private func relay(_ client: NIOAsyncChannel<ByteBuffer, ByteBuffer>, to target: PeerAddress, budget: Int) async throws
{
    let upstream = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .connect(host: target.host, port: target.port) { channel in
            channel.eventLoop.makeCompletedFuture {
                try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
            }
        }
    try await client.executeThenClose { clientIn, clientOut in
        try await upstream.executeThenClose { upstreamIn, upstreamOut in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await pump(clientIn, upstreamOut, budget: budget / 2) }
                group.addTask { try await pump(upstreamIn, clientOut, budget: budget / 2) }
                try await group.next()
                group.cancelAll()
            }
        }
    }
}

/// Copies chunks with a small random delay until the budget is spent, then gives up (breaking the link).
private func pump(
    _ from: NIOAsyncChannelInboundStream<ByteBuffer>,
    _ to: NIOAsyncChannelOutboundWriter<ByteBuffer>,
    budget: Int
) async throws {
    var spent = 0
    for try await chunk in from {
        try await Task.sleep(for: .milliseconds(Int.random(in: 0...15)))
        try await to.write(chunk)
        spent += chunk.readableBytes
        if spent > budget { return }
    }
}
