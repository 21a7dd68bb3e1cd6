public import ArtelCore
public import ArtelSync

/// The live sessions of a node: it lets one session per peer in, fans accepted deltas out to the
/// others, and remembers which peers are kept away for a while.
public actor Hub {
    /// What a session receives from the hub.
    public enum Notice: Sendable {
        /// A delta this node accepted elsewhere, to push.
        case delta([UInt8], Scope)
        /// Reconcile now (`artel sync now`).
        case syncNow
    }

    /// A session's mailbox.
    public typealias Mailbox = @Sendable (Notice) -> Void

    private struct Session {
        let id: Int
        let mailbox: Mailbox
    }

    private var sessions: [PublicKey: Session] = [:]
    private var pending = 0
    private var nextID = 0
    private var bannedUntil: [PublicKey: UInt64] = [:]
    private var recentlyPushed: [DeltaID] = []
    private var recentlyPushedSet: Set<DeltaID> = []
    private let maximumConnections: Int
    private var syncWaiters: [UInt64: @Sendable () -> Void] = [:]
    private var nextSyncWaiter: UInt64 = 0

    /// A hub allowing `maximumConnections` sessions.
    public init(maximumConnections: Int) {
        self.maximumConnections = maximumConnections
    }

    /// Reserves room for a connection before its handshake.
    ///
    /// - Returns: `false` when the node is full.
    public func reserve() -> Bool {
        guard sessions.count + pending < maximumConnections else { return false }
        pending += 1
        return true
    }

    /// Gives back a reservation that did not become a session.
    public func release() {
        pending = max(0, pending - 1)
    }

    /// Why a peer cannot have a session now, as the code and reason of a goodbye; `nil` when it can.
    public func admit(_ peer: PublicKey, now: UInt64) -> (WireCode, String)? {
        if let until = bannedUntil[peer], until > now {
            return (.tooManyRefusals, "kept away for \((until - now) / 1000) s after refused deltas")
        }
        if sessions[peer] != nil { return (.duplicateSession, "a session with this peer is already open") }
        return nil
    }

    /// Turns a reservation into the session of a peer.
    ///
    /// - Returns: the session's id, or `nil` when another session with the peer is open.
    public func register(_ peer: PublicKey, mailbox: @escaping Mailbox) -> Int? {
        pending = max(0, pending - 1)
        guard sessions[peer] == nil else { return nil }
        nextID += 1
        sessions[peer] = Session(id: nextID, mailbox: mailbox)
        return nextID
    }

    /// Ends a session.
    public func unregister(_ peer: PublicKey, id: Int) {
        if sessions[peer]?.id == id { sessions[peer] = nil }
    }

    /// Keeps a peer away until `until` (Unix milliseconds).
    public func ban(_ peer: PublicKey, until: UInt64) {
        bannedUntil[peer] = until
    }

    /// The peers with a session now.
    public var connected: Set<PublicKey> { Set(sessions.keys) }

    /// The ones among `ids` that were not pushed lately.
    public func unpushed(_ ids: [DeltaID]) -> Set<DeltaID> {
        Set(ids.filter { !recentlyPushedSet.contains($0) })
    }

    /// Pushes accepted deltas to every session but their origin's, remembering them so that the
    /// watcher of local changes does not push them again.
    public func broadcast(_ deltas: [(id: DeltaID, bytes: [UInt8], scope: Scope)], from origin: PublicKey?) {
        for delta in deltas where !recentlyPushedSet.contains(delta.id) {
            remember(delta.id)
            for (peer, session) in sessions where peer != origin { session.mailbox(.delta(delta.bytes, delta.scope)) }
        }
    }

    /// Asks every session to reconcile now, or only the session of one peer.
    public func syncNow(_ peer: PublicKey? = nil) {
        for (key, session) in sessions where peer == nil || key == peer { session.mailbox(.syncNow) }
        for waiter in syncWaiters.values { waiter() }
        syncWaiters = [:]
    }

    /// Calls `waiter` at the next ``syncNow(_:)``, so that a dialer waiting out a backoff dials at once.
    ///
    /// - Returns: A token for ``forgetSyncNowWaiter(_:)``, to call once the wait is over.
    public func onSyncNow(_ waiter: @escaping @Sendable () -> Void) -> UInt64 {
        nextSyncWaiter += 1
        syncWaiters[nextSyncWaiter] = waiter
        return nextSyncWaiter
    }

    /// Drops a waiter registered with ``onSyncNow(_:)`` that is no longer waiting.
    public func forgetSyncNowWaiter(_ token: UInt64) {
        syncWaiters[token] = nil
    }

    private func remember(_ id: DeltaID) {
        recentlyPushed.append(id)
        recentlyPushedSet.insert(id)
        if recentlyPushed.count > 200_000 {
            for old in recentlyPushed.prefix(100_000) { recentlyPushedSet.remove(old) }
            recentlyPushed.removeFirst(100_000)
        }
    }
}
