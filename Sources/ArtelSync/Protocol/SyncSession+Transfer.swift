public import ArtelCore

extension SyncSession {
    /// Asks for more of what reconciliation found missing, keeping at most
    /// ``Limits/maximumWantedInFlight`` ids outstanding, in `want`s of at most
    /// ``Limits/maximumIDsPerWant``.
    mutating func continueWants() -> [Directive] {
        let limits = configuration.limits
        var directives: [Directive] = []
        while !state.toWant.isEmpty && state.wantedInFlight.count < limits.maximumWantedInFlight {
            let room = min(limits.maximumIDsPerWant, limits.maximumWantedInFlight - state.wantedInFlight.count)
            let batch = Array(state.toWant.prefix(room))
            state.toWant.removeFirst(batch.count)
            state.wantedInFlight.formUnion(batch)
            send(.want(batch), into: &directives)
        }
        return directives
    }

    /// Loads the next offers while the connection keeps up.
    mutating func continueOffers() -> [Directive] {
        guard !state.toOffer.isEmpty, !state.loadingOffers, !state.closed,
            state.outboundBytes < configuration.limits.maximumQueuedBytes / 2
        else { return [] }
        let batch = Array(state.toOffer.prefix(configuration.limits.maximumIDsPerWant))
        state.toOffer.removeFirst(batch.count)
        state.loadingOffers = true
        return [.loadDeltas(batch, .offer)]
    }

    /// The peer wants deltas.
    mutating func onWant(_ ids: [DeltaID]) -> [Directive] {
        let limits = configuration.limits
        guard ids.count <= limits.maximumIDsPerWant else {
            return end(.tooManyIDs, "a want of \(ids.count) ids; at most \(limits.maximumIDsPerWant)")
        }
        guard state.outboundBytes < limits.maximumMessageSize * 16 else {
            return end(.tooMuchInFlight, "the peer asks faster than it reads: \(state.outboundBytes) bytes queued")
        }
        return ids.isEmpty ? [] : [.loadDeltas(ids, .answer)]
    }

    /// Deltas read for a `want` or an offer: send them in messages of bounded size, and say which
    /// wanted ones this node no longer keeps.
    public mutating func onDeltasLoaded(
        _ purpose: LoadPurpose,
        _ deltas: [[UInt8]],
        missing: [DeltaID],
        now: UInt64
    ) -> [Directive] {
        guard !state.closed else { return [] }
        var directives: [Directive] = []
        if purpose == .answer && !missing.isEmpty { send(.missing(missing), into: &directives) }
        var batch: [[UInt8]] = []
        var size = 0
        for delta in deltas {
            if size + delta.count > configuration.limits.maximumDeltasMessageSize && !batch.isEmpty {
                send(.deltas(batch), into: &directives)
                batch = []
                size = 0
            }
            batch.append(delta)
            size += delta.count + 4
        }
        if !batch.isEmpty { send(.deltas(batch), into: &directives) }
        if purpose == .offer {
            state.loadingOffers = false
            directives += continueOffers()
        }
        return directives
    }

    /// Deltas from the peer were applied: answer refusals, count them, ask for more.
    public mutating func onApplied(_ results: [Applied], now: UInt64) -> [Directive] {
        guard !state.closed else { return [] }
        var directives: [Directive] = []
        var received = 0
        for result in results {
            if let id = result.id, state.wantedInFlight.remove(id) != nil { received += 1 }
            guard let refusal = result.refusal else { continue }
            send(.refuse(result.id, refusal.code, refusal.message), into: &directives)
            if refusal.code != .notFollowed { state.refusals.append(now) }
        }
        let limits = configuration.limits
        state.refusals.removeAll { $0 + limits.refusalWindow < now }
        if state.refusals.count > limits.maximumRefusals {
            return directives
                + end(
                    .tooManyRefusals,
                    "\(state.refusals.count) refused deltas within \(limits.refusalWindow / 1000) s"
                )
        }
        if received > 0 {
            directives += continueWants()
            directives += advanceAfterDraining(now: now)
        }
        return directives
    }
}
