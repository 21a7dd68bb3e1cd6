/// A typed value of an operation. Each type has a one-byte tag in the encoding, so a node can
/// decode, store and relay values of fields it does not know.
public enum Value: Hashable, Sendable {
    /// UTF-8 text.
    case string(String)
    /// A signed 64-bit integer.
    case integer(Int64)
    /// A boolean.
    case boolean(Bool)
    /// A moment, in Unix milliseconds.
    case timestamp(Int64)
    /// Raw bytes, such as a key.
    case bytes([UInt8])
    /// A reference to one record.
    case reference(Reference)
    /// An ordered list of references.
    case references([Reference])

    /// The type of the value.
    public var type: ValueType {
        switch self {
        case .string: .string
        case .integer: .integer
        case .boolean: .boolean
        case .timestamp: .timestamp
        case .bytes: .bytes
        case .reference: .reference
        case .references: .references
        }
    }
}

/// The type of a ``Value``, with its tag in the encoding.
public enum ValueType: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    case string = 1
    case integer = 2
    case boolean = 3
    case timestamp = 4
    case bytes = 5
    case reference = 6
    case references = 7

    public var description: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .boolean: "boolean"
        case .timestamp: "timestamp"
        case .bytes: "bytes"
        case .reference: "reference"
        case .references: "reference list"
        }
    }
}
