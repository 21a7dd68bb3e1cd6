import ArtelCore
import ArtelNode
import ArtelSync
import NIOCore
import NIOPosix

/// A peer under the test's control: it speaks the wire protocol message by message, or sends
/// whatever bytes a test wants, to see how a node copes.
final class TestPeer: @unchecked Sendable {
    private var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var buffered: [UInt8] = []
    private var encryptor: BoxStreamEncryptor?
    private var decryptor: BoxStreamDecryptor?
    private var reader = MessageReader(maximumSize: 4 << 20)
    private var pending: [Message] = []
    let identity: SigningKey

    private init(
        inbound: NIOAsyncChannelInboundStream<ByteBuffer>,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        identity: SigningKey
    ) {
        self.inbound = inbound.makeAsyncIterator()
        self.outbound = outbound
        self.identity = identity
    }

    /// Opens a TCP connection to a node, without a handshake, and runs `body` with it; the
    /// connection closes when `body` returns.
    static func connect<T: Sendable>(
        to address: PeerAddress,
        from source: String? = nil,
        identity: SigningKey = .generate(),
        _ body: (TestPeer) async throws -> T
    ) async throws -> T {
        var bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        if let source { bootstrap = bootstrap.bind(to: try SocketAddress(ipAddress: source, port: 0)) }
        let channel =
            try await bootstrap
            .connect(host: address.host, port: address.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.syncOptions?.setOption(ChannelOptions.allowRemoteHalfClosure, value: true)
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(
                        wrappingChannelSynchronously: channel,
                        configuration: .init(isOutboundHalfClosureEnabled: true)
                    )
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            try await body(TestPeer(inbound: inbound, outbound: outbound, identity: identity))
        }
    }

    /// Connects to a node in this process, completes the handshake and says hello, then runs `body`.
    static func session<T: Sendable>(
        with node: InProcessNode,
        networkKey: NetworkKey = .publicFederation,
        follows: FollowSet = .everything,
        identity: SigningKey = .generate(),
        _ body: (TestPeer) async throws -> T
    ) async throws -> T {
        try await session(
            at: node.address,
            server: node.key.publicKey,
            networkKey: networkKey,
            follows: follows,
            identity: identity,
            body
        )
    }

    /// Connects to the node at `address` whose key is `server`, completes the handshake and says
    /// hello, then runs `body`.
    static func session<T: Sendable>(
        at address: PeerAddress,
        server: PublicKey,
        networkKey: NetworkKey = .publicFederation,
        follows: FollowSet = .everything,
        identity: SigningKey = .generate(),
        _ body: (TestPeer) async throws -> T
    ) async throws -> T {
        try await connect(to: address, identity: identity) { peer in
            try await peer.handshake(networkKey: networkKey, server: server)
            // A node that refuses the peer may close before the hello is sent; its goodbye is still read.
            _ = await peer.sendWhileOpen(.hello(Hello(nodeName: "test-peer", software: "test", follows: follows)))
            return try await body(peer)
        }
    }

    /// Runs the client side of the Secret Handshake.
    func handshake(networkKey: NetworkKey, server: PublicKey) async throws {
        var client = HandshakeClient(networkKey: networkKey, identity: identity, server: server)
        try await write(client.hello())
        try await write(try client.onServerHello(try await read(64)))
        let keys = try client.onServerAccept(try await read(80))
        encryptor = BoxStreamEncryptor(key: keys.encryptKey, nonce: keys.encryptNonce)
        decryptor = BoxStreamDecryptor(key: keys.decryptKey, nonce: keys.decryptNonce)
    }

    /// Sends a message through box-stream.
    func send(_ message: Message) async throws {
        try await sendPlaintext(message.encoded)
    }

    /// Sends a message unless the node has closed the connection; whether it was sent. What the
    /// node said before closing can still be received.
    func sendWhileOpen(_ message: Message) async -> Bool {
        do {
            try await send(message)
            return true
        } catch {
            return false
        }
    }

    /// Sends any plaintext through box-stream.
    func sendPlaintext(_ bytes: [UInt8]) async throws {
        try await write(encryptor!.seal(bytes))
    }

    /// Sends the box-stream goodbye: nothing more comes through box-stream.
    func sayBoxStreamGoodbye() async throws {
        try await write(encryptor!.goodbye())
    }

    /// Half-closes the connection: the node sees the end of the stream and may still write.
    func finishWriting() {
        outbound.finish()
    }

    /// Whether the node ended its box-stream with the authenticated goodbye.
    var nodeSaidBoxStreamGoodbye: Bool { decryptor?.didSayGoodbye ?? false }

    /// Writes raw bytes to the socket.
    func write(_ bytes: [UInt8]) async throws {
        try await outbound.write(ByteBuffer(bytes: bytes))
    }

    /// Exactly `count` raw bytes from the socket.
    func read(_ count: Int) async throws -> [UInt8] {
        while buffered.count < count {
            guard var chunk = try await inbound.next(isolation: #isolation) else { throw PeerClosed() }
            buffered += chunk.readBytes(length: chunk.readableBytes) ?? []
        }
        defer { buffered.removeFirst(count) }
        return Array(buffered.prefix(count))
    }

    /// The next message from the node, or `nil` when it closed the connection.
    func receive() async throws -> Message? {
        while pending.isEmpty {
            let chunk: [UInt8]
            if buffered.isEmpty {
                guard var next = try await inbound.next(isolation: #isolation) else { return nil }
                chunk = next.readBytes(length: next.readableBytes) ?? []
            } else {
                chunk = buffered
                buffered = []
            }
            for body in try decryptor!.feed(chunk) { pending += try reader.feed(body) }
        }
        return pending.removeFirst()
    }

    /// Reads messages until one matches, or the connection ends.
    func receive(until match: (Message) -> Bool) async throws -> Message? {
        while let message = try await receive() {
            if match(message) { return message }
        }
        return nil
    }

    /// Whether the node closes the connection before sending anything more.
    func isClosedByNode() async -> Bool {
        guard buffered.isEmpty else { return false }
        do {
            while let chunk = try await inbound.next(isolation: #isolation) {
                if chunk.readableBytes > 0 { return false }
            }
            return true
        } catch {
            return true
        }
    }

    /// Reads and drops whatever the node sends until it closes the connection.
    func waitUntilClosed() async {
        while (try? await inbound.next(isolation: #isolation)) ?? nil != nil {}
    }

    struct PeerClosed: Error {}
}
