import ArtelCore
import ArtelStore
import ArtelSync

/// Everything that can happen to a connection, funneled into one stream that its session loop reads.
enum ConnectionEvent: Sendable {
    /// The handshake succeeded; the follows were read once for the connection, for the session's
    /// hello and for the reader's admission of the peer's deltas alike.
    case established(SessionKeys, FollowSet)
    /// A message arrived; the deltas of a `deltas` or `push` message come already admitted (see
    /// ``Replica/admit(_:now:follows:known:)``), checked while the session loop stored the previous ones.
    case message(Message, AdmittedDeltas?)
    /// The writer wrote this many bytes of messages.
    case written(Int)
    /// A second passed.
    case tick
    /// A tick of the intake passed: the deltas it gathered may be due (``DeltaIntake/tickPassed()``).
    case intakeTick
    /// A batch of the peer's deltas is stored.
    case stored(Int)
    /// The hub has something for this session.
    case notice(Hub.Notice)
    /// The node is shutting down.
    case shutdown
    /// The peer's bytes ended, cleanly or not.
    case inboundEnded((any Error)?)
    /// The writer finished its queue and said goodbye.
    case writerFinished
}
