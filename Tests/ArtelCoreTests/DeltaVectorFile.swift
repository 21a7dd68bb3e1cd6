import ArtelCore
import ArtelTestKit
import Foundation

/// The JSON form of `protocol/vectors/deltas.json`.
struct DeltaVectorFile: Codable {
    struct Key: Codable {
        let name: String
        let seed: String
        let publicKey: String
    }

    struct Operation: Codable, Equatable {
        let op: String
        let field: Int?
        let type: String?
        let value: JSONValue?
    }

    struct Vector: Codable {
        let name: String
        let key: String
        let kind: String
        let community: String
        let author: String
        let record: String
        let timestamp: String
        let expiry: String
        let operations: [Operation]
        let unsigned: String
        let id: String
        let signature: String
        let bytes: String
    }

    struct Invalid: Codable {
        let name: String
        let bytes: String
        let refusal: String
    }

    let description: String
    let keys: [Key]
    let deltas: [Vector]
    let invalid: [Invalid]
}

/// A JSON value of an operation: strings, booleans, numbers-as-strings, objects and lists.
indirect enum JSONValue: Codable, Equatable {
    case string(String)
    case bool(Bool)
    case object([String: String])
    case list([JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let object = try? container.decode([String: String].self) {
            self = .object(object)
        } else {
            self = .list(try container.decode([JSONValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .bool(let flag): try container.encode(flag)
        case .object(let object): try container.encode(object)
        case .list(let list): try container.encode(list)
        }
    }
}

extension DeltaVectorFile.Operation {
    /// The JSON form of an operation.
    init(_ operation: ArtelCore.Operation) {
        switch operation {
        case .set(let field, let value):
            self.init(op: "set", field: Int(field.rawValue), type: value.type.vectorName, value: JSONValue(value))
        case .clear(let field): self.init(op: "clear", field: Int(field.rawValue), type: nil, value: nil)
        case .add(let field, let value):
            self.init(op: "add", field: Int(field.rawValue), type: value.type.vectorName, value: JSONValue(value))
        case .remove(let field, let value):
            self.init(op: "remove", field: Int(field.rawValue), type: value.type.vectorName, value: JSONValue(value))
        case .delete: self.init(op: "delete", field: nil, type: nil, value: nil)
        }
    }

    /// The operation a JSON form describes.
    var operation: ArtelCore.Operation? {
        guard op != "delete" else { return .delete }
        guard let field = field.map({ FieldID(rawValue: UInt16($0)) }) else { return nil }
        if op == "clear" { return .clear(field) }
        guard let type, let value = value?.value(of: type) else { return nil }
        switch op {
        case "set": return .set(field, value)
        case "add": return .add(field, value)
        case "remove": return .remove(field, value)
        default: return nil
        }
    }
}

extension ValueType {
    var vectorName: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .boolean: "boolean"
        case .timestamp: "timestamp"
        case .bytes: "bytes"
        case .reference: "reference"
        case .references: "references"
        }
    }
}

extension JSONValue {
    init(_ value: Value) {
        switch value {
        case .string(let text): self = .string(text)
        case .integer(let number), .timestamp(let number): self = .string(String(number))
        case .boolean(let flag): self = .bool(flag)
        case .bytes(let bytes): self = .string(Hex.encode(bytes))
        case .reference(let reference): self = Self.reference(reference)
        case .references(let references): self = .list(references.map(Self.reference))
        }
    }

    private static func reference(_ reference: Reference) -> JSONValue {
        .object(["community": reference.community.hex, "record": reference.record.hex])
    }

    func value(of type: String) -> Value? {
        switch (type, self) {
        case ("string", .string(let text)): .string(text)
        case ("integer", .string(let text)): Int64(text).map(Value.integer)
        case ("timestamp", .string(let text)): Int64(text).map(Value.timestamp)
        case ("boolean", .bool(let flag)): .boolean(flag)
        case ("bytes", .string(let text)): Hex.decode(text).map(Value.bytes)
        case ("reference", .object): reference.map(Value.reference)
        case ("references", .list(let items)):
            items.allSatisfy { $0.reference != nil } ? .references(items.compactMap(\.reference)) : nil
        default: nil
        }
    }

    private var reference: Reference? {
        guard case .object(let object) = self, let community = object["community"].flatMap(PublicKey.init(hex:)),
            let record = object["record"].flatMap(RecordID.init(hex:))
        else { return nil }
        return Reference(community: community, record: record)
    }
}
