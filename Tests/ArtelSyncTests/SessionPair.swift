import ArtelCore
import ArtelSync
import ArtelTestKit

/// Two sessions wired back to back over in-memory "replicas": sets of signed deltas. Messages go
/// through their encoding, directives are carried out as the node's shell would, and time is manual.
struct SessionPair {
    struct Side {
        var session: SyncSession
        var deltas: [DeltaID: SignedDelta]
        var inbox: [Message] = []
        var sent: [Message] = []
        var closed: WireCode?
        var reports: [ReconciliationReport] = []
        /// How many times the session said it caught up (once at most).
        var caughtUp = 0
        /// Refuses deltas whose title is this, as a node refuses bad ones.
        var refuseTitle: String?
        /// Deltas that reconcile but are gone when asked for, as if pruned in between.
        var lost: Set<DeltaID> = []
    }

    var initiator: Side
    var responder: Side
    var now = DeltaFactory.epoch
    /// Every message sent, by either side, in the order sent.
    var log: [(from: SyncSession.Role, message: Message)] = []

    /// Two sessions with the same follows, or each with its own hello.
    init(
        initiator mine: [SignedDelta],
        responder theirs: [SignedDelta],
        follows: FollowSet = .everything,
        hellos: (initiator: Hello, responder: Hello)? = nil,
        limits: Limits = Limits()
    ) {
        func side(_ role: SyncSession.Role, _ deltas: [SignedDelta]) -> Side {
            let hello =
                role == .initiator
                ? hellos?.initiator ?? Hello(nodeName: "a", software: "test", follows: follows)
                : hellos?.responder ?? Hello(nodeName: "b", software: "test", follows: follows)
            var configuration = SyncSession.Configuration(hello: hello, role: role)
            configuration.limits = limits
            configuration.reconcileInterval = 60_000
            return Side(
                session: SyncSession(configuration),
                deltas: Dictionary(uniqueKeysWithValues: deltas.map { ($0.id, $0) })
            )
        }
        initiator = side(.initiator, mine)
        responder = side(.responder, theirs)
    }

    /// Starts both sides and exchanges messages until neither has anything to say.
    mutating func run() {
        perform(\.initiator, initiator.session.onStart(now: now))
        perform(\.responder, responder.session.onStart(now: now))
        settle()
    }

    /// Delivers messages back and forth until both inboxes are empty.
    mutating func settle() {
        var rounds = 0
        while !initiator.inbox.isEmpty || !responder.inbox.isEmpty {
            rounds += 1
            precondition(rounds < 10_000, "the sessions never settle")
            deliver(\.initiator)
            deliver(\.responder)
        }
    }

    private mutating func deliver(_ side: WritableKeyPath<SessionPair, Side>) {
        let inbox = self[keyPath: side].inbox
        self[keyPath: side].inbox = []
        for message in inbox {
            let decoded = try! Message.decode(Array(message.encoded.dropFirst(4)))
            perform(side, self[keyPath: side].session.onMessage(decoded, now: now))
        }
    }

    /// Carries out directives for one side, as the node's shell does.
    mutating func perform(_ side: WritableKeyPath<SessionPair, Side>, _ directives: [SyncSession.Directive]) {
        let other: WritableKeyPath<SessionPair, Side> = side == \.initiator ? \.responder : \.initiator
        for directive in directives {
            switch directive {
            case .send(let message):
                self[keyPath: side].sent.append(message)
                log.append((side == \.initiator ? .initiator : .responder, message))
                if self[keyPath: other].closed == nil { self[keyPath: other].inbox.append(message) }
                perform(side, self[keyPath: side].session.onWritten(message.encoded.count, now: now))
            case .loadItems(let plane, let follows):
                let items = self[keyPath: side].deltas.values
                    .filter { plane.kinds.contains($0.delta.kind) && follows.contains($0.delta.scope) }
                    .map { NegentropyItem(timestamp: $0.delta.timestamp.rawValue, id: $0.id.bytes) }
                    .sorted()
                perform(side, self[keyPath: side].session.onItems(plane, items, now: now))
            case .loadDeltas(let ids, let purpose):
                for id in ids where self[keyPath: side].lost.contains(id) { self[keyPath: side].deltas[id] = nil }
                let kept = self[keyPath: side].deltas
                let found = ids.compactMap { kept[$0]?.bytes }
                let missing = ids.filter { kept[$0] == nil }
                perform(side, self[keyPath: side].session.onDeltasLoaded(purpose, found, missing: missing, now: now))
            case .apply(let deltas, _):
                var results: [SyncSession.Applied] = []
                for bytes in deltas {
                    let signed: SignedDelta
                    do {
                        signed = try SignedDelta.decodeVerified(bytes)
                    } catch {
                        results.append(.init(id: try? SignedDelta.decode(bytes).id, refusal: error))
                        continue
                    }
                    if case .string(self[keyPath: side].refuseTitle) = signed.delta.value(
                        setting: RecordKind.job.schema["title"].id
                    ) {
                        results.append(.init(id: signed.id, refusal: DeltaError(.badSignature, "refused for the test")))
                    } else {
                        self[keyPath: side].deltas[signed.id] = signed
                        results.append(.init(id: signed.id, refusal: nil))
                    }
                }
                perform(side, self[keyPath: side].session.onApplied(results, now: now))
            case .reconciled(let report):
                self[keyPath: side].reports.append(report)
            case .caughtUp:
                self[keyPath: side].caughtUp += 1
            case .close(let code, _):
                self[keyPath: side].closed = code
            case .keepAway:
                break
            }
        }
    }
}
