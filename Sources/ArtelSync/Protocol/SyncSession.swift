public import ArtelCore

/// One session with a peer, as a pure state machine (an *Instance*): it takes events and returns
/// ``Directive``s, and never touches a socket, a clock or the replica itself. ArtelNode's session
/// loop drives it.
///
/// The sequence (`protocol/wire.md` §5): both sides send ``Hello``; the initiator (the side that
/// dialed) reconciles the control plane, then the data plane, with Negentropy over the scopes both
/// sides follow, offering what the peer lacks and asking (`want`) for what it lacks itself, in
/// bounded batches; then the session is live and pushes flow both ways; the initiator reconciles
/// again every ``Configuration/reconcileInterval``, with jitter.
public struct SyncSession: Sendable {
    /// Which side of the connection this is.
    public enum Role: Sendable, Hashable {
        /// Dialed the peer: runs the reconciliations.
        case initiator
        /// Accepted the peer: answers them.
        case responder
    }

    /// Why a load of deltas was asked for.
    public enum LoadPurpose: Sendable, Hashable {
        /// To answer the peer's `want`.
        case answer
        /// To offer what reconciliation found the peer lacks.
        case offer
    }

    /// What the shell must do.
    public enum Directive: Sendable, Hashable {
        /// Write a message to the peer.
        case send(Message)
        /// Read the reconciliation items of the plane's kinds in the followed scopes, then call
        /// ``SyncSession/onItems(_:_:now:)``.
        case loadItems(Plane, FollowSet)
        /// Read kept deltas by id (missing ones are skipped), then call
        /// ``SyncSession/onDeltasLoaded(_:_:missing:now:)`` with the same purpose.
        case loadDeltas([DeltaID], LoadPurpose)
        /// Store the deltas the peer sent (admitted when they were read), then call
        /// ``SyncSession/onApplied(_:now:)``; `urgent` for a push, which should spread at once
        /// rather than wait for a batch to fill.
        case apply([[UInt8]], urgent: Bool)
        /// A plane's reconciliation finished (the initiator's count of it).
        case reconciled(ReconciliationReport)
        /// The first reconciliation of both planes, and the transfers it asked for, are done: from
        /// now on the session pushes. Given once per session.
        case caughtUp
        /// Close the connection after writing what is queued; the code says why.
        case close(WireCode, String)
        /// Refuse the peer's connections until this moment (Unix milliseconds): it sent too many
        /// deltas that were wrong.
        case keepAway(until: UInt64)
    }

    /// What became of one applied delta, as the session needs to know it.
    public struct Applied: Sendable, Hashable {
        /// The delta's id, when its bytes could be decoded.
        public let id: DeltaID?
        /// Why it was refused, or `nil` when it was not.
        public let refusal: DeltaError?

        /// A result.
        public init(id: DeltaID?, refusal: DeltaError?) {
            self.id = id
            self.refusal = refusal
        }
    }

    /// The fixed settings of a session.
    public struct Configuration: Sendable {
        /// This node's hello.
        public var hello: Hello
        /// The role.
        public var role: Role
        /// The limits.
        public var limits = Limits()
        /// How often the initiator reconciles a live session, in milliseconds.
        public var reconcileInterval: UInt64 = 300_000
        /// A seed for the jitter of reconciliations.
        public var seed: UInt64 = 0x5eed
        /// How long a peer cut off for too many refusals is kept away, in milliseconds.
        public var keepAwayDuration: UInt64 = 600_000

        /// A configuration.
        public init(hello: Hello, role: Role) {
            self.hello = hello
            self.role = role
        }
    }

    let configuration: Configuration
    var state = State()

    /// A session that has not started.
    public init(_ configuration: Configuration) {
        self.configuration = configuration
        state.random = configuration.seed
    }

    /// Whether the first reconciliation has finished and pushes flow.
    public var isLive: Bool { state.isLive }
    /// Whether the session has ended.
    public var isClosed: Bool { state.isClosed }
    /// Ids reconciliation found missing here and not yet received, asked for or not.
    public var remainingWanted: Int { state.transfer.toWant.count + state.transfer.wantedInFlight.count }
}
