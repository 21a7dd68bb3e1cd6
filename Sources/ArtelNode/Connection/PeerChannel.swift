import NIOCore

extension NIOAsyncChannel where Inbound == ByteBuffer, Outbound == ByteBuffer {
    /// A TCP connection to a peer as an async channel of bytes, half-closable both ways.
    ///
    /// Finishing its writer half-closes the connection, so that the peer sees the end of the stream
    /// after a goodbye while this node still reads what the peer had in flight. A peer that
    /// half-closes after its own goodbye (wire.md §5.8) ends the inbound stream only: this node still
    /// writes its goodbye, which it could not if the whole channel closed on the peer's end of stream.
    static func peer(_ channel: any Channel) -> EventLoopFuture<Self> {
        channel.eventLoop.makeCompletedFuture {
            try channel.syncOptions?.setOption(ChannelOptions.allowRemoteHalfClosure, value: true)
            return try Self(
                wrappingChannelSynchronously: channel,
                configuration: .init(isOutboundHalfClosureEnabled: true)
            )
        }
    }
}
