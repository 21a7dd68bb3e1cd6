import ArtelCore

extension SyncSession {
    /// Everything a session remembers between events.
    struct State: Sendable {
        var started = false
        var closed = false
        var peer: Hello?
        var shared = FollowSet()
        var isLive = false

        /// The initiator's reconciliation in progress, and its Negentropy once items are loaded.
        var reconciling: (report: ReconciliationReport, negentropy: Negentropy?)?
        /// A plane whose Negentropy is done but whose wanted deltas are still coming, and since when.
        var draining: Plane?
        var drainingSince: UInt64?
        /// The responder's Negentropy per plane, and payloads waiting for items.
        var serving: [Plane: Negentropy] = [:]
        var opening: [Plane: [UInt8]] = [:]

        /// Ids to ask for, and those asked for and not yet received.
        var toWant: [DeltaID] = []
        var wantedInFlight: Set<DeltaID> = []
        /// Ids the peer wants and this node has yet to load, ids to offer, and the load pending.
        var toAnswer: [DeltaID] = []
        var toOffer: [DeltaID] = []
        var loading: (purpose: LoadPurpose, count: Int)?
        var outboundBytes = 0
        /// Pushes waiting for the first reconciliation, and whether some were dropped.
        var waitingPushes: [([UInt8], Scope)] = []
        var waitingPushBytes = 0
        var missedPushes = false

        var lastHeard: UInt64 = 0
        var pingSent: UInt64?
        var nextReconcile: UInt64?
        var refusals: [UInt64] = []
        var random: UInt64 = 0

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
        state.outboundBytes += message.encoded.count + Self.queuedMessageOverhead
        directives.append(.send(message))
    }

    /// What a queued message costs beyond its bytes (its buffer and its queue entry), counted so
    /// that a flood of tiny answers is bounded like a flood of large ones.
    static let queuedMessageOverhead = 64

    /// Ends the session: a goodbye that says `said` (the reason, unless given), then close.
    mutating func end(_ code: WireCode, _ reason: String, saying said: String? = nil) -> [Directive] {
        guard !state.closed else { return [] }
        var directives: [Directive] = []
        send(.goodbye(code, said ?? reason), into: &directives)
        state.closed = true
        directives.append(.close(code, reason))
        return directives
    }
}
