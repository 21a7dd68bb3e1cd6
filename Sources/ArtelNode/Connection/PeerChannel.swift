import NIOCore

extension NIOAsyncChannel where Inbound == ByteBuffer, Outbound == ByteBuffer {
    /// A TCP connection to a peer as an async channel of bytes. Finishing its writer half-closes
    /// the connection, so that the peer sees the end of the stream after a goodbye while this node
    /// still reads what the peer had in flight.
    static func peer(_ channel: any Channel) -> EventLoopFuture<Self> {
        channel.eventLoop.makeCompletedFuture {
            try Self(wrappingChannelSynchronously: channel, configuration: .init(isOutboundHalfClosureEnabled: true))
        }
    }
}
