/// The fields and rules of one record kind (DESIGN §7, registry in `protocol/encoding.md`).
public struct KindSchema: Sendable {
    /// How the record id of a kind is chosen.
    public enum Identity: Sendable {
        /// Any 16 bytes; new records take a UUIDv7.
        case generated
        /// Derived from the community key (``RecordID/community(_:)``).
        case community
        /// Derived from the `person` and `community` fields (``RecordID/membership(person:community:)``).
        case membership
        /// Derived from the `from`, `to` and `type` fields (``RecordID/tie(from:to:type:)``).
        case tie
        /// Derived from the author and the timestamp (``RecordID/grant(issuer:timestamp:)``).
        case grant
    }

    /// How long deltas of a kind may live.
    public enum ExpiryRule: Sendable {
        /// The expiry must be 0: such records do not expire.
        case never
        /// The expiry must be set, and at most this many days after the delta's timestamp.
        case days(UInt64)
        /// The expiry must be set, and at most 30 days after the event's end (or start) when the delta
        /// carries it, else at most 30 days after the delta's timestamp. A delete may carry any expiry.
        case afterEventEnd
        /// Either 0 or any moment after the timestamp: control-plane deltas end with what they grant.
        case optional
    }

    /// The kind.
    public let kind: RecordKind
    /// Every registered field, in id order.
    public let fields: [FieldSpec]
    /// Pairs of fields (lower, upper) that a delta setting both must keep in order.
    public let ranges: [(lower: FieldSpec, upper: FieldSpec)]
    /// How record ids are chosen.
    public let identity: Identity
    /// How long deltas live.
    public let expiry: ExpiryRule

    // Field ids are small and dense, so the lookup by id is an array index.
    private let byID: [FieldSpec?]
    private let byName: [String: FieldSpec]

    init(
        kind: RecordKind,
        identity: Identity = .generated,
        expiry: ExpiryRule,
        ranges: [(lower: String, upper: String)] = [],
        fields: [FieldSpec]
    ) {
        self.kind = kind
        self.fields = fields
        self.identity = identity
        self.expiry = expiry
        let byName = Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0) })
        self.byName = byName
        self.ranges = ranges.map { (byName[$0.lower]!, byName[$0.upper]!) }
        var byID = [FieldSpec?](repeating: nil, count: Int(fields.map(\.id.rawValue).max() ?? 0) + 1)
        for field in fields { byID[Int(field.id.rawValue)] = field }
        self.byID = byID
    }

    /// The field with this id, if registered.
    public func field(_ id: FieldID) -> FieldSpec? {
        Int(id.rawValue) < byID.count ? byID[Int(id.rawValue)] : nil
    }

    /// The field with this public name, if registered.
    public func field(named name: String) -> FieldSpec? { byName[name] }

    /// The field with this public name; the name must be registered.
    public subscript(name: String) -> FieldSpec {
        guard let spec = byName[name] else { preconditionFailure("\(kind.name) has no field named \(name)") }
        return spec
    }

    /// The schemas of all kinds, indexed by raw kind value minus one.
    static let registry: [KindSchema] = [
        .community, .person, .membership, .tie, .job, .digest, .event, .grant, .revocation,
    ]

    /// Days in milliseconds.
    static let day: UInt64 = 86_400_000
}

/// The visibility field every data kind carries (DESIGN §6).
extension FieldSpec {
    static func visibility(_ id: UInt16) -> FieldSpec {
        FieldSpec(id, "visibility", .string, .single, .oneOf(Visibility.allNames))
    }
}

/// Who may see a record (DESIGN §6).
public enum Visibility: String, Sendable, CaseIterable {
    /// Never leaves the node that made it.
    case `private`
    /// Replicated to peers, never in public exports or feeds.
    case federation
    /// Anyone may see it.
    case `public`

    static let allNames = allCases.map(\.rawValue)
}
