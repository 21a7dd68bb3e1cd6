/// A reference to a record of another delta: its community and its record id.
///
/// The kind of the referenced record is fixed by the field that holds the reference
/// (a digest's `items` are jobs, a membership's `person` is a person).
public struct Reference: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The community the record belongs to.
    public let community: PublicKey
    /// The record's id within that community.
    public let record: RecordID

    /// The encoded size: 32 bytes of community, 16 of record id.
    public static let encodedCount = 48

    /// Makes a reference.
    public init(community: PublicKey, record: RecordID) {
        self.community = community
        self.record = record
    }

    /// The reference to a community's own profile record.
    public static func community(_ key: PublicKey) -> Reference {
        Reference(community: key, record: .community(key))
    }

    /// Parses the text form `<community hex>:<record hex>`.
    public init?(text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let community = PublicKey(hex: parts[0]), let record = RecordID(hex: parts[1]) else {
            return nil
        }
        self.init(community: community, record: record)
    }

    /// The 48 encoded bytes.
    public var bytes: [UInt8] { community.bytes.bytes + record.bytes.bytes }

    /// The text form `<community hex>:<record hex>`.
    public var description: String { "\(community.hex):\(record.hex)" }

    public static func < (lhs: Reference, rhs: Reference) -> Bool {
        (lhs.community, lhs.record) < (rhs.community, rhs.record)
    }
}
