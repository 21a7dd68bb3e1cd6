extension KindSchema {
    /// Refuses the first delta of a new record when it leaves a required field unset: what every
    /// writer on this node (the command line, the API, imports) checks before it signs.
    ///
    /// A receiver cannot apply the same rule to a peer's delta: deltas arrive in any order, and a
    /// record's first delta may be pruned once later deltas win all its registers. It keeps such
    /// deltas and shows the record once its merged state is complete (``RecordState/missingRequiredField(of:)``).
    ///
    /// - Parameter operations: the operations of the new record's first delta.
    /// - Throws: ``DeltaError/Code/requiredField`` naming the first field left unset.
    public func checkCreates(_ operations: [Operation]) throws(DeltaError) {
        let set = Set(operations.map(\.field))
        if let missing = fields.first(where: { $0.isRequired && !set.contains($0.id) }) {
            throw DeltaError(.requiredField, "a new \(kind) needs \(missing.name)")
        }
    }
}
