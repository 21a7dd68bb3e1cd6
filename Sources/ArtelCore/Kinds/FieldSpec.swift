/// A registered field of a record kind: number, public name, type and rule.
public struct FieldSpec: Sendable {
    /// Whether a field holds one value or a set of elements.
    public enum Cardinality: Sendable {
        /// One register: written by `set` and `clear`.
        case single
        /// One register per element: written by `add` and `remove`.
        case set
    }

    /// The registered number.
    public let id: FieldID
    /// The public name (JSON key, CLI flag). A dot marks a part of a group (`location.city`).
    public let name: String
    /// The type of the value or of each element.
    public let type: ValueType
    /// One value or a set.
    public let cardinality: Cardinality
    /// What a valid value looks like.
    public let rule: FieldRule
    /// Whether the field may never be cleared.
    public let isRequired: Bool

    /// Registers a field.
    public init(
        _ id: UInt16,
        _ name: String,
        _ type: ValueType,
        _ cardinality: Cardinality = .single,
        _ rule: FieldRule = .any,
        required: Bool = false
    ) {
        self.id = FieldID(rawValue: id)
        self.name = name
        self.type = type
        self.cardinality = cardinality
        self.rule = rule
        isRequired = required
    }

    /// The name of the materialized column: the public name with dots as underscores.
    public var column: String { name.replacingDots() }
}

/// What a valid value of a field looks like, beyond its type.
public enum FieldRule: Sendable {
    /// No rule beyond the type.
    case any
    /// One line of text of at most this many characters (Unicode scalars).
    case line(Int)
    /// Text of at most this many characters; newlines and tabs allowed.
    case text(Int)
    /// One of these strings.
    case oneOf([String])
    /// An http, https, mailto or tg URL.
    case url
    /// An ISO 4217 currency code: three capital letters.
    case currency
    /// A BCP 47 language tag, such as `ru` or `en-GB`.
    case language
    /// An IANA time zone name, such as `Europe/Moscow`, or `UTC`.
    case timeZone
    /// `kind:value`, such as `telegram:@name`.
    case contact
    /// `system:external-id`, optionally followed by a space and a URL.
    case source
    /// An integer in this range.
    case integer(ClosedRange<Int64>)
    /// A moment between 1900 and 9999.
    case moment
    /// Exactly this many bytes.
    case byteCount(Int)
    /// A list of at most this many distinct references.
    case referenceList(Int)
    /// The public name of a record kind.
    case kindName
}

extension String {
    func replacingDots() -> String {
        String(map { $0 == "." ? "_" : $0 })
    }
}
