import ArtelCore
public import ArtelFormats
public import ArtelStore

extension ImportItem {
    /// The item of a record a format reader brought.
    public init(_ record: ImportedRecord) {
        self.init(
            kind: record.kind,
            record: record.record,
            operations: record.operations,
            controlled: record.controlled,
            label: record.label
        )
    }

    /// The title the item gives its record, if any.
    public var title: String? {
        let schema = kind.schema
        for case .set(let field, .string(let text)) in operations where schema.field(field)?.name == "title" {
            return text
        }
        return nil
    }
}
