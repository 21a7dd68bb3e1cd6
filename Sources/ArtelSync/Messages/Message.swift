public import ArtelCore

/// An application message of the Artel wire protocol, carried over box-stream (`protocol/wire.md`).
public enum Message: Hashable, Sendable {
    /// The first message of each side: who it is and what it follows.
    case hello(Hello)
    /// The answer to a hello of a protocol version this node does not speak: the versions it does.
    case versionUnsupported(ClosedRange<UInt16>)
    /// Starts the reconciliation of a plane with the first Negentropy message.
    case reconcileOpen(Plane, payload: [UInt8])
    /// A further Negentropy message of a plane's reconciliation.
    case reconcileMessage(Plane, payload: [UInt8])
    /// Ends a plane's reconciliation: the initiator learned every difference.
    case reconcileClose(Plane)
    /// A plane's reconciliation failed on the sender's side.
    case reconcileError(Plane, WireCode, String)
    /// Asks for deltas by id.
    case want([DeltaID])
    /// Deltas, answering a `want` or offering what the peer lacks.
    case deltas([[UInt8]])
    /// Ids of a `want` that the sender no longer keeps (pruned or expired since reconciliation).
    case missing([DeltaID])
    /// A delta this node has just accepted, for a live peer.
    case push([UInt8])
    /// A delta the sender refused, and why (a code of `protocol/encoding.md` §10).
    case refuse(DeltaID?, DeltaError.Code, String)
    /// Liveness probe.
    case ping(UInt64)
    /// Answer to a ping, with its nonce.
    case pong(UInt64)
    /// The sender is closing the session, and why.
    case goodbye(WireCode, String)

    /// The type byte of the message on the wire.
    public var type: UInt8 {
        switch self {
        case .hello: 0x01
        case .versionUnsupported: 0x02
        case .reconcileOpen: 0x10
        case .reconcileMessage: 0x11
        case .reconcileClose: 0x12
        case .reconcileError: 0x13
        case .want: 0x20
        case .deltas: 0x21
        case .push: 0x22
        case .refuse: 0x23
        case .missing: 0x24
        case .ping: 0x30
        case .pong: 0x31
        case .goodbye: 0x3f
        }
    }
}

/// The first message: magic, protocol version, names and follows.
public struct Hello: Hashable, Sendable {
    /// The protocol version this node speaks.
    public static let currentVersion: UInt16 = 1
    /// The magic that starts every hello: the bytes `ARTEL`.
    public static let magic: [UInt8] = Array("ARTEL".utf8)

    /// The protocol version of the sender.
    public let version: UInt16
    /// The sender's human name.
    public let nodeName: String
    /// The sender's software and version, such as `artel/0.1.0`.
    public let software: String
    /// What the sender follows.
    public let follows: FollowSet

    /// A hello.
    public init(version: UInt16 = Hello.currentVersion, nodeName: String, software: String, follows: FollowSet) {
        self.version = version
        self.nodeName = nodeName
        self.software = software
        self.follows = follows
    }
}

/// The two planes reconciled in every session, control first (DESIGN §5 and §8.4).
public enum Plane: UInt8, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// Grants, revocations and community profiles: who may write, and for whom.
    case control = 1
    /// Every other kind.
    case data = 2

    /// The plane a kind belongs to.
    public init(_ kind: RecordKind) {
        self = KindSet.controlPlane.contains(kind) ? .control : .data
    }

    /// The kinds of the plane.
    public var kinds: KindSet { KindSet(RecordKind.allCases.filter { Plane($0) == self }) }

    public var description: String { self == .control ? "control" : "data" }
}
