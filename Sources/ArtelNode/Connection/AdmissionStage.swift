import ArtelCore
import ArtelStore
import ArtelSync
import AsyncAlgorithms
import Synchronization

/// The admission stage of a connection: checks the deltas each message carries (signature, rules,
/// follows), so that the session loop only stores them, and hands the messages on to the loop in
/// the order they came.
///
/// The reader starts checking a `deltas` message, a hundred deltas to verify on every core, as soon
/// as it has decoded it (``check(_:)``), and goes on decrypting and decoding the next while
/// ``handOn()`` waits for the check and for the loop to take the message. So the next message's
/// check starts before the one before ends, and the cores go from one to the other. Checked one at
/// a time, a message's last chunks ran on fewer cores than there are, and the cores waited while
/// the reader decoded the next message: the syncing node kept 1.75–1.81 of its two cores busy
/// during an initial sync, and 1.88–1.93 with this stage.
///
/// At most two `deltas` messages are being checked: the one ``handOn()`` holds and the one
/// ``check(_:)`` waits to give it. A fast peer cannot fill this node's memory.
///
/// A push is one delta, and the other messages carry none: they are checked where the reader is,
/// and go straight to the loop when no `deltas` message is ahead of them. Through a task and the
/// stage, each cost a mesh of ten nodes a fifth more CPU in a burst of pushes.
final class AdmissionStage: Sendable {
    private let follows: FollowSet
    private let known: RecentDeltas
    /// Where the checked messages go: the session loop.
    private let messages: AsyncChannel<ConnectionEvent>
    private let checking = AsyncChannel<(Message, Admission)>()
    /// The messages given to ``handOn()`` that the loop has not taken yet.
    private let ahead = Atomic<Int>(0)

    /// A message's deltas, checked or being checked.
    private enum Admission: Sendable {
        case checked(AdmittedDeltas?)
        case checking(Task<AdmittedDeltas?, Never>)

        var result: AdmittedDeltas? {
            get async {
                switch self {
                case .checked(let admitted): admitted
                case .checking(let task): await task.value
                }
            }
        }
    }

    /// A stage handing messages on to `messages`, refusing deltas outside `follows`, and taking
    /// pushed copies of the deltas `known` remembers as held.
    init(follows: FollowSet, known: RecentDeltas, handingOnTo messages: AsyncChannel<ConnectionEvent>) {
        self.follows = follows
        self.known = known
        self.messages = messages
    }

    /// Checks a message's deltas, or starts checking them, and waits until the stage has room for
    /// it. Called by one task, the reader, one message after another.
    func check(_ message: Message) async {
        let (follows, known) = (follows, known)
        guard case .deltas = message else {
            let admitted = await Self.admit(message, follows: follows, known: known)
            // Nothing ahead of it: the loop took every message before it.
            if ahead.load(ordering: .acquiring) == 0 {
                await messages.send(.message(message, admitted))
            } else {
                ahead.add(1, ordering: .relaxed)
                await checking.send((message, .checked(admitted)))
            }
            return
        }
        ahead.add(1, ordering: .relaxed)
        await checking.send((message, .checking(Task { await Self.admit(message, follows: follows, known: known) })))
    }

    /// No more messages come: ``handOn()`` returns once it has handed on the last one.
    func finish() {
        checking.finish()
    }

    /// Hands each message given to the stage on to the session loop once its deltas are checked,
    /// in order, until ``finish()``.
    func handOn() async {
        for await (message, admission) in checking {
            await messages.send(.message(message, await admission.result))
            ahead.subtract(1, ordering: .releasing)
        }
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
