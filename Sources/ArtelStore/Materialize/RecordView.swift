public import ArtelCore

/// A record as people see it: its identity and the value of each registered field it has.
///
/// Built from the merge of the record's kept deltas: the one source of what a record says.
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

    private static func value(
        of field: FieldID,
        cardinality: FieldSpec.Cardinality,
        in state: RecordState
    ) -> FieldValue? {
        switch cardinality {
        case .single: return state.value(of: field).map(FieldValue.single)
        case .set:
            let elements = state.elements(of: field)
            return elements.isEmpty ? nil : .set(elements)
        }
    }

    public static func == (lhs: RecordView, rhs: RecordView) -> Bool {
        lhs.kind == rhs.kind && lhs.community == rhs.community && lhs.id == rhs.id && lhs.updated == rhs.updated
            && lhs.expiry == rhs.expiry
            && lhs.entries.map { [$0.field.id: $0.value] } == rhs.entries.map { [$0.field.id: $0.value] }
    }
}
