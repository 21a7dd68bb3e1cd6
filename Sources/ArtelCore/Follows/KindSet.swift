/// A set of record kinds, as a bitmask (bit *n* = kind *n*), the form it takes on the wire.
public struct KindSet: OptionSet, Hashable, Sendable {
    /// The bitmask.
    public let rawValue: UInt32

    /// A set from its bitmask; bits of kinds this version does not know match nothing.
    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// The set holding one kind.
    public init(_ kind: RecordKind) {
        rawValue = 1 << UInt32(kind.rawValue)
    }

    /// The set of some kinds.
    public init(_ kinds: some Sequence<RecordKind>) {
        rawValue = kinds.reduce(0) { $0 | 1 << UInt32($1.rawValue) }
    }

    /// Every registered kind.
    public static let all = KindSet(RecordKind.allCases)

    /// The kinds that decide who may write in a community: its profile, grants and revocations.
    /// Every follow of a community brings them (``FollowSet``), and sessions reconcile them first.
    public static let controlPlane = KindSet([RecordKind.community, .grant, .revocation])

    /// Whether the set holds a kind.
    public func contains(_ kind: RecordKind) -> Bool {
        rawValue & (1 << UInt32(kind.rawValue)) != 0
    }

    /// The kinds in the set, in registry order.
    public var kinds: [RecordKind] { RecordKind.allCases.filter(contains) }
}
