import ArtelCore
import ArtelSync
import NIOCore

/// Runs the Secret Handshake over a connection's bytes.
enum HandshakeExchange {
    /// The dialing side: proves this node to a server whose key it knows.
    static func client(
        _ reader: inout ByteChunkReader,
        _ outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        networkKey: NetworkKey,
        identity: SigningKey,
        server: PublicKey
    ) async throws -> SessionKeys {
        var client = HandshakeClient(networkKey: networkKey, identity: identity, server: server)
        try await outbound.write(ByteBuffer(bytes: client.hello()))
        let authenticate = try client.onServerHello(try await reader.read(64))
        try await outbound.write(ByteBuffer(bytes: authenticate))
        return try client.onServerAccept(try await reader.read(80))
    }

    /// The accepting side: learns who dialed.
    static func server(
        _ reader: inout ByteChunkReader,
        _ outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        networkKey: NetworkKey,
        identity: SigningKey
    ) async throws -> SessionKeys {
        var server = HandshakeServer(networkKey: networkKey, identity: identity)
        try await outbound.write(ByteBuffer(bytes: try server.onClientHello(try await reader.read(64))))
        let (accept, keys) = try server.onClientAuthenticate(try await reader.read(112))
        try await outbound.write(ByteBuffer(bytes: accept))
        return keys
    }
}

/// Reads exact byte counts from a connection's inbound chunks, keeping the rest for later.
struct ByteChunkReader {
    private var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private(set) var leftover: [UInt8] = []

    init(_ inbound: NIOAsyncChannelInboundStream<ByteBuffer>) {
        iterator = inbound.makeAsyncIterator()
    }

    /// The next `count` bytes.
    ///
    /// - Throws: ``ConnectionError/closedEarly`` when the peer closes first.
    mutating func read(_ count: Int) async throws -> [UInt8] {
        while leftover.count < count {
            guard var buffer = try await iterator.next(isolation: #isolation) else {
                throw ConnectionError.closedEarly(needed: count, got: leftover.count)
            }
            leftover += buffer.readBytes(length: buffer.readableBytes) ?? []
        }
        let bytes = Array(leftover.prefix(count))
        leftover.removeFirst(count)
        return bytes
    }

    /// The next chunk as it arrives, after anything left over; `nil` at the end.
    mutating func next() async throws -> [UInt8]? {
        if !leftover.isEmpty {
            defer { leftover = [] }
            return leftover
        }
        guard var buffer = try await iterator.next(isolation: #isolation) else { return nil }
        return buffer.readBytes(length: buffer.readableBytes) ?? []
    }
}

/// Why a connection ended before its session did.
enum ConnectionError: Error, CustomStringConvertible {
    case closedEarly(needed: Int, got: Int)

    var description: String {
        switch self {
        case .closedEarly(let needed, let got):
            "the peer closed the connection during the handshake (\(got) of \(needed) bytes)"
        }
    }
}
