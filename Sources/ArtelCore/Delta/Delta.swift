/// The unit of change and of replication: a set of operations on one record, before signing.
///
/// A delta is identified and signed over its canonical encoding (`protocol/encoding.md`), never over
/// `Codable` output. ``SignedDelta`` pairs it with its bytes, id and signature.
public struct Delta: Hashable, Sendable {
    /// The only format version this node writes and reads.
    public static let formatVersion: UInt8 = 1

    /// The kind of the record.
    public var kind: RecordKind
    /// The community the record belongs to: the community's public key.
    public var community: PublicKey
    /// The key that signs the delta.
    public var author: PublicKey
    /// The record within its community and kind.
    public var record: RecordID
    /// When the change was made, on the author's hybrid logical clock.
    public var timestamp: HLC
    /// When every node drops the delta, in Unix milliseconds; 0 means never.
    public var expiry: UInt64
    /// The changes, on distinct registers; the encoding sorts them.
    public var operations: [Operation]

    /// Makes a delta.
    public init(
        kind: RecordKind,
        community: PublicKey,
        author: PublicKey,
        record: RecordID,
        timestamp: HLC,
        expiry: UInt64,
        operations: [Operation]
    ) {
        self.kind = kind
        self.community = community
        self.author = author
        self.record = record
        self.timestamp = timestamp
        self.expiry = expiry
        self.operations = operations
    }

    /// Whether the delta deletes its record.
    public var isDelete: Bool { operations.contains(.delete) }

    /// The scope the delta replicates in: its community and kind.
    public var scope: Scope { Scope(community: community, kind: kind) }
}

/// A community and a record kind: the unit that nodes follow and reconcile.
public struct Scope: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The community.
    public let community: PublicKey
    /// The record kind.
    public let kind: RecordKind

    /// Names a scope.
    public init(community: PublicKey, kind: RecordKind) {
        self.community = community
        self.kind = kind
    }

    public static func < (lhs: Scope, rhs: Scope) -> Bool {
        (lhs.community, lhs.kind.rawValue) < (rhs.community, rhs.kind.rawValue)
    }

    public var description: String { "\(kind.name)@\(community.hex.prefix(16))" }
}
