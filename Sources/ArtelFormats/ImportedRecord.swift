public import ArtelCore

/// A record a format reader brings, ready to be imported: its id, derived from the source's own
/// identifier, every value the source gives, and the fields the import owns.
public struct ImportedRecord: Sendable, Equatable {
    /// The kind.
    public let kind: RecordKind
    /// The record id.
    public let record: RecordID
    /// `set` and `add` operations.
    public let operations: [Operation]
    /// The fields the import owns: cleared when the source stops giving them.
    public let controlled: Set<FieldID>
    /// What the source calls it, for messages.
    public let label: String
}
