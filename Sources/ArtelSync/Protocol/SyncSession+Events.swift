public import ArtelCore

extension SyncSession {
    /// The connection is up: say hello.
    public mutating func onStart(now: UInt64) -> [Directive] {
        guard case .new = state.phase else { preconditionFailure("a session starts once: \(state)") }
        state.phase = .greeting
        state.lastHeard = now
        var directives: [Directive] = []
        send(.hello(configuration.hello), into: &directives)
        return directives
    }

    /// A message arrived from the peer.
    public mutating func onMessage(_ message: Message, now: UInt64) -> [Directive] {
        guard !state.isClosed else { return [] }
        state.lastHeard = now
        state.pingSent = nil
        // Every answer (pongs, refusals, reconciliation replies) is queued for a peer that is
        // expected to read it; one that keeps asking without reading is cut off.
        guard state.transfer.outboundBytes <= configuration.limits.maximumQueuedBytes * 2 else {
            return end(
                .tooMuchInFlight,
                "the peer sends faster than it reads: \(state.transfer.outboundBytes) bytes queued"
            )
        }
        guard let peer = state.peer else { return onFirstMessage(message, now: now) }
        switch message {
        case .hello:
            return end(.protocolViolation, "a second hello")
        case .versionUnsupported(let versions):
            return end(.unsupportedVersion, "the peer speaks versions \(versions), not \(peer.hello.version)")
        case .reconcileOpen(let plane, let payload):
            return onReconcileOpen(plane, payload)
        case .reconcileMessage(let plane, let payload):
            return configuration.role == .initiator
                ? onReconcileReply(plane, payload, now: now) : onReconcileContinue(plane, payload)
        case .reconcileClose(let plane):
            state.reconciliation.serving[plane] = nil
            // The initiator reconciles data last: once it is done, the responder pushes too.
            return plane == .data && configuration.role == .responder ? becameLive(now: now) : []
        case .reconcileError(let plane, let code, let reason):
            return end(.normal, "the peer could not reconcile the \(plane) plane: \(code), \(reason)")
        case .want(let ids):
            return onWant(ids)
        case .deltas(let deltas):
            return deltas.isEmpty ? [] : [.apply(deltas, urgent: false)]
        case .push(let delta):
            return [.apply([delta], urgent: true)]
        case .missing(let ids):
            for id in ids { state.transfer.wantedInFlight.remove(id) }
            return continueWants() + advanceAfterDraining(now: now)
        case .refuse:
            return []
        case .ping(let nonce):
            var directives: [Directive] = []
            send(.pong(nonce), into: &directives)
            return directives
        case .pong:
            return []
        case .goodbye(let code, let reason):
            return answerGoodbye(code, reason)
        }
    }

    private mutating func onFirstMessage(_ message: Message, now: UInt64) -> [Directive] {
        switch message {
        case .hello(let hello) where hello.version == Hello.currentVersion:
            state.phase = .syncing(Peer(hello: hello, shared: configuration.hello.follows.intersection(hello.follows)))
            return configuration.role == .initiator ? startReconciliation(.control, now: now) : []
        case .hello(let hello):
            // The versions this node speaks, then a goodbye that says why (wire.md §5.1).
            var directives: [Directive] = []
            send(.versionUnsupported(Hello.currentVersion...Hello.currentVersion), into: &directives)
            return directives + end(.unsupportedVersion, "the peer speaks version \(hello.version)")
        case .versionUnsupported(let versions):
            return end(.unsupportedVersion, "the peer speaks versions \(versions) only")
        case .goodbye(let code, let reason):
            // A node that refuses a peer right after the handshake says why without a hello.
            return answerGoodbye(code, reason)
        default:
            return end(.protocolViolation, "the first message must be a hello")
        }
    }

    /// The peer said goodbye: say goodbye back, so that every session end carries one each way.
    private mutating func answerGoodbye(_ code: WireCode, _ reason: String) -> [Directive] {
        end(.normal, "the peer said goodbye: \(code), \(reason)", saying: "goodbye")
    }

    /// The shell wrote one queued message, of `count` bytes.
    public mutating func onWritten(_ count: Int, now: UInt64) -> [Directive] {
        state.transfer.outboundBytes = max(0, state.transfer.outboundBytes - count - Self.queuedMessageOverhead)
        return continueLoading()
    }

    /// Time passed: ping a silent peer, end an idle session, reconcile again when due.
    public mutating func onTick(now: UInt64) -> [Directive] {
        guard state.isRunning else { return [] }
        let limits = configuration.limits
        if now >= state.lastHeard + limits.idleTimeout {
            return end(.idleTimeout, "the peer said nothing for \((now - state.lastHeard) / 1000) s")
        }
        var directives: [Directive] = []
        if state.pingSent == nil && now >= state.lastHeard + limits.pingInterval {
            state.pingSent = now
            send(.ping(now), into: &directives)
        }
        if state.reconciliation.draining != nil, let since = state.reconciliation.drainingSince,
            now >= since + limits.idleTimeout
        {
            // The peer never sent some wanted deltas nor said they are missing: go on without them.
            state.transfer.toWant = []
            state.transfer.wantedInFlight = []
            directives += advanceAfterDraining(now: now)
        }
        if configuration.role == .initiator, state.isLive, state.reconciliation.running == nil,
            state.reconciliation.draining == nil,
            let due = state.reconciliation.nextDue, now >= due
        {
            state.reconciliation.nextDue = nil
            directives += startReconciliation(.control, now: now)
        }
        return directives
    }

    /// This node accepted a delta (from anywhere but this peer): push it when the peer follows its
    /// scope. Until the first reconciliation is over, pushes wait (a bounded number); when the peer
    /// is slow or too many wait, they are dropped and a reconciliation repairs them.
    public mutating func onLocalDelta(_ bytes: [UInt8], scope: Scope) -> [Directive] {
        guard !state.isClosed, state.shared.contains(scope) || state.peer == nil else { return [] }
        guard state.isLive else {
            if state.pushes.waiting.count < Self.maximumWaitingPushes
                && state.pushes.waitingBytes + bytes.count <= configuration.limits.maximumQueuedBytes
            {
                state.pushes.waiting.append((bytes, scope))
                state.pushes.waitingBytes += bytes.count
            } else {
                state.pushes.missed = true
            }
            return []
        }
        guard state.transfer.outboundBytes < configuration.limits.maximumQueuedBytes else {
            state.pushes.missed = true
            return []
        }
        var directives: [Directive] = []
        send(.push(bytes), into: &directives)
        return directives
    }

    /// How many pushes may wait for the first reconciliation to finish.
    public static let maximumWaitingPushes = 10_000

    /// The session is live (again, after a later reconciliation): send the pushes that waited, and
    /// say so the first time.
    mutating func becameLive(now: UInt64) -> [Directive] {
        var directives: [Directive] = []
        if case .syncing(let peer) = state.phase {
            state.phase = .live(peer)
            directives.append(.caughtUp)
        }
        let waiting = state.pushes.waiting
        state.pushes.waiting = []
        state.pushes.waitingBytes = 0
        for (bytes, scope) in waiting where state.shared.contains(scope) {
            directives += onLocalDelta(bytes, scope: scope)
        }
        return directives
    }

    /// The peer's bytes could not be read as messages: say why and end the session.
    public mutating func onInvalidInput(_ error: WireError) -> [Directive] {
        end(error.code, "\(error)")
    }

    /// The operator asked to reconcile now (`artel sync now`); a session that is still in its first
    /// reconciliation, or that the peer dialed, carries on as it is.
    public mutating func onSyncNow(now: UInt64) -> [Directive] {
        guard configuration.role == .initiator, state.isLive, state.reconciliation.running == nil,
            state.reconciliation.draining == nil,
            !state.isClosed
        else { return [] }
        state.reconciliation.nextDue = nil
        return startReconciliation(.control, now: now)
    }

    /// Pushes for this peer were dropped before they reached the session (the peer was slow): a
    /// live initiator reconciles again at once to repair them; otherwise the next reconciliation does.
    public mutating func onPushesMissed(now: UInt64) -> [Directive] {
        state.pushes.missed = true
        return onSyncNow(now: now)
    }

    /// The node is shutting down.
    public mutating func onShutdown() -> [Directive] {
        end(.normal, "the node is shutting down")
    }

    /// The node refuses the peer right after the handshake, before any hello: a goodbye that says
    /// why, then close (wire.md §8).
    public mutating func refuseAtDoor(_ code: WireCode, _ reason: String) -> [Directive] {
        end(code, reason)
    }

    /// The node ends the session for a reason of its own, said to the peer with `code`.
    public mutating func close(_ code: WireCode, _ reason: String) -> [Directive] {
        end(code, reason)
    }
}
