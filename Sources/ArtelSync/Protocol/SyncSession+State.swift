import ArtelCore

extension SyncSession {
    /// Where a session stands (`protocol/wire.md` §5).
    enum Phase: Sendable {
        /// Not started: nothing sent.
        case new
        /// This side said hello; the peer's hello has not come.
        case greeting
        /// Both said hello: the first reconciliation of both planes, and the transfers it asked
        /// for, run; pushes wait.
        case syncing(Peer)
        /// Caught up: pushes flow both ways, and the initiator reconciles again from time to time.
        case live(Peer)
        /// A goodbye was sent or received: nothing more happens.
        case closed
    }

    /// What the peer's hello said, and what both sides follow.
    struct Peer: Sendable {
        let hello: Hello
        let shared: FollowSet
    }

    /// The reconciliations of the planes.
    struct Reconciliations: Sendable {
        /// The initiator's reconciliation in progress, and its Negentropy once items are loaded.
        var running: (report: ReconciliationReport, negentropy: Negentropy?)?
        /// A plane whose Negentropy is done but whose wanted deltas are still coming, and since when.
        var draining: Plane?
        var drainingSince: UInt64?
        /// The responder's Negentropy per plane, and payloads waiting for items.
        var serving: [Plane: Negentropy] = [:]
        var opening: [Plane: [UInt8]] = [:]
        /// When the initiator of a live session reconciles again.
        var nextDue: UInt64?
    }

    /// Deltas on their way, in bounded batches, and the bytes queued for the peer.
    struct Transfers: Sendable {
        /// Ids to ask for, and those asked for and not yet received.
        var toWant: [DeltaID] = []
        var wantedInFlight: Set<DeltaID> = []
        /// Ids the peer wants and this node has yet to load, ids to offer, and the load pending.
        var toAnswer: [DeltaID] = []
        var toOffer: [DeltaID] = []
        var loading: (purpose: LoadPurpose, count: Int)?
        /// Bytes of messages queued for the peer and not yet reported written.
        var outboundBytes = 0
    }

    /// Pushes that wait for the first reconciliation to end, and whether some were dropped.
    struct WaitingPushes: Sendable {
        var waiting: [([UInt8], Scope)] = []
        var waitingBytes = 0
        var missed = false
    }

    /// Everything a session remembers between events: its phase, and what each concern holds.
    struct State: Sendable {
        var phase = Phase.new
        var reconciliation = Reconciliations()
        var transfer = Transfers()
        var pushes = WaitingPushes()
        /// When the peer last said anything, and the ping sent since, if any.
        var lastHeard: UInt64 = 0
        var pingSent: UInt64?
        /// When each recent refusal that blames the peer happened.
        var refusals: [UInt64] = []
        var random: UInt64 = 0

        /// The peer, once both hellos are exchanged and until the session closes.
        var peer: Peer? {
            switch phase {
            case .syncing(let peer), .live(let peer): peer
            case .new, .greeting, .closed: nil
            }
        }

        /// What both sides follow; nothing before the peer's hello.
        var shared: FollowSet { peer?.shared ?? FollowSet() }

        /// Whether the session started and has not closed.
        var isRunning: Bool {
            switch phase {
            case .greeting, .syncing, .live: true
            case .new, .closed: false
            }
        }

        /// Whether the first reconciliation is over and pushes flow.
        var isLive: Bool {
            if case .live = phase { true } else { false }
        }

        /// Whether a goodbye was sent or received.
        var isClosed: Bool {
            if case .closed = phase { true } else { false }
        }

        /// The next pseudo-random number (SplitMix64), for jitter.
        mutating func nextRandom() -> UInt64 {
            random &+= 0x9E37_79B9_7F4A_7C15
            var value = random
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    /// Queues a message, counting its bytes as outbound until the shell reports them written.
    mutating func send(_ message: Message, into directives: inout [Directive]) {
        state.transfer.outboundBytes += message.encoded.count + Self.queuedMessageOverhead
        directives.append(.send(message))
    }

    /// What a queued message costs beyond its bytes (its buffer and its queue entry), counted so
    /// that a flood of tiny answers is bounded like a flood of large ones.
    static let queuedMessageOverhead = 64

    /// Ends the session: a goodbye that says `said` (the reason, unless given), then close.
    mutating func end(_ code: WireCode, _ reason: String, saying said: String? = nil) -> [Directive] {
        guard !state.isClosed else { return [] }
        var directives: [Directive] = []
        send(.goodbye(code, said ?? reason), into: &directives)
        state.phase = .closed
        directives.append(.close(code, reason))
        return directives
    }
}
