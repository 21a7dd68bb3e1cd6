import ArtelCore
import ArtelStore
import ArtelSync
import AsyncAlgorithms

/// The admission stage of a connection: checks the deltas each message carries (signature, rules,
/// follows), so that the session loop only stores them, and hands the messages on to the loop in
/// the order they came.
///
/// The reader starts checking a message as soon as it has decoded it (``check(_:)``), and goes on
/// decrypting and decoding the next while ``handOn(to:)`` waits for the check and for the loop to
/// take the message. So the next message's check starts before the one before ends, and the
/// cores go from one to the other. Checked one at a time, a message's last chunks ran on fewer
/// cores than there are, and the cores waited while the reader decoded the next message: the
/// syncing node's cores were idle a tenth of an initial sync.
///
/// At most two messages are being checked: the one ``handOn(to:)`` holds and the one ``check(_:)``
/// waits to give it. A fast peer cannot fill this node's memory.
struct AdmissionStage: Sendable {
    private let follows: FollowSet
    private let known: RecentDeltas
    private let checking = AsyncChannel<(Message, Task<AdmittedDeltas?, Never>)>()

    /// A stage refusing deltas outside `follows`, and taking pushed copies of the deltas `known`
    /// remembers as held.
    init(follows: FollowSet, known: RecentDeltas) {
        self.follows = follows
        self.known = known
    }

    /// Starts checking a message's deltas, and waits until the stage has room for it.
    func check(_ message: Message) async {
        let (follows, known) = (follows, known)
        await checking.send((message, Task { await Self.admit(message, follows: follows, known: known) }))
    }

    /// No more messages come: ``handOn(to:)`` returns once it has handed on the last one.
    func finish() {
        checking.finish()
    }

    /// Hands each message on to the session loop once its deltas are checked, in order, until
    /// ``finish()``.
    func handOn(to messages: AsyncChannel<ConnectionEvent>) async {
        for await (message, admission) in checking { await messages.send(.message(message, await admission.value)) }
    }

    /// Checks the deltas a message carries. A pushed delta the node checked lately (`known`), which
    /// another peer pushed first, is not checked again. The deltas of a `deltas` message are always
    /// checked: they answer this node's wants, and a reconciliation must be able to bring back a
    /// delta that was checked but never stored (its session ended first).
    private static func admit(_ message: Message, follows: FollowSet, known: RecentDeltas) async -> AdmittedDeltas? {
        switch message {
        case .deltas(let deltas): return await Replica.admit(deltas, now: WallClock.now, follows: follows)
        case .push(let delta): return await Replica.admit([delta], now: WallClock.now, follows: follows, known: known)
        default: return nil
        }
    }
}
