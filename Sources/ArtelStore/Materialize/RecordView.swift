public import ArtelCore
import Foundation
import GRDB

/// A record as people see it: its identity and the value of each registered field it has.
///
/// Built either from the merged deltas (``RecordView/init(kind:community:id:state:)``) or from a
/// materialized row; both give equal views for the same record, which `artel check` verifies.
public struct RecordView: Sendable, Equatable {
    /// The value of one field.
    public enum FieldValue: Sendable, Hashable {
        /// The value of a single-valued field.
        case single(Value)
        /// The elements of a set field, in canonical order.
        case set([Value])
    }

    /// A registered field and its value.
    public struct Entry: Sendable {
        /// The field.
        public let field: FieldSpec
        /// Its value.
        public let value: FieldValue
    }

    /// The kind.
    public let kind: RecordKind
    /// The community the record belongs to.
    public let community: PublicKey
    /// The record id.
    public let id: RecordID
    /// When it last changed: the latest timestamp of its kept deltas, in Unix milliseconds.
    public let updated: UInt64
    /// When it disappears unless renewed, in Unix milliseconds; 0 for never.
    public let expiry: UInt64
    /// The registered fields that have a value, in field id order.
    public let entries: [Entry]
    /// Fields this version does not know (written by newer nodes), which are kept and relayed.
    public let unknownFields: [FieldID: FieldValue]

    /// The reference other records use to point at this one.
    public var reference: Reference { Reference(community: community, record: id) }

    /// The value of a field by public name.
    public func value(of name: String) -> FieldValue? {
        entries.first { $0.field.name == name }?.value
    }

    /// The text of a single-valued string field.
    public func string(_ name: String) -> String? {
        guard case .single(.string(let text)) = value(of: name) else { return nil }
        return text
    }

    /// Views a merged record.
    public init(kind: RecordKind, community: PublicKey, id: RecordID, state: RecordState) {
        self.kind = kind
        self.community = community
        self.id = id
        updated = state.updated?.milliseconds ?? 0
        expiry = state.expiry
        let schema = kind.schema
        entries = schema.fields.compactMap { field in
            Self.value(of: field.id, cardinality: field.cardinality, in: state).map { Entry(field: field, value: $0) }
        }
        var unknown: [FieldID: FieldValue] = [:]
        for register in state.registers.keys where register.field != .record && schema.field(register.field) == nil {
            let cardinality: FieldSpec.Cardinality = register.element == nil ? .single : .set
            unknown[register.field] = Self.value(of: register.field, cardinality: cardinality, in: state)
        }
        unknownFields = unknown
    }

    private static func value(of field: FieldID, cardinality: FieldSpec.Cardinality, in state: RecordState) -> FieldValue? {
        switch cardinality {
        case .single: return state.value(of: field).map(FieldValue.single)
        case .set:
            let elements = state.elements(of: field)
            return elements.isEmpty ? nil : .set(elements)
        }
    }

    /// Views a materialized row.
    init(row: Row, table: MaterializedTable) {
        kind = table.kind
        community = PublicKey(Bytes32(row["community"] as Data)!)
        id = RecordID(Bytes16(row["record_id"] as Data)!)
        updated = UInt64(row["updated"] as Int64)
        expiry = UInt64(bitPattern: row["expiry"] as Int64)
        entries = table.columns.compactMap { column in
            Self.value(in: row, column: column).map { Entry(field: column.field, value: $0) }
        }
        unknownFields = [:]
    }

    private static func value(in row: Row, column: MaterializedTable.Column) -> FieldValue? {
        let field = column.field
        guard case .set = field.cardinality else {
            guard let stored = row[column.name] as DatabaseValue?, !stored.isNull else { return nil }
            return single(stored, type: field.type).map(FieldValue.single)
        }
        let elements = JSONText.strings(row[column.name] ?? "[]").compactMap { element(from: $0, type: field.type) }
        return elements.isEmpty ? nil : .set(elements.sorted { $0.canonicalPrecedes($1) })
    }

    private static func single(_ stored: DatabaseValue, type: ValueType) -> Value? {
        switch type {
        case .string: String.fromDatabaseValue(stored).map(Value.string)
        case .integer: Int64.fromDatabaseValue(stored).map(Value.integer)
        case .timestamp: Int64.fromDatabaseValue(stored).map(Value.timestamp)
        case .boolean: Int64.fromDatabaseValue(stored).map { .boolean($0 != 0) }
        case .bytes: Data.fromDatabaseValue(stored).map { .bytes([UInt8]($0)) }
        case .reference: String.fromDatabaseValue(stored).flatMap(Reference.init(text:)).map(Value.reference)
        case .references:
            String.fromDatabaseValue(stored).map { .references(JSONText.strings($0).compactMap(Reference.init(text:))) }
        }
    }

    private static func element(from text: String, type: ValueType) -> Value? {
        switch type {
        case .string: .string(text)
        case .reference: Reference(text: text).map(Value.reference)
        case .integer: Int64(text).map(Value.integer)
        case .timestamp: Int64(text).map(Value.timestamp)
        case .boolean: .boolean(text == "true")
        case .bytes: Hex.decode(text).map(Value.bytes)
        case .references: nil
        }
    }

    public static func == (lhs: RecordView, rhs: RecordView) -> Bool {
        lhs.kind == rhs.kind && lhs.community == rhs.community && lhs.id == rhs.id && lhs.updated == rhs.updated
            && lhs.expiry == rhs.expiry
            && lhs.entries.map { [$0.field.id: $0.value] } == rhs.entries.map { [$0.field.id: $0.value] }
    }
}
