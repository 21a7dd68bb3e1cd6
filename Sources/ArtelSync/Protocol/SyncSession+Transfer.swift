public import ArtelCore

extension SyncSession {
    /// Asks for more of what reconciliation found missing, keeping at most
    /// ``Limits/maximumWantedInFlight`` ids outstanding, in `want`s of at most
    /// ``Limits/maximumIDsPerWant``.
    mutating func continueWants() -> [Directive] {
        let limits = configuration.limits
        var directives: [Directive] = []
        while !state.transfer.toWant.isEmpty && state.transfer.wantedInFlight.count < limits.maximumWantedInFlight {
            let room = min(limits.maximumIDsPerWant, limits.maximumWantedInFlight - state.transfer.wantedInFlight.count)
            let batch = Array(state.transfer.toWant.prefix(room))
            state.transfer.toWant.removeFirst(batch.count)
            state.transfer.wantedInFlight.formUnion(batch)
            send(.want(batch), into: &directives)
        }
        return directives
    }

    /// Loads the next batch of deltas to send, answers before offers, one load at a time and only
    /// while the connection keeps up: what a slow reader costs this node stays under
    /// ``Limits/maximumQueuedBytes`` and a list of ids.
    mutating func continueLoading() -> [Directive] {
        guard state.transfer.loading == nil, !state.isClosed,
            state.transfer.outboundBytes < configuration.limits.maximumQueuedBytes / 2
        else { return [] }
        let purpose: LoadPurpose
        if !state.transfer.toAnswer.isEmpty {
            purpose = .answer
        } else if !state.transfer.toOffer.isEmpty {
            purpose = .offer
        } else {
            return []
        }
        let size = configuration.limits.maximumIDsPerWant
        let batch = Array(
            purpose == .answer ? state.transfer.toAnswer.prefix(size) : state.transfer.toOffer.prefix(size)
        )
        if purpose == .answer {
            state.transfer.toAnswer.removeFirst(batch.count)
        } else {
            state.transfer.toOffer.removeFirst(batch.count)
        }
        state.transfer.loading = (purpose, batch.count)
        return [.loadDeltas(batch, purpose)]
    }

    /// The peer wants deltas. A peer keeps at most ``Limits/maximumWantedInFlight`` ids
    /// outstanding, so one that wants more before it has been sent what it asked for is flooding.
    mutating func onWant(_ ids: [DeltaID]) -> [Directive] {
        let limits = configuration.limits
        guard ids.count <= limits.maximumIDsPerWant else {
            return end(.tooManyIDs, "a want of \(ids.count) ids; at most \(limits.maximumIDsPerWant)")
        }
        let unanswered =
            state.transfer.toAnswer.count
            + (state.transfer.loading?.purpose == .answer ? state.transfer.loading!.count : 0)
        guard unanswered + ids.count <= limits.maximumWantedInFlight else {
            return end(
                .tooMuchInFlight,
                "the peer asks faster than it reads: it wants \(unanswered + ids.count) deltas not yet sent; at most \(limits.maximumWantedInFlight)"
            )
        }
        state.transfer.toAnswer += ids
        return continueLoading()
    }

    /// Deltas read for a `want` or an offer: send them in messages of bounded size, and say which
    /// wanted ones this node no longer keeps.
    public mutating func onDeltasLoaded(
        _ purpose: LoadPurpose,
        _ deltas: [[UInt8]],
        missing: [DeltaID],
        now: UInt64
    ) -> [Directive] {
        guard !state.isClosed else { return [] }
        var directives: [Directive] = []
        if purpose == .answer && !missing.isEmpty { send(.missing(missing), into: &directives) }
        var batch: [[UInt8]] = []
        var size = 0
        for delta in deltas {
            if size + delta.count + 4 > configuration.limits.maximumDeltasMessageSize && !batch.isEmpty {
                send(.deltas(batch), into: &directives)
                batch = []
                size = 0
            }
            batch.append(delta)
            size += delta.count + 4
        }
        if !batch.isEmpty { send(.deltas(batch), into: &directives) }
        state.transfer.loading = nil
        return directives + continueLoading()
    }

    /// Deltas from the peer were applied: answer refusals, count them, ask for more.
    public mutating func onApplied(_ results: [Applied], now: UInt64) -> [Directive] {
        guard !state.isClosed else { return [] }
        var directives: [Directive] = []
        var received = 0
        for result in results {
            if let id = result.id, state.transfer.wantedInFlight.remove(id) != nil { received += 1 }
            guard let refusal = result.refusal else { continue }
            send(.refuse(result.id, refusal.code, refusal.message), into: &directives)
            // Blocks, erasures, deletions and local limits are this node's choices or state, not the
            // peer's fault (encoding.md §10).
            if refusal.code.blamesSender { state.refusals.append(now) }
        }
        let limits = configuration.limits
        state.refusals.removeAll { $0 + limits.refusalWindow < now }
        if state.refusals.count > limits.maximumRefusals {
            return directives
                + end(
                    .tooManyRefusals,
                    "\(state.refusals.count) refused deltas within \(limits.refusalWindow / 1000) s"
                ) + [.keepAway(until: now + configuration.keepAwayDuration)]
        }
        if received > 0 {
            directives += continueWants()
            directives += advanceAfterDraining(now: now)
        }
        return directives
    }
}
