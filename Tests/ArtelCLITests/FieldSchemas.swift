import ArtelCore
import Foundation

/// The JSON Schemas of each kind's fields, derived from the kinds' own rules (`KindSchema`), as
/// `protocol/openapi.json` must state them: `{Kind}Fields` for records and new records, and
/// `{Kind}FieldChanges` for the `fields` of an edit, where a single field may also be null (cleared).
enum FieldSchemas {
    /// The kinds the API serves, with the name their schemas take.
    static let kinds: [(RecordKind, String)] = [
        (.job, "Job"), (.event, "Event"), (.digest, "Digest"), (.community, "Community"), (.person, "Person"),
        (.membership, "Membership"), (.tie, "Tie"),
    ]

    /// Every generated schema by its component name.
    static var all: [String: Any] {
        var schemas: [String: Any] = [:]
        for (kind, name) in kinds {
            schemas["\(name)Fields"] = object(kind.schema.fields, changes: false)
            schemas["\(name)FieldChanges"] = object(kind.schema.fields, changes: true)
        }
        return schemas
    }

    /// ISO 8601 as the API reads it (`ISODates.read`).
    static let momentPattern = ISODates.pattern

    /// An object of fields, nesting dotted names (`location.city` under `location`).
    private static func object(_ fields: [FieldSpec], changes: Bool) -> [String: Any] {
        var properties: [String: Any] = [:]
        var nested: [String: [FieldSpec]] = [:]
        for field in fields {
            if let dot = field.name.firstIndex(of: ".") {
                nested[String(field.name[..<dot]), default: []].append(
                    field.renamed(String(field.name[dot...].dropFirst()))
                )
            } else {
                properties[field.name] = schema(field, changes: changes)
            }
        }
        for (name, members) in nested { properties[name] = object(members, changes: changes) }
        return ["type": "object", "properties": properties, "additionalProperties": false]
    }

    private static func schema(_ field: FieldSpec, changes: Bool) -> [String: Any] {
        let value = valueSchema(field)
        if field.cardinality == .set { return ["type": "array", "items": value] }
        guard changes else { return value }
        return ["anyOf": [value, ["type": "null"]]]
    }

    private static func valueSchema(_ field: FieldSpec) -> [String: Any] {
        switch field.type {
        case .string: return stringSchema(field.rule)
        case .integer:
            guard case .integer(let range) = field.rule else { return ["type": "integer"] }
            return ["type": "integer", "minimum": range.lowerBound, "maximum": range.upperBound]
        case .boolean: return ["type": "boolean"]
        case .timestamp:
            return [
                "type": ["string", "integer"], "pattern": momentPattern, "minimum": -2_208_988_800_000,
                "maximum": 253_402_300_799_999,
            ]
        case .bytes:
            guard case .byteCount(let count) = field.rule else {
                return ["type": "string", "pattern": "^([0-9a-fA-F]{2})*$"]
            }
            return ["type": "string", "pattern": "^[0-9a-fA-F]{\(count * 2)}$"]
        case .reference: return reference
        case .references:
            var list: [String: Any] = ["type": "array", "items": reference, "uniqueItems": true]
            if case .referenceList(let limit) = field.rule { list["maxItems"] = limit }
            return list
        }
    }

    private static var reference: [String: Any] { ["type": "string", "pattern": "^[0-9a-fA-F]{64}:[0-9a-fA-F]{32}$"] }
    /// No control character; a text also allows tabs and line breaks.
    private static let line = "^[^\\u0000-\\u001f\\u007f]*$"
    private static let text = "^[^\\u0000-\\u0008\\u000b-\\u001f\\u007f]*$"
    private static let url =
        "^([hH][tT][tT][pP][sS]?://[^\\u0000-\\u0020\\u007f/?#@][^\\u0000-\\u0020\\u007f]*"
        + "|[mM][aA][iI][lL][tT][oO]:[^\\u0000-\\u0020\\u007f]*@[^\\u0000-\\u0020\\u007f]*"
        + "|[tT][gG]:[^\\u0000-\\u0020\\u007f]{3,})$"

    private static func stringSchema(_ rule: FieldRule) -> [String: Any] {
        switch rule {
        case .any: return ["type": "string"]
        case .line(let limit): return ["type": "string", "minLength": 1, "maxLength": limit, "pattern": line]
        case .text(let limit): return ["type": "string", "minLength": 1, "maxLength": limit, "pattern": text]
        case .oneOf(let allowed): return ["type": "string", "enum": allowed]
        case .url: return ["type": "string", "maxLength": 2_048, "pattern": url]
        case .currency: return ["type": "string", "pattern": "^(?!RUR$)[A-Z]{3}$"]
        case .language: return ["type": "string", "maxLength": 35, "pattern": "^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$"]
        case .timeZone:
            return ["type": "string", "maxLength": 64, "pattern": "^(UTC|[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+){1,2})$"]
        case .contact:
            return [
                "type": "string", "maxLength": 300, "pattern": "^[0-9a-z_.-]{1,32}:[^\\u0000-\\u001f\\u007f]+$",
            ]
        case .source:
            return [
                "type": "string", "maxLength": 1_000,
                "pattern": "^[0-9a-z_.-]+:[^\\u0000-\\u0020\\u007f]+( [^\\u0000-\\u0020\\u007f]+)?$",
            ]
        case .kindName: return ["type": "string", "enum": RecordKind.allCases.map(\.name)]
        case .integer, .moment, .byteCount, .referenceList: return ["type": "string"]
        }
    }
}

extension FieldSpec {
    fileprivate func renamed(_ name: String) -> FieldSpec {
        FieldSpec(id.rawValue, name, type, cardinality, rule, required: isRequired)
    }
}
