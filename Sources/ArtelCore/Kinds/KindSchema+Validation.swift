extension KindSchema {
    /// Checks a delta against the rules of its kind: operations, types and values of every registered
    /// field, ranges, the record id and the expiry. Operations on fields this node does not know are
    /// accepted as they are, so that newer fields replicate through older nodes.
    ///
    /// The check depends only on the delta, never on the replica or the time, so every node reaches
    /// the same verdict.
    ///
    /// - Parameter delta: a delta of this schema's kind.
    /// - Throws: ``DeltaError`` naming the field at fault.
    public func validate(_ delta: Delta) throws(DeltaError) {
        precondition(delta.kind == kind, "validating a \(delta.kind) delta against the \(kind) schema")
        for operation in delta.operations {
            guard let spec = field(operation.field) else { continue }
            try check(operation, of: spec)
        }
        try checkRanges(delta.operations)
        try checkIdentity(of: delta)
        try checkExpiry(of: delta)
    }

    /// Checks that the operations set no lower bound above its upper bound (salary, dates).
    func checkRanges(_ operations: [Operation]) throws(DeltaError) {
        for (lower, upper) in ranges {
            guard let low = operations.value(setting: lower.id), let high = operations.value(setting: upper.id)
            else { continue }
            if case .integer(let low) = low, case .integer(let high) = high, low > high {
                throw DeltaError(.invertedRange, "\(lower.name) (\(low)) is greater than \(upper.name) (\(high))")
            }
            if case .timestamp(let low) = low, case .timestamp(let high) = high, low > high {
                throw DeltaError(.invertedRange, "\(lower.name) is later than \(upper.name)")
            }
        }
    }

    func check(_ operation: Operation, of spec: FieldSpec) throws(DeltaError) {
        switch (operation, spec.cardinality) {
        case (.set(_, let value), .single), (.add(_, let value), .set), (.remove(_, let value), .set):
            guard value.type == spec.type else {
                throw DeltaError(.invalidField, "\(spec.name) takes a \(spec.type), not a \(value.type)")
            }
            try FieldRules.check(value, of: spec)
        case (.clear, .single):
            if spec.isRequired { throw DeltaError(.requiredField, "\(spec.name) is required and cannot be cleared") }
        case (.set, .set), (.clear, .set):
            throw DeltaError(.invalidField, "\(spec.name) is a set: use add and remove, not set or clear")
        case (.add, .single), (.remove, .single):
            throw DeltaError(.invalidField, "\(spec.name) holds one value: use set or clear, not add or remove")
        case (.delete, _):
            break
        }
    }

    private func checkIdentity(of delta: Delta) throws(DeltaError) {
        func value(_ name: String) -> Value? { delta.value(setting: self[name].id) }
        switch identity {
        case .generated:
            // All a receiver can check of an id made by its author, or derived from an imported
            // source's identifier: the version and variant bits (RFC 9562).
            guard delta.record.isGenerated else {
                throw DeltaError(
                    .invalidRecordID,
                    "a \(kind) record id is a UUIDv7, or a UUIDv8 derived from an imported source's id; "
                        + "\(delta.record) is neither"
                )
            }
        case .community:
            guard delta.record == .community(delta.community) else {
                throw DeltaError(
                    .invalidRecordID,
                    "a community's record id derives from its key: expected \(RecordID.community(delta.community))"
                )
            }
        case .membership:
            let (person, community) = (value("person"), value("community"))
            guard person != nil || community != nil else { return }
            guard case .reference(let person) = person, case .reference(let community) = community
            else { throw DeltaError(.invalidField, "person and community identify a membership: set both or neither") }
            guard community == .community(delta.community) else {
                throw DeltaError(.invalidField, "community must be the community that records the membership")
            }
            guard delta.record == .membership(person: person, community: community) else {
                throw DeltaError(.invalidRecordID, "a membership's record id derives from its person and community")
            }
        case .tie:
            let (from, to, type) = (value("from"), value("to"), value("type"))
            guard from != nil || to != nil || type != nil else { return }
            guard case .reference(let from) = from, case .reference(let to) = to, case .string(let type) = type
            else { throw DeltaError(.invalidField, "from, to and type identify a tie: set all three or none") }
            guard from != to else { throw DeltaError(.invalidField, "to must be another person than from") }
            if Self.symmetricTieTypes.contains(type) && !(from < to) {
                throw DeltaError(.invalidField, "from must be the smaller reference of a symmetric \(type) tie")
            }
            guard delta.record == .tie(from: from, to: to, type: type) else {
                throw DeltaError(.invalidRecordID, "a tie's record id derives from its from, to and type")
            }
        case .grant:
            guard delta.record == .grant(issuer: delta.author, timestamp: delta.timestamp) else {
                throw DeltaError(.invalidRecordID, "a grant's record id derives from its issuer and timestamp")
            }
        }
    }

    private func checkExpiry(of delta: Delta) throws(DeltaError) {
        let expiry = delta.expiry
        switch expiryAllowance(for: delta) {
        case .never:
            guard expiry == 0 else {
                throw DeltaError(.invalidExpiry, "\(kind) records do not expire: the expiry must be 0")
            }
        case .optional(let after):
            guard expiry == 0 || expiry > after else {
                throw DeltaError(.invalidExpiry, "the expiry is before the delta's own timestamp")
            }
        case .within(let range, let rule):
            guard expiry != 0 else {
                throw DeltaError(.invalidExpiry, "\(kind) deltas must carry an expiry, at most \(rule)")
            }
            guard expiry >= range.lowerBound else {
                throw DeltaError(.invalidExpiry, "the expiry is before the delta's own timestamp")
            }
            guard expiry <= range.upperBound else {
                throw DeltaError(.invalidExpiry, "a \(kind) delta may live at most \(rule)")
            }
        }
    }
}

extension Delta {
    /// The value a `set` operation of the delta gives a field, if any.
    public func value(setting field: FieldID) -> Value? {
        operations.value(setting: field)
    }
}

extension [Operation] {
    /// The value a `set` among the operations gives a field, if any.
    func value(setting field: FieldID) -> Value? {
        for case .set(field, let value) in self { return value }
        return nil
    }
}
