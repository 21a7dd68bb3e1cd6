import ArtelCore

extension SyncSession {
    /// The initiator starts reconciling a plane: items first.
    mutating func startReconciliation(_ plane: Plane, now: UInt64) -> [Directive] {
        state.reconciliation.running = (ReconciliationReport(plane: plane, started: now), nil)
        return [.loadItems(plane, state.shared)]
    }

    /// The items of a plane, sorted by (timestamp, id), as the shell read them.
    public mutating func onItems(_ plane: Plane, _ items: [NegentropyItem], now: UInt64) -> [Directive] {
        guard !state.isClosed else { return [] }
        let storage = NegentropyStorage(items)
        let limit = configuration.limits.reconciliationFrameSize
        switch configuration.role {
        case .initiator:
            guard var current = state.reconciliation.running, current.report.plane == plane, current.negentropy == nil
            else {
                return []
            }
            do {
                var negentropy = try Negentropy(storage: storage, frameSizeLimit: limit)
                let first = try negentropy.initiate()
                current.report.items = items.count
                current.report.bytesSent += first.count
                state.reconciliation.running = (current.report, negentropy)
                var directives: [Directive] = []
                send(.reconcileOpen(plane, payload: first), into: &directives)
                return directives
            } catch {
                return end(.normal, "reconciling the \(plane) plane failed here: \(error)")
            }
        case .responder:
            guard let payload = state.reconciliation.opening.removeValue(forKey: plane) else { return [] }
            do {
                return answer(plane, with: try Negentropy(storage: storage, frameSizeLimit: limit), to: payload)
            } catch {
                return reconciliationFailed(plane, error)
            }
        }
    }

    /// The responder is asked to reconcile a plane.
    mutating func onReconcileOpen(_ plane: Plane, _ payload: [UInt8]) -> [Directive] {
        guard configuration.role == .responder else {
            return end(.protocolViolation, "a reconcile open sent to its initiator")
        }
        guard state.reconciliation.serving[plane] == nil, state.reconciliation.opening[plane] == nil else {
            return end(.protocolViolation, "a reconcile open for the \(plane) plane, which is already open")
        }
        state.reconciliation.opening[plane] = payload
        return [.loadItems(plane, state.shared)]
    }

    /// The responder gets the next message of a reconciliation.
    mutating func onReconcileContinue(_ plane: Plane, _ payload: [UInt8]) -> [Directive] {
        guard let negentropy = state.reconciliation.serving[plane] else {
            return end(.protocolViolation, "a reconcile message for the \(plane) plane, which is not open")
        }
        return answer(plane, with: negentropy, to: payload)
    }

    /// The responder answers one message of a plane's reconciliation.
    private mutating func answer(_ plane: Plane, with negentropy: Negentropy, to payload: [UInt8]) -> [Directive] {
        var negentropy = negentropy
        do {
            let reply = try negentropy.reconcile(payload)
            state.reconciliation.serving[plane] = negentropy
            var directives: [Directive] = []
            send(.reconcileMessage(plane, payload: reply), into: &directives)
            return directives
        } catch {
            return reconciliationFailed(plane, error)
        }
    }

    /// The initiator gets the responder's answer: offer what the peer lacks, want what it has.
    mutating func onReconcileReply(_ plane: Plane, _ payload: [UInt8], now: UInt64) -> [Directive] {
        guard var current = state.reconciliation.running, current.report.plane == plane,
            var negentropy = current.negentropy
        else {
            return end(.protocolViolation, "a reconcile message for the \(plane) plane, which is not being reconciled")
        }
        var have: [Bytes32] = []
        var need: [Bytes32] = []
        let next: [UInt8]?
        do {
            next = try negentropy.reconcile(payload, have: &have, need: &need)
        } catch {
            return reconciliationFailed(plane, error)
        }
        current.report.roundTrips += 1
        current.report.bytesReceived += payload.count
        current.report.bytesSent += next?.count ?? 0
        current.report.offered += have.count
        current.report.wanted += need.count
        state.reconciliation.running = (current.report, negentropy)
        state.transfer.toOffer += have.map(DeltaID.init)
        state.transfer.toWant += need.map(DeltaID.init)
        var directives: [Directive] = []
        if let next {
            send(.reconcileMessage(plane, payload: next), into: &directives)
        } else {
            send(.reconcileClose(plane), into: &directives)
            current.report.milliseconds = now - current.report.started
            directives.append(.reconciled(current.report))
            state.reconciliation.running = nil
            state.reconciliation.draining = plane
            state.reconciliation.drainingSince = now
        }
        directives += continueWants()
        directives += continueLoading()
        directives += advanceAfterDraining(now: now)
        return directives
    }

    /// Once a finished plane's wanted deltas have all arrived, go on: control, then data, then live.
    mutating func advanceAfterDraining(now: UInt64) -> [Directive] {
        guard let plane = state.reconciliation.draining, state.transfer.toWant.isEmpty,
            state.transfer.wantedInFlight.isEmpty
        else { return [] }
        state.reconciliation.draining = nil
        state.reconciliation.drainingSince = nil
        if plane == .control { return startReconciliation(.data, now: now) }
        let interval = configuration.reconcileInterval
        if state.pushes.missed {
            // Pushes were dropped while reconciling: reconcile again at once to pick them up.
            state.pushes.missed = false
            state.reconciliation.nextDue = now
        } else {
            state.reconciliation.nextDue = now + interval - interval / 5 + state.nextRandom() % (interval * 2 / 5 + 1)
        }
        return becameLive(now: now)
    }

    private mutating func reconciliationFailed(_ plane: Plane, _ error: any Error) -> [Directive] {
        var directives: [Directive] = []
        let reason = "\(error)"
        send(.reconcileError(plane, .malformedMessage, reason), into: &directives)
        return directives + end(.malformedMessage, "reconciling the \(plane) plane: \(reason)")
    }
}
