extension KindSchema {
    /// Every problem of a writer's operations, by the public name of the field at fault: each
    /// operation against its field's rule, the kind's ranges (charged to the upper bound's field), and
    /// for a new record its required fields. These are the rules ``validate(_:)`` and
    /// ``checkCreates(_:)`` apply to a delta, which stop at the first; a form shows them all, each
    /// beside its field.
    ///
    /// - Parameters:
    ///   - operations: the operations a writer is about to sign.
    ///   - creating: whether they make a new record.
    /// - Returns: the first problem of each field that has one; empty when the operations pass.
    public func problems(in operations: [Operation], creating: Bool) -> [String: DeltaError] {
        var problems: [String: DeltaError] = [:]
        for operation in operations {
            guard let spec = field(operation.field), problems[spec.name] == nil else { continue }
            do {
                try check(operation, of: spec)
            } catch {
                problems[spec.name] = error
            }
        }
        for (lower, upper) in ranges where problems[lower.name] == nil && problems[upper.name] == nil {
            do {
                try checkRanges(operations.filter { $0.field == lower.id || $0.field == upper.id })
            } catch {
                problems[upper.name] = error
            }
        }
        if creating {
            let given = Set(operations.map(\.field))
            for spec in fields where spec.isRequired && !given.contains(spec.id) && problems[spec.name] == nil {
                problems[spec.name] = DeltaError(.requiredField, "a new \(kind) needs \(spec.name)")
            }
        }
        return problems
    }
}
