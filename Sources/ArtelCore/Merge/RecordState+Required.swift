extension RecordState {
    /// The first required field of the kind that the merged record lacks: such a record is kept and
    /// relayed, but not listed or shown until a delta sets the field.
    ///
    /// - Parameter schema: the schema of the record's kind.
    /// - Returns: the field, or `nil` when the record has every required field.
    public func missingRequiredField(of schema: KindSchema) -> FieldSpec? {
        schema.fields.first { field in
            guard field.isRequired else { return false }
            return field.cardinality == .single ? value(of: field.id) == nil : elements(of: field.id).isEmpty
        }
    }
}
