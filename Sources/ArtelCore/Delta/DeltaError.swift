/// Why a delta was refused: a numeric ``Code`` that travels on the wire and a message for people.
///
/// Every refusal names its cause, and where a field is at fault the message names the field by its
/// public name. Messages never contain keys or signed bytes. Two errors are equal when their codes
/// are: the message is for people, the code is for programs.
public struct DeltaError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The cause of a refusal, as the numeric code that `refuse` messages carry (`protocol/encoding.md`).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The wire value of the code.
        public let rawValue: UInt16
        /// A short stable name, used in logs, JSON and the refusal table.
        public let name: String

        private init(_ rawValue: UInt16, _ name: String) {
            self.rawValue = rawValue
            self.name = name
        }

        public var description: String { name }

        public static func == (lhs: Code, rhs: Code) -> Bool { lhs.rawValue == rhs.rawValue }
        public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

        /// The bytes end before the delta does.
        public static let truncated = Code(100, "truncated")
        /// Bytes follow the signature.
        public static let trailingBytes = Code(101, "trailing_bytes")
        /// The delta is larger than ``SignedDelta/maximumSize``.
        public static let oversized = Code(102, "oversized")
        /// The format version is not one this node reads.
        public static let unsupportedVersion = Code(103, "unsupported_version")
        /// The record kind is not in the registry.
        public static let unknownKind = Code(104, "unknown_kind")
        /// A varint is longer than needed or overflows 64 bits.
        public static let malformedVarint = Code(105, "malformed_varint")
        /// A string is not valid UTF-8.
        public static let invalidUTF8 = Code(106, "invalid_utf8")
        /// A value carries a type tag that is not in the registry.
        public static let unknownValueType = Code(107, "unknown_value_type")
        /// A boolean byte is neither 0 nor 1.
        public static let invalidBoolean = Code(108, "invalid_boolean")
        /// The delta has no operation.
        public static let noOperations = Code(109, "no_operations")
        /// An operation carries a tag that is not in the registry.
        public static let unknownOperation = Code(110, "unknown_operation")
        /// Two operations touch the same register.
        public static let duplicateOperation = Code(111, "duplicate_operation")
        /// A `delete` shares its delta with other operations.
        public static let deleteNotAlone = Code(112, "delete_not_alone")
        /// The bytes are not the canonical encoding of what they decode to.
        public static let nonCanonical = Code(113, "non_canonical")
        /// A field id is zero or too large.
        public static let invalidFieldID = Code(114, "invalid_field_id")
        /// The signature does not verify under the author key.
        public static let badSignature = Code(200, "bad_signature")
        /// The timestamp is more than ten minutes ahead of this node's clock.
        public static let futureTimestamp = Code(300, "future_timestamp")
        /// The delta's expiry has passed.
        public static let expired = Code(301, "expired")
        /// The expiry breaks the rule of the record kind.
        public static let invalidExpiry = Code(302, "invalid_expiry")
        /// An operation breaks the schema of its field: wrong operation, type or value.
        public static let invalidField = Code(400, "invalid_field")
        /// A required field is cleared, or a writer's new record leaves one unset.
        public static let requiredField = Code(401, "required_field")
        /// A text or list is longer than its field allows.
        public static let fieldTooLong = Code(402, "field_too_long")
        /// An enumerated field carries a value outside its set.
        public static let unknownEnumValue = Code(403, "unknown_enum_value")
        /// A URL is malformed or uses a scheme other than http, https, mailto or tg.
        public static let invalidURL = Code(404, "invalid_url")
        /// A lower bound is above its upper bound (salary, dates).
        public static let invertedRange = Code(405, "inverted_range")
        /// The record id breaks its kind's rule: a derived id does not match the fields it derives
        /// from, or a generated one is neither a UUIDv7 nor a UUIDv8.
        public static let invalidRecordID = Code(406, "invalid_record_id")
        /// The author may not write this delta.
        public static let unauthorized = Code(500, "unauthorized")
        /// The grant that covered the author was revoked before the delta was made, or as compromised.
        public static let revoked = Code(501, "revoked")
        /// The delta was made outside the dates of the grant that covers its author and kind.
        public static let outsideGrant = Code(502, "outside_grant")
        /// The node does not follow the delta's community and kind.
        public static let notFollowed = Code(600, "not_followed")
        /// The node's operator blocked the delta's author or community.
        public static let blocked = Code(700, "blocked")
        /// The delta belongs to, or names, a person who was erased.
        public static let erased = Code(701, "erased")
        /// The delta's record is deleted here: a delete is terminal, so nothing after it applies.
        public static let recordDeleted = Code(702, "record_deleted")
        /// This node cannot take the delta now for a limit of its own (its quarantine is full).
        public static let localLimit = Code(800, "local_limit")

        /// Every code, for documentation and tests.
        public static let all: [Code] = [
            .truncated, .trailingBytes, .oversized, .unsupportedVersion, .unknownKind, .malformedVarint,
            .invalidUTF8, .unknownValueType, .invalidBoolean, .noOperations, .unknownOperation,
            .duplicateOperation, .deleteNotAlone, .nonCanonical, .invalidFieldID, .badSignature,
            .futureTimestamp, .expired, .invalidExpiry, .invalidField, .requiredField, .fieldTooLong,
            .unknownEnumValue, .invalidURL, .invertedRange, .invalidRecordID, .unauthorized, .revoked,
            .outsideGrant, .notFollowed, .blocked, .erased, .recordDeleted, .localLimit,
        ]

        /// The code with this wire value. The set is open: a code this version does not know, from a
        /// newer peer, is kept with the name `code_N`.
        public init(rawValue: UInt16) {
            self = Code.all.first { $0.rawValue == rawValue } ?? Code(rawValue, "code_\(rawValue)")
        }

        /// Whether this version names the code.
        public var isKnown: Bool { Code.all.contains(self) }

        /// Whether the refusal says the delta itself is wrong: malformed, badly signed or timed,
        /// invalid, or unauthorized (codes 100–599), so that a sender of many is cut off. Codes from
        /// 600 on say what this node chose or holds (not followed, blocked, erased, deleted, a local
        /// limit), and so does any code this version does not know: they never count against a peer.
        public var blamesSender: Bool { (100..<600).contains(rawValue) && isKnown }
    }

    /// The cause, as a code.
    public let code: Code
    /// What is wrong, naming the field where one is at fault.
    public let message: String

    /// Makes an error.
    ///
    /// - Parameters:
    ///   - code: the cause.
    ///   - message: what is wrong, for people.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.name): \(message)" }

    public static func == (lhs: DeltaError, rhs: DeltaError) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
