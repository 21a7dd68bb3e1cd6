import ArtelCore
import HTTPTypes

/// The fields of a write's body as the operations of a delta, by the public field names that reads
/// show: `{"title": "…", "salary_min": 150000, "location": {"city": "Москва"}, "tags": ["go"]}`.
///
/// A single field is set to its value, or cleared by `null` (edits only); a set field takes an
/// array whose elements are added. `clear` lists fields to empty and `remove` maps set fields to
/// elements to take out. Timestamps are ISO 8601 (or Unix milliseconds), bytes hex, references
/// `community:record` in hex.
enum FieldValues {
    /// The operations of a create (`creating`) or an edit.
    static func operations(
        _ kind: RecordKind,
        fields: JSONValue?,
        clear: JSONValue? = nil,
        remove: JSONValue? = nil,
        creating: Bool
    ) throws -> [Operation] {
        let schema = kind.schema
        var operations: [Operation] = []
        var given: [(String, JSONValue)] = []
        switch fields {
        case nil, .null: break
        case .object(let members): try flatten(members, prefix: "", schema: schema, kind: kind, into: &given)
        case let other?: throw invalid("fields must be an object of field names and values, not \(other.typeName)")
        }
        for (name, json) in given {
            let spec = schema.field(named: name)!
            switch (spec.cardinality, json) {
            case (.single, .null):
                guard !creating else { throw invalid("\(name) is null; leave it out of a new \(kind)") }
                operations.append(.clear(spec.id))
            case (.single, _):
                operations.append(.set(spec.id, try value(json, of: spec)))
            case (.set, .array(let elements)):
                for element in elements { operations.append(.add(spec.id, try value(element, of: spec))) }
            case (.set, _):
                throw invalid("\(name) is a set: give an array of its elements, not \(json.typeName)")
            }
        }
        switch clear {
        case nil, .null: break
        case .array(let names):
            for item in names {
                guard case .string(let name) = item, let spec = schema.field(named: name) else {
                    throw invalid("clear lists field names of a \(kind); \(item) is not one")
                }
                guard spec.cardinality == .single else {
                    throw invalid("clear \(name): \(name) is a set; take its elements out with remove")
                }
                operations.append(.clear(spec.id))
            }
        case let other?: throw invalid("clear must be an array of field names, not \(other.typeName)")
        }
        switch remove {
        case nil, .null: break
        case .object(let members):
            for (name, elements) in members.sorted(by: { $0.key < $1.key }) {
                guard let spec = schema.field(named: name), spec.cardinality == .set, case .array(let items) = elements
                else {
                    throw invalid("remove maps set fields of a \(kind) to arrays of elements; \"\(name)\" is not one")
                }
                for item in items { operations.append(.remove(spec.id, try value(item, of: spec))) }
            }
        case let other?: throw invalid("remove must be an object of set fields and arrays, not \(other.typeName)")
        }
        guard !operations.isEmpty else { throw invalid("the body changes no field") }
        return operations
    }

    /// Flattens nested objects into dotted names (`salary.min`), refusing names the kind does not have.
    private static func flatten(
        _ members: [String: JSONValue],
        prefix: String,
        schema: KindSchema,
        kind: RecordKind,
        into given: inout [(String, JSONValue)]
    ) throws {
        for (key, json) in members.sorted(by: { $0.key < $1.key }) {
            let name = prefix + key
            if schema.field(named: name) != nil {
                given.append((name, json))
            } else if case .object(let nested) = json,
                schema.fields.contains(where: { $0.name.hasPrefix(name + ".") })
            {
                try flatten(nested, prefix: name + ".", schema: schema, kind: kind, into: &given)
            } else {
                throw APIError(
                    .unprocessableContent,
                    "unknown_field",
                    "a \(kind) has no field \"\(name)\"; its fields are \(schema.fields.map(\.name).joined(separator: ", "))"
                )
            }
        }
    }

    /// One value of a field, checked against the field's type (its rule is checked when the delta is).
    private static func value(_ json: JSONValue, of spec: FieldSpec) throws -> Value {
        switch (spec.type, json) {
        case (.string, .string(let text)): return .string(text)
        case (.integer, .integer(let number)): return .integer(number)
        case (.boolean, .bool(let flag)): return .boolean(flag)
        case (.timestamp, .integer(let milliseconds)): return .timestamp(milliseconds)
        case (.timestamp, .string(let text)):
            guard let (milliseconds, _) = ISODates.read(text) else {
                throw invalid(
                    "\(spec.name) must be an ISO 8601 time such as 2026-12-01T18:30:00+03:00, not \"\(text.prefix(40))\""
                )
            }
            return .timestamp(milliseconds)
        case (.bytes, .string(let text)):
            guard let bytes = Hex.decode(text) else { throw invalid("\(spec.name) must be bytes in hex") }
            return .bytes(bytes)
        case (.reference, .string(let text)):
            guard let reference = Reference(text: text) else {
                throw invalid("\(spec.name) must be a reference COMMUNITY:RECORD in hex, not \"\(text.prefix(100))\"")
            }
            return .reference(reference)
        case (.references, .array(let items)):
            var references: [Reference] = []
            for item in items {
                guard case .string(let text) = item, let reference = Reference(text: text) else {
                    throw invalid("\(spec.name) must be an array of references COMMUNITY:RECORD in hex")
                }
                references.append(reference)
            }
            return .references(references)
        default:
            throw invalid("\(spec.name) must be \(expected(spec.type)), not \(json.typeName)")
        }
    }

    private static func expected(_ type: ValueType) -> String {
        switch type {
        case .string: "a string"
        case .integer: "a whole number"
        case .boolean: "true or false"
        case .timestamp: "an ISO 8601 time"
        case .bytes: "a hex string"
        case .reference: "a reference COMMUNITY:RECORD"
        case .references: "an array of references"
        }
    }

    private static func invalid(_ message: String) -> APIError {
        APIError(.unprocessableContent, "invalid_field", message)
    }
}
