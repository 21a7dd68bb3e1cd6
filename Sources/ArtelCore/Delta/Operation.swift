/// The number of a field within its record kind, registered in `protocol/encoding.md`.
///
/// Field 0 is reserved: it names the record itself, the register that `delete` writes.
public struct FieldID: RawRepresentable, Hashable, Comparable, Sendable, ExpressibleByIntegerLiteral,
    CustomStringConvertible
{
    /// The registered number.
    public let rawValue: UInt16

    /// Wraps a field number.
    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    public init(integerLiteral value: UInt16) {
        rawValue = value
    }

    /// The reserved id of the record register.
    public static let record = FieldID(rawValue: 0)

    public static func < (lhs: FieldID, rhs: FieldID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { "field \(rawValue)" }
}

/// One change to a record. A delta carries one or more, on distinct registers.
public enum Operation: Hashable, Sendable {
    /// Sets a single-valued field.
    case set(FieldID, Value)
    /// Empties a single-valued field.
    case clear(FieldID)
    /// Adds an element to a set field.
    case add(FieldID, Value)
    /// Removes an element from a set field.
    case remove(FieldID, Value)
    /// Deletes the whole record, for good.
    case delete

    /// The field the operation writes (``FieldID/record`` for `delete`).
    public var field: FieldID {
        switch self {
        case .set(let field, _), .clear(let field), .add(let field, _), .remove(let field, _): field
        case .delete: .record
        }
    }

    /// The register the operation writes: the field, and the element for set operations.
    public var register: RegisterKey {
        switch self {
        case .set(let field, _), .clear(let field): RegisterKey(field: field, element: nil)
        case .add(let field, let element), .remove(let field, let element): RegisterKey(field: field, element: element)
        case .delete: RegisterKey(field: .record, element: nil)
        }
    }

    /// The tag of the operation in the encoding.
    var tag: UInt8 {
        switch self {
        case .set: 1
        case .clear: 2
        case .add: 3
        case .remove: 4
        case .delete: 5
        }
    }
}

/// A register of a record: one per single-valued field, one per (set field, element), and one for
/// the record itself.
public struct RegisterKey: Hashable, Sendable {
    /// The field.
    public let field: FieldID
    /// The element, for set fields; `nil` for single-valued fields and the record register.
    public let element: Value?

    /// Names a register.
    public init(field: FieldID, element: Value?) {
        self.field = field
        self.element = element
    }
}
