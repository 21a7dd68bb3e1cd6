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
        /// Both nodes dialed each other; the session the other one dialed stays, this one ends.
        case superseded
    }

    /// A session's mailbox.
    public typealias Mailbox = @Sendable (Notice) -> Void

    /// Why a peer cannot have a session now: the code and reason of the goodbye it is told.
    public struct Refusal: Error, Sendable {
        /// The session code.
        public let code: WireCode
        /// The reason, for the peer and the log.
        public let reason: String
    }

    private struct Session {
        let id: Int
        let role: SyncSession.Role
        let mailbox: Mailbox
    }

    /// The key of the node whose sessions these are.
    public nonisolated let nodeKey: PublicKey
    private let maximumConnections: Int
    private var sessions: [PublicKey: Session] = [:]
    private var reservations: Set<Int> = []
    private var lastID = 0
    private var bannedUntil: [PublicKey: UInt64] = [:]
    private var recentlyPushed: [DeltaID] = []
    private var recentlyPushedSet: Set<DeltaID> = []
    private var syncWaiters: [UInt64: @Sendable () -> Void] = [:]
    private var nextSyncWaiter: UInt64 = 0

    /// The hub of the node `nodeKey`, allowing `maximumConnections` connections.
    public init(maximumConnections: Int, nodeKey: PublicKey) {
        self.maximumConnections = maximumConnections
        self.nodeKey = nodeKey
    }

    /// How many peers have a session now.
    public var connectedPeers: Int { sessions.count }

    /// Reserves room for a connection before its handshake.
    ///
    /// - Returns: the reservation, to give to ``register(_:role:reservation:now:mailbox:)`` and to
    ///   ``release(_:)`` when the connection ends; `nil` when the node is full.
    public func reserve() -> Int? {
        guard sessions.count + reservations.count < maximumConnections else { return nil }
        lastID += 1
        reservations.insert(lastID)
        return lastID
    }

    /// Gives back a reservation when its connection ends. Releasing one that became a session, or
    /// releasing twice, does nothing.
    public func release(_ reservation: Int) {
        reservations.remove(reservation)
    }

    /// Turns a reservation into the session of a peer.
    ///
    /// When both nodes dialed each other, the session dialed by the node with the smaller key stays:
    /// both sides decide alike, so exactly one of the two survives. A session this one replaces is
    /// told ``Notice/superseded``.
    ///
    /// - Returns: the session's id.
    /// - Throws: ``Refusal`` when the peer is kept away or already has a session that stays.
    public func register(
        _ peer: PublicKey,
        role: SyncSession.Role,
        reservation: Int,
        now: UInt64,
        mailbox: @escaping Mailbox
    ) throws(Refusal) -> Int {
        if let until = bannedUntil[peer], until > now {
            throw Refusal(
                code: .tooManyRefusals,
                reason: "kept away for \((until - now) / 1000) s after refused deltas"
            )
        }
        if let existing = sessions[peer] {
            let dialer = role == .initiator ? nodeKey : peer
            guard existing.role != role, dialer.hex < (role == .initiator ? peer : nodeKey).hex else {
                throw Refusal(code: .duplicateSession, reason: "a session with this peer is already open")
            }
            existing.mailbox(.superseded)
        }
        reservations.remove(reservation)
        lastID += 1
        sessions[peer] = Session(id: lastID, role: role, mailbox: mailbox)
        return lastID
    }

    /// Ends a session.
    ///
    /// - Returns: whether it was the peer's session (not one that another replaced).
    @discardableResult
    public func unregister(_ peer: PublicKey, id: Int) -> Bool {
        guard sessions[peer]?.id == id else { return false }
        sessions[peer] = nil
        return true
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
