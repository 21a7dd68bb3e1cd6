/// A grant (DESIGN §5): the right of one key to write some kinds of record in a community between
/// two dates, read from the delta that made it.
///
/// A grant is written once, whole; it ends through a ``Revocation``, never through an edit.
public struct Grant: Hashable, Sendable {
    /// The grant's record id, which revocations and child grants name.
    public let id: RecordID
    /// The delta that made it.
    public let delta: DeltaID
    /// When it was signed.
    public let timestamp: HLC
    /// The community it gives the right to write for.
    public let community: PublicKey
    /// The key that signed it: the community key, or the holder of a grant that allows delegation.
    public let issuer: PublicKey
    /// The key it gives the right to.
    public let grantee: PublicKey
    /// The kinds of record the grantee may write.
    public let kinds: Set<RecordKind>
    /// The first moment the grantee may write, in Unix milliseconds.
    public let validFrom: Int64
    /// The last moment the grantee may write, in Unix milliseconds.
    public let validUntil: Int64
    /// Whether the grantee may grant narrower rights to others.
    public let mayDelegate: Bool
    /// The grant this one was made under, when its issuer is not the community key.
    public let parent: RecordID?

    /// The longest a grant may last: a year, leap day included.
    public static let longestMilliseconds: Int64 = 366 * 86_400_000

    /// Reads a grant from its delta.
    ///
    /// - Throws: ``DeltaError`` when the delta is not a whole grant: an edit, a delete, no kinds,
    ///   control-plane kinds, more than a year, or a parent in another community.
    public init(_ signed: SignedDelta) throws(DeltaError) {
        try self.init(signed.delta, id: signed.id)
    }

    /// Checks that a delta is a whole grant, as ``init(_:)`` reads it, before it is signed.
    public static func check(_ delta: Delta) throws(DeltaError) {
        _ = try Grant(delta, id: DeltaID(.zero))
    }

    private init(_ delta: Delta, id: DeltaID) throws(DeltaError) {
        precondition(delta.kind == .grant, "reading a grant from a \(delta.kind) delta")
        var grantee: PublicKey?
        var kinds: Set<RecordKind> = []
        var from: Int64?
        var until: Int64?
        var mayDelegate = false
        var parent: RecordID?
        for operation in delta.operations {
            switch operation {
            case .set(1, .bytes(let bytes)): grantee = Bytes32(bytes).map(PublicKey.init)
            case .add(2, .string(let name)): if let kind = RecordKind(name: name) { kinds.insert(kind) }
            case .set(3, .timestamp(let moment)): from = moment
            case .set(4, .timestamp(let moment)): until = moment
            case .set(5, .boolean(let flag)): mayDelegate = flag
            case .set(6, .reference(let reference)):
                guard reference.community == delta.community else {
                    throw DeltaError(.invalidField, "parent names a grant of another community")
                }
                parent = reference.record
            case .set, .add: continue
            case .clear, .remove, .delete:
                throw DeltaError(.invalidField, "a grant is written once, whole; to end it, revoke it")
            }
        }
        guard let grantee, let from, let until else {
            throw DeltaError(.requiredField, "a grant names its grantee, valid_from and valid_until")
        }
        guard !kinds.isEmpty else { throw DeltaError(.requiredField, "kinds: a grant names at least one kind") }
        if let kind = kinds.first(where: \.isGrantOrRevocation) {
            throw DeltaError(
                .invalidField,
                "kinds cannot include \(kind): the right to grant is may_delegate, the right to revoke is the issuer's"
            )
        }
        guard until - from <= Self.longestMilliseconds else {
            throw DeltaError(
                .invalidField,
                "valid_until is more than a year after valid_from: a grant lasts at most a year"
            )
        }
        self.id = delta.record
        self.delta = id
        self.timestamp = delta.timestamp
        self.community = delta.community
        self.issuer = delta.author
        self.grantee = grantee
        self.kinds = kinds
        self.validFrom = from
        self.validUntil = until
        self.mayDelegate = mayDelegate
        self.parent = parent
    }

    /// The operations of a new grant delta.
    ///
    /// - Parameters:
    ///   - grantee: the key that may write.
    ///   - kinds: what it may write.
    ///   - validFrom: the first moment, in Unix milliseconds.
    ///   - validUntil: the last moment, at most a year later.
    ///   - mayDelegate: whether the grantee may grant narrower rights.
    ///   - parent: the grant this one is made under, when the issuer is not the community key.
    ///   - note: why, for people.
    public static func operations(
        grantee: PublicKey,
        kinds: Set<RecordKind>,
        validFrom: Int64,
        validUntil: Int64,
        mayDelegate: Bool = false,
        parent: Reference? = nil,
        note: String? = nil
    ) -> [Operation] {
        var operations: [Operation] = [
            .set(1, .bytes(Array(grantee.bytes.bytes))),
            .set(3, .timestamp(validFrom)),
            .set(4, .timestamp(validUntil)),
        ]
        operations += kinds.sorted { $0.rawValue < $1.rawValue }.map { .add(2, .string($0.name)) }
        if mayDelegate { operations.append(.set(5, .boolean(true))) }
        if let parent { operations.append(.set(6, .reference(parent))) }
        if let note { operations.append(.set(7, .string(note))) }
        return operations
    }
}

/// A revocation (DESIGN §5): ends a grant, and every grant made under it, from an HLC on; a
/// *compromised* revocation voids everything ever made under the grant.
public struct Revocation: Hashable, Sendable {
    /// The delta that made it.
    public let delta: DeltaID
    /// The key that signed it.
    public let issuer: PublicKey
    /// The grant it ends.
    public let grant: RecordID
    /// Deltas stamped at or after this HLC are no longer covered by the grant.
    public let effectiveFrom: HLC
    /// Whether the grant's key was compromised, which voids everything made under it.
    public let compromised: Bool

    /// The operations of a new revocation delta.
    ///
    /// - Parameters:
    ///   - grant: the grant it ends.
    ///   - effectiveFrom: deltas stamped from this HLC on are no longer covered.
    ///   - compromised: whether everything ever made under the grant is void.
    ///   - reason: why, for people.
    public static func operations(
        grant: Reference,
        effectiveFrom: HLC,
        compromised: Bool = false,
        reason: String? = nil
    ) -> [Operation] {
        var operations: [Operation] = [
            .set(1, .reference(grant)),
            .set(2, .integer(Int64(bitPattern: effectiveFrom.rawValue))),
        ]
        if compromised { operations.append(.set(3, .boolean(true))) }
        if let reason { operations.append(.set(4, .string(reason))) }
        return operations
    }

    /// Reads a revocation from its delta.
    ///
    /// - Throws: ``DeltaError`` when the delta is not a whole revocation of a grant of its community.
    public init(_ signed: SignedDelta) throws(DeltaError) {
        try self.init(signed.delta, id: signed.id)
    }

    /// Checks that a delta is a whole revocation, as ``init(_:)`` reads it, before it is signed.
    public static func check(_ delta: Delta) throws(DeltaError) {
        _ = try Revocation(delta, id: DeltaID(.zero))
    }

    private init(_ delta: Delta, id: DeltaID) throws(DeltaError) {
        precondition(delta.kind == .revocation, "reading a revocation from a \(delta.kind) delta")
        var grant: Reference?
        var effectiveFrom: Int64?
        var compromised = false
        for operation in delta.operations {
            switch operation {
            case .set(1, .reference(let reference)): grant = reference
            case .set(2, .integer(let value)): effectiveFrom = value
            case .set(3, .boolean(let flag)): compromised = flag
            case .set, .add: continue
            case .clear, .remove, .delete:
                throw DeltaError(.invalidField, "a revocation is written once, whole, and cannot be taken back")
            }
        }
        guard let grant, let effectiveFrom else {
            throw DeltaError(.requiredField, "a revocation names its grant and effective_from")
        }
        guard grant.community == delta.community else {
            throw DeltaError(.invalidField, "grant names a grant of another community")
        }
        self.delta = id
        self.issuer = delta.author
        self.grant = grant.record
        self.effectiveFrom = HLC(rawValue: UInt64(effectiveFrom))
        self.compromised = compromised
    }
}
