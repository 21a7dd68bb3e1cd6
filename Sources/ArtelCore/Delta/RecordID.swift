/// The id of a record within its community and kind: 16 bytes.
///
/// New records get a UUIDv7 (time-ordered, so that new rows append to the replica's indexes).
/// Communities, memberships and ties get ids derived from what identifies them (``RecordID/community(_:)``
/// and friends), so the same community, membership or tie cannot be created twice.
public struct RecordID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 16 bytes of the id.
    public let bytes: Bytes16

    /// Wraps 16 bytes.
    public init(_ bytes: Bytes16) {
        self.bytes = bytes
    }

    /// Parses 32 hex characters.
    public init?(hex: some StringProtocol) {
        guard let raw = Hex.decode(hex), let bytes = Bytes16(raw) else { return nil }
        self.bytes = bytes
    }

    /// Lowercase hexadecimal, 32 characters.
    public var hex: String { bytes.hex }

    public var description: String { hex }

    public static func < (lhs: RecordID, rhs: RecordID) -> Bool { lhs.bytes < rhs.bytes }

    /// The RFC 9562 version of the id (its 49th to 52nd bits): 7 when made by an author, 8 when derived.
    public var version: UInt8 { bytes.bytes[6] >> 4 }

    /// Whether the id can belong to a kind whose ids are generated (`protocol/encoding.md` §8): a
    /// UUIDv7 its author made, or a UUIDv8 derived from an imported source's own identifier, with
    /// the RFC 9562 variant bits.
    public var isGenerated: Bool { bytes.bytes[8] >> 6 == 0b10 && (version == 7 || version == 8) }

    /// A UUIDv7 (RFC 9562 §5.7): 48 bits of Unix milliseconds, then random bits.
    ///
    /// - Parameters:
    ///   - milliseconds: the creation time in Unix milliseconds.
    ///   - generator: the source of the 74 random bits.
    public static func version7(milliseconds: UInt64, using generator: inout some RandomNumberGenerator) -> RecordID {
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> (40 - 8 * UInt64(index))) }
        let random = (generator.next(), generator.next())
        for index in 6..<16 {
            let word = index < 11 ? random.0 : random.1
            bytes[index] = UInt8(truncatingIfNeeded: word >> (8 * UInt64(index % 5)))
        }
        bytes[6] = 0x70 | (bytes[6] & 0x0f)
        bytes[8] = 0x80 | (bytes[8] & 0x3f)
        return RecordID(Bytes16(bytes)!)
    }

    /// A UUIDv8 (RFC 9562 §5.8) derived from a domain label and the bytes that identify a record.
    ///
    /// - Parameters:
    ///   - label: the domain separation label, e.g. `artel/membership/v1`.
    ///   - parts: the identifying bytes.
    public static func derived(label: String, from parts: [UInt8]) -> RecordID {
        var input = Array(label.utf8)
        input.append(0)
        input.append(contentsOf: parts)
        var bytes = Blake2b.hash256(input).bytes
        bytes.removeLast(16)
        bytes[6] = 0x80 | (bytes[6] & 0x0f)
        bytes[8] = 0x80 | (bytes[8] & 0x3f)
        return RecordID(Bytes16(bytes)!)
    }

    /// The id of a community's profile record, derived from the community key.
    public static func community(_ community: PublicKey) -> RecordID {
        derived(label: "artel/community/v1", from: community.bytes.bytes)
    }

    /// The id of a grant, derived from its issuer and timestamp, so that no other key can claim it.
    public static func grant(issuer: PublicKey, timestamp: HLC) -> RecordID {
        var parts = issuer.bytes.bytes
        for shift in stride(from: 56, through: 0, by: -8) {
            parts.append(UInt8(truncatingIfNeeded: timestamp.rawValue >> UInt64(shift)))
        }
        return derived(label: "artel/grant/v1", from: parts)
    }

    /// The id of the membership of a person in a community.
    public static func membership(person: Reference, community: Reference) -> RecordID {
        derived(label: "artel/membership/v1", from: person.bytes + community.bytes)
    }

    /// The id of a tie of `type` from one person to another.
    public static func tie(from: Reference, to: Reference, type: String) -> RecordID {
        derived(label: "artel/tie/v1", from: from.bytes + to.bytes + Array(type.utf8))
    }
}
