import ArtelCore
import ArtelStore
import ArtelSync
import Logging

/// The event loop of one connection: feeds events to its ``SyncSession`` and carries out the
/// directives it returns, with the replica, the hub and the writer.
struct SessionLoop {
    let connection: PeerConnection
    let writer: AsyncStream<WriterCommand>.Continuation
    /// Where the hub's notices for this session go, within ``pushBudget``.
    let notices: AsyncStream<ConnectionEvent>.Continuation
    /// Where the connection's own events go (ticks, stored batches).
    let control: AsyncStream<ConnectionEvent>.Continuation
    var logger: Logger
    private let pushBudget: PushBudget

    private var session: SyncSession?
    private var peer: PublicKey?
    private var registration: Int?
    private let started = WallClock.now
    private var deadlines: ConnectionDeadlines
    private var closing: (code: WireCode?, reason: String)?
    private var stats = PeerStats()
    /// The deltas of the message being handled, admitted by the reader (the admission stage:
    /// signatures, rules and follows are checked before the session sees the message).
    private var preadmitted: AdmittedDeltas?
    /// Where the peer's deltas go, once the session has started.
    private var intake: DeltaIntake?

    init(
        connection: PeerConnection,
        writer: AsyncStream<WriterCommand>.Continuation,
        notices: AsyncStream<ConnectionEvent>.Continuation,
        control: AsyncStream<ConnectionEvent>.Continuation,
        logger: Logger
    ) {
        self.connection = connection
        self.writer = writer
        self.notices = notices
        self.control = control
        self.logger = logger
        pushBudget = PushBudget(bytes: connection.context.configuration.limits.maximumQueuedBytes)
        deadlines = ConnectionDeadlines(handshakeLimit: connection.context.configuration.handshakeTimeout, now: started)
    }

    private var context: NodeContext { connection.context }

    /// Runs until the connection ends.
    mutating func run(_ events: some AsyncSequence<ConnectionEvent, Never>) async -> PeerConnection.Outcome {
        for await event in events {
            do {
                if let outcome = try await handle(event) {
                    await finish()
                    return outcome
                }
            } catch {
                logger.info("session failed here", metadata: ["error": "\(FailureText.of(error))"])
                try? await perform(session?.onShutdown() ?? [])
                if closing == nil { closing = (nil, "this node failed: \(FailureText.of(error))") }
                finishWriting()
            }
        }
        await finish()
        return .failed("the connection ended")
    }

    /// Handles one event; returns the outcome once the connection is over.
    private mutating func handle(_ event: ConnectionEvent) async throws -> PeerConnection.Outcome? {
        let now = WallClock.now
        switch event {
        case .established(let keys, let follows):
            return try await establish(keys, follows: follows, now: now)
        case .message(let message, let admitted):
            if case .deltas(let deltas) = message { stats.received += deltas.count }
            preadmitted = admitted
            defer { preadmitted = nil }
            try await perform(session?.onMessage(message, now: now) ?? [])
        case .intakeTick:
            try await intake?.tickPassed()
        case .stored(let id):
            if let stored = try await intake?.stored(id) { try await handleStored(stored, now: now) }
        case .written(let count):
            try await perform(session?.onWritten(count, now: now) ?? [])
        case .tick:
            switch deadlines.expired(now: now) {
            case .handshake?:
                return .failed("the handshake took longer than \(deadlines.handshakeLimit / 1000) s")
            case .goodbyeUnread?:
                let reason = closing?.reason ?? "closed"
                return .ended(
                    code: closing?.code,
                    reason: "\(reason); the peer did not read the goodbye",
                    lasted: now - started
                )
            case nil:
                break
            }
            try await perform(session?.onTick(now: now) ?? [])
            if pushBudget.takeMissed() { try await perform(session?.onPushesMissed(now: now) ?? []) }
            if let session, !session.isClosed, deadlines.takeFlushDue(now: now) {
                if !session.isLive && session.remainingWanted > 0 {
                    logger.info(
                        "syncing",
                        metadata: [
                            "sync.received": "\(stats.received)", "sync.remaining": "\(session.remainingWanted)",
                        ]
                    )
                }
                try await flush(state: session.isLive ? .live : .syncing, now: now)
            }
        case .notice(.deltas(let deltas)):
            pushBudget.give(deltas.reduce(0) { $0 + $1.bytes.count })
            var directives: [SyncSession.Directive] = []
            for delta in deltas { directives += session?.onLocalDelta(delta.bytes, scope: delta.scope) ?? [] }
            try await perform(directives)
        case .notice(.syncNow):
            try await perform(session?.onSyncNow(now: now) ?? [])
        case .notice(.superseded):
            try await perform(
                session?.close(.duplicateSession, "both nodes dialed; the session the other node dialed stays") ?? []
            )
        case .shutdown:
            guard session != nil else { return .failed("the node shut down during the handshake") }
            try await storeAll(now: now)
            try await perform(session?.onShutdown() ?? [])
        case .inboundEnded(let error):
            try await storeAll(now: now)
            guard let session else {
                return .failed(error.map { "handshake: \(FailureText.of($0))" } ?? "the peer closed the connection")
            }
            if let invalid = error as? WireError, !session.isClosed {
                try await perform(self.session?.onInvalidInput(invalid) ?? [])
            } else if !session.isClosed && closing == nil {
                closing = (
                    nil, error.map { "the connection broke: \(FailureText.of($0))" } ?? "the peer closed the connection"
                )
                finishWriting()
            }
        case .writerFinished:
            try? await storeAll(now: now)
            return .ended(code: closing?.code, reason: closing?.reason ?? "closed", lasted: now - started)
        }
        return nil
    }

    private mutating func establish(
        _ keys: SessionKeys,
        follows: FollowSet,
        now: UInt64
    ) async throws -> PeerConnection.Outcome? {
        let remote = keys.remote
        peer = remote
        logger[metadataKey: "peer.key"] = "\(remote.hex.prefix(16))"
        writer.yield(.start(keys))
        deadlines.onEstablished(now: now)
        var configuration = SyncSession.Configuration(
            hello: Hello(nodeName: context.configuration.name, software: NodeConfiguration.software, follows: follows),
            role: connection.role
        )
        configuration.limits = context.configuration.limits
        configuration.reconcileInterval = context.configuration.reconcileInterval
        configuration.keepAwayDuration = context.configuration.banDuration
        configuration.seed = UInt64.random(in: 0...UInt64.max)
        var session = SyncSession(configuration)
        if let allowed = context.configuration.allowList, !allowed.contains(remote) {
            return try await refuse(&session, .notAllowed, "node \(remote.hex.prefix(16))… is not on the allow-list")
        }
        let (notices, budget) = (self.notices, pushBudget)
        // Peers this node dials, configured ones and allow-listed ones keep room strangers cannot take.
        let configured = try await context.replica.isConfiguredPeer(remote)
        let isFriend =
            connection.role == .initiator || configured || context.configuration.allowList?.contains(remote) == true
        do {
            registration = try await context.hub.register(
                remote,
                role: connection.role,
                reservation: connection.reservation,
                isFriend: isFriend,
                now: now
            ) { notice in
                guard case .deltas(let deltas) = notice else {
                    notices.yield(.notice(notice))
                    return
                }
                // The pushes that fit in the budget; past it, the rest are missed.
                let taken = deltas.prefix { budget.take($0.bytes.count) }
                if !taken.isEmpty { notices.yield(.notice(.deltas(Array(taken)))) }
            }
        } catch {
            return try await refuse(&session, error.code, error.reason)
        }
        intake = DeltaIntake(
            replica: context.replica,
            metrics: context.metrics,
            source: "peer \(remote.hex.prefix(16))",
            events: control
        )
        let directives = session.onStart(now: now)
        self.session = session
        context.metrics.sessionStarted(dialed: connection.role == .initiator)
        logger.info(
            "session started",
            metadata: ["peer.role": "\(connection.role == .initiator ? "dialed" : "accepted")"]
        )
        try await context.replica.recordPeer(remote, state: .syncing, now: now, connected: true)
        try await perform(directives)
        return nil
    }

    /// Refuses a peer right after the handshake, as the session says to: a goodbye, then close.
    private mutating func refuse(
        _ session: inout SyncSession,
        _ code: WireCode,
        _ reason: String
    ) async throws -> PeerConnection.Outcome? {
        logger.info("peer refused", metadata: ["reason": "\(reason)"])
        let directives = session.refuseAtDoor(code, reason)
        self.session = session
        try await perform(directives)
        return nil
    }

    /// Tells the writer to say goodbye and stop, once.
    private mutating func finishWriting() {
        guard deadlines.onFinishing(now: WallClock.now) else { return }
        writer.yield(.finish)
    }

    /// Carries out directives, feeding the session the results of the ones that read or write.
    /// Pushes one after another go to the writer together, to be written at once; every other
    /// message is written on its own, so that a sync's `deltas` keep flowing one by one as the
    /// writer takes them.
    private mutating func perform(_ directives: [SyncSession.Directive]) async throws {
        var pushes: [[UInt8]] = []
        for directive in directives {
            let now = WallClock.now
            if case .send(let message) = directive, case .push = message {
                stats.sent += 1
                pushes.append(message.encoded)
                continue
            }
            if !pushes.isEmpty {
                writer.yield(.messages(pushes))
                pushes = []
            }
            switch directive {
            case .send(let message):
                if case .deltas(let deltas) = message { stats.sent += deltas.count }
                writer.yield(.messages([message.encoded]))
            case .loadItems(let plane, let scopes):
                let items = try await context.replica.reconciliationItems(matching: scopes, kinds: plane.kinds)
                let next = session!.onItems(
                    plane,
                    items.map { NegentropyItem(timestamp: $0.timestamp, id: $0.id.bytes) },
                    now: now
                )
                try await perform(next)
            case .loadDeltas(let ids, let purpose):
                let (found, missing) = try await context.replica.deltas(ids: ids)
                try await perform(session!.onDeltasLoaded(purpose, found, missing: missing, now: now))
            case .apply(let deltas, let urgent):
                try await store(deltas, urgent: urgent, now: now)
            case .reconciled(let report):
                context.metrics.reconciled(plane: "\(report.plane)", milliseconds: report.milliseconds)
                logger.info(
                    "reconciled",
                    metadata: [
                        "sync.plane": "\(report.plane)", "sync.items": "\(report.items)",
                        "sync.offered": "\(report.offered)", "sync.wanted": "\(report.wanted)",
                        "sync.round_trips": "\(report.roundTrips)", "sync.bytes_out": "\(report.bytesSent)",
                        "sync.bytes_in": "\(report.bytesReceived)", "sync.ms": "\(report.milliseconds)",
                    ]
                )
            case .caughtUp:
                logger.info(
                    "caught up",
                    metadata: ["sync.received": "\(stats.received)", "sync.ms": "\(now - started)"]
                )
                try await flush(state: .live, now: now, synced: true)
            case .close(let code, let reason):
                logger.info("session ending", metadata: ["reason": "\(reason)", "code": "\(code)"])
                if closing == nil { closing = (code, reason) }
                finishWriting()
                try await storeAll(now: now)
            case .keepAway(let until):
                if let peer { await context.hub.ban(peer, until: until) }
            }
        }
        if !pushes.isEmpty { writer.yield(.messages(pushes)) }
    }

    /// Hands the deltas of the message being handled to the intake, as the reader admitted them.
    private mutating func store(_ deltas: [[UInt8]], urgent: Bool, now: UInt64) async throws {
        guard intake != nil else { return }
        guard let admitted = preadmitted, admitted.count == deltas.count else {
            preconditionFailure(
                "the reader admits every delta of a message: \(deltas.count) to store, \(preadmitted?.count ?? 0) admitted"
            )
        }
        preadmitted = nil
        await context.hub.receiving(admitted.admittedIDs)
        // Changed where it is kept: a copy would share the gathered deltas, and adding to them
        // would copy every one.
        if let stored = try await intake?.add(admitted, urgent: urgent) { try await handleStored(stored, now: now) }
    }

    /// Stores every delta the intake holds, before the session ends.
    private mutating func storeAll(now: UInt64) async throws {
        guard let reports = try await intake?.storeAll() else { return }
        for report in reports { try await handleStored(report, now: now) }
    }

    /// A batch of the peer's deltas is stored: pushes the accepted ones to the other peers, and
    /// tells the session what became of each.
    private mutating func handleStored(_ report: ApplyReport, now: UInt64) async throws {
        let accepted = report.applied
        stats.accepted += accepted.count
        stats.refused += report.refusals.count
        if !accepted.isEmpty {
            await context.hub.broadcast(accepted.map { ($0.id, $0.bytes, $0.delta.scope) }, from: peer)
        }
        for refusal in report.refusals.prefix(3) {
            logger.info("refused a delta from the peer", metadata: ["refusal": "\(refusal.error)"])
        }
        let results = report.outcomes.map { outcome in
            switch outcome {
            case .accepted(let delta): SyncSession.Applied(id: delta.id, refusal: nil)
            case .duplicate(let id), .superseded(let id), .quarantined(let id, _):
                SyncSession.Applied(id: id, refusal: nil)
            case .recordDeleted(let id):
                SyncSession.Applied(
                    id: id,
                    refusal: DeltaError(.recordDeleted, "its record is deleted here, and a delete is final")
                )
            case .refused(let refusal): SyncSession.Applied(id: refusal.id, refusal: refusal.error)
            }
        }
        await context.hub.received(results.compactMap(\.id))
        if let rows = report.insertedRows { await context.hub.storedBySession(rows) }
        try await perform(session?.onApplied(results, now: now) ?? [])
    }

    /// Writes the peer's counters and state to the replica.
    private mutating func flush(state: PeerState, now: UInt64, synced: Bool = false, error: String? = nil) async throws
    {
        guard let peer else { return }
        let bytes = connection.traffic.take()
        try await context.replica.recordPeer(
            peer,
            state: state,
            now: now,
            synced: synced,
            error: error,
            deltasIn: stats.accepted,
            deltasOut: stats.sent,
            refused: stats.refused,
            bytesIn: bytes.received,
            bytesOut: bytes.sent
        )
        stats = PeerStats(received: stats.received)
        deadlines.onFlushed(now: now)
    }

    /// Leaves the hub and records how the session ended.
    private mutating func finish() async {
        guard let peer else { return }
        let reason = closing?.reason
        // A session refused at the door, or replaced by another, leaves the peer's row to the
        // session that has it.
        if let registration, await context.hub.unregister(peer, id: registration) {
            let failed = closing?.code.map { $0 != .normal } ?? (reason != nil && reason != "closed")
            try? await flush(state: .disconnected, now: WallClock.now, error: failed ? reason : nil)
        }
        registration = nil
        logger.info("session ended", metadata: ["reason": "\(reason ?? "closed")"])
    }
}

/// What a session counted since its counters were last written.
struct PeerStats {
    var received = 0
    var accepted = 0
    var sent = 0
    var refused = 0
}
