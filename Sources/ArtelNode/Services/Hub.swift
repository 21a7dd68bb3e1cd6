public import ArtelCore
public import ArtelStore
public import ArtelSync

/// The live sessions of a node: it lets one session per peer in, fans accepted deltas out to the
/// others, and remembers which peers are kept away for a while.
public actor Hub {
    /// What a session receives from the hub.
    public enum Notice: Sendable {
        /// Deltas this node accepted elsewhere, to push, in order: those one store or one look at
        /// the replica found, together, so that a burst travels in few writes.
        case deltas([(bytes: [UInt8], scope: Scope)])
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
    /// The deltas this node checked lately, or pushed from its own replica: a session takes them
    /// as held when a peer pushes them again, without checking their signatures again
    /// (``Replica/admit(_:now:follows:known:)``).
    public nonisolated let verified = RecentDeltas(capacity: 100_000)
    private let maximumConnections: Int
    private var sessions: [PublicKey: Session] = [:]
    /// Connections in their handshake, with the address of each inbound one (`nil`: dialed).
    private var reservations: [Int: String?] = [:]
    private var inboundHandshakes: [String: Int] = [:]
    private var lastID = 0
    private var bannedUntil: [PublicKey: UInt64] = [:]
    /// The deltas pushed lately, which the watcher of local changes does not push again.
    private let pushed = RecentDeltas(capacity: 100_000)
    /// Deltas sessions are storing, which the watcher of local changes leaves to them.
    private var incoming: Set<DeltaID> = []
    /// Rows of the `deltas` table that sessions stored and pushed, by their first row: the watcher
    /// of local changes skips them without reading them.
    private var sessionRows: [ClosedRange<Int64>] = []
    private var syncWaiters: [UInt64: @Sendable () -> Void] = [:]
    private var nextSyncWaiter: UInt64 = 0

    /// The hub of the node `nodeKey`, allowing `maximumConnections` connections.
    public init(maximumConnections: Int, nodeKey: PublicKey) {
        self.maximumConnections = maximumConnections
        self.nodeKey = nodeKey
    }

    /// How many peers have a session now.
    public var connectedPeers: Int { sessions.count }

    /// How many inbound connections are in their handshake now.
    public var inboundHandshakesInProgress: Int { inboundHandshakes.values.reduce(0, +) }

    /// How many inbound connections may be in their handshake at once: a budget apart from the
    /// sessions', so that strangers who never finish a handshake cannot take the sessions' room.
    public nonisolated var maximumHandshakes: Int { max(4, maximumConnections / 4) }

    /// How many inbound connections from one address may be in their handshake at once.
    public static let handshakesPerAddress = 2

    /// Session slots kept for configured and allow-listed peers (and those this node dials):
    /// strangers may fill the rest.
    public nonisolated var roomForFriends: Int { maximumConnections / 8 }

    /// Reserves room for a connection before its handshake: an inbound one (from `address`) within
    /// the handshake budget and the per-address limit, a dialed one (`address` `nil`) always, while
    /// sessions and connections still in their handshake leave a slot.
    ///
    /// - Returns: the reservation, to give to ``register(_:role:reservation:isFriend:now:mailbox:)``
    ///   and to ``release(_:)`` when the connection ends; `nil` when there is no room.
    public func reserve(from address: String?) -> Int? {
        guard sessions.count + reservations.count < maximumConnections else { return nil }
        if let address {
            let fromAddress = inboundHandshakes[address, default: 0]
            guard fromAddress < Self.handshakesPerAddress, inboundHandshakesInProgress < maximumHandshakes else {
                return nil
            }
            inboundHandshakes[address] = fromAddress + 1
        }
        lastID += 1
        reservations[lastID] = address
        return lastID
    }

    /// Gives back a reservation when its connection ends. Releasing one that became a session, or
    /// releasing twice, does nothing.
    public func release(_ reservation: Int) {
        guard let address = reservations.removeValue(forKey: reservation) else { return }
        if let address {
            inboundHandshakes[address, default: 1] -= 1
            if inboundHandshakes[address] == 0 { inboundHandshakes[address] = nil }
        }
    }

    /// Turns a reservation into the session of a peer.
    ///
    /// When both nodes dialed each other, the session dialed by the node with the smaller key stays:
    /// both sides decide alike, so exactly one of the two survives. A session this one replaces is
    /// told ``Notice/superseded``. A stranger (`isFriend` false) finds no room once only
    /// ``roomForFriends`` slots are left.
    ///
    /// - Returns: the session's id.
    /// - Throws: ``Refusal`` when the peer is kept away, already has a session that stays, or
    ///   finds no room.
    public func register(
        _ peer: PublicKey,
        role: SyncSession.Role,
        reservation: Int,
        isFriend: Bool,
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
        } else if sessions.count >= maximumConnections - (isFriend ? 0 : roomForFriends) {
            throw Refusal(
                code: .overloaded,
                reason: isFriend ? "the node is full" : "the node is full for peers it does not know"
            )
        }
        release(reservation)
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

    /// The ones among `ids` that were not pushed lately, and that no session is storing.
    public func unpushed(_ ids: [DeltaID]) -> Set<DeltaID> {
        Set(ids.filter { !pushed.contains($0) && !incoming.contains($0) })
    }

    /// The most deltas remembered as ``receiving(_:)``: a session that ends between storing a
    /// batch and ``received(_:)`` leaves its ids behind, and they are forgotten past this many.
    /// The watcher then pushes them again, which costs bytes and loses nothing.
    public static let incomingLimit = 100_000

    /// Notes deltas a session is about to store. The watcher of local changes may read them from
    /// the replica before the session has pushed them on; it leaves them to the session, which
    /// pushes them to every peer but the one they came from. Without this, the watcher would push
    /// them to every peer, their origin included, which would check them again for nothing.
    public func receiving(_ ids: [DeltaID]) {
        if incoming.count + ids.count > Self.incomingLimit { incoming = [] }
        incoming.formUnion(ids)
    }

    /// Notes that a session has stored deltas it was ``receiving(_:)``, after pushing the
    /// accepted ones on (``broadcast(_:from:)``).
    public func received(_ ids: [DeltaID]) {
        incoming.subtract(ids)
    }

    /// The most ranges of rows remembered as ``storedBySession(_:)``; past this many the oldest are
    /// forgotten, and the watcher reads their rows, which costs a look and loses nothing.
    public static let sessionRowsLimit = 10_000

    /// Notes the rows a session's store inserted, once it pushed what they hold on (``broadcast(_:from:)``).
    public func storedBySession(_ rows: ClosedRange<Int64>) {
        let place = sessionRows.firstIndex { $0.lowerBound > rows.lowerBound } ?? sessionRows.endIndex
        sessionRows.insert(rows, at: place)
        if sessionRows.count > Self.sessionRowsLimit { sessionRows.removeFirst() }
    }

    /// Where the watcher of local changes, having seen every row up to `row`, reads next: after
    /// the rows sessions stored that follow on from it, and before the next rows they stored.
    ///
    /// - Returns: the last row it may take as seen, and the first row of the next range sessions
    ///   stored (`nil` when none is known): the rows between are for it to read.
    public func rowsToRead(after row: Int64) -> (after: Int64, before: Int64?) {
        var seen = row
        while let first = sessionRows.first, first.lowerBound <= seen + 1 {
            seen = max(seen, first.upperBound)
            sessionRows.removeFirst()
        }
        return (seen, sessionRows.first?.lowerBound)
    }

    /// Pushes accepted deltas to every session but their origin's, remembering them so that the
    /// watcher of local changes does not push them again, and so that a session does not check a
    /// copy a peer sends back (``verified``).
    public func broadcast(_ deltas: [(id: DeltaID, bytes: [UInt8], scope: Scope)], from origin: PublicKey?) {
        var fresh: [(bytes: [UInt8], scope: Scope)] = []
        for delta in deltas where pushed.insert(delta.id) {
            verified.insert(delta.id)
            fresh.append((delta.bytes, delta.scope))
        }
        guard !fresh.isEmpty else { return }
        for (peer, session) in sessions where peer != origin { session.mailbox(.deltas(fresh)) }
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
}
