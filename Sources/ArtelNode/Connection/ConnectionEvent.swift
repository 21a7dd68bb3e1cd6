import ArtelCore
import ArtelSync

/// Everything that can happen to a connection, funneled into one stream that its session loop reads.
enum ConnectionEvent: Sendable {
    /// The handshake succeeded.
    case established(SessionKeys)
    /// A message arrived.
    case message(Message)
    /// The writer wrote this many bytes of messages.
    case written(Int)
    /// A second passed.
    case tick
    /// The hub has something for this session.
    case notice(Hub.Notice)
    /// The node is shutting down.
    case shutdown
    /// The peer's bytes ended, cleanly or not.
    case inboundEnded((any Error)?)
    /// The writer finished its queue and said goodbye.
    case writerFinished
}
