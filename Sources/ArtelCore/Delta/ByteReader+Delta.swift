extension ByteReader {
    /// Reads the envelope and operations of a delta, refusing every non-canonical form on the way.
    mutating func readDelta(totalCount: Int) throws(DeltaError) -> Delta {
        let version = try readByte("the format version")
        guard version == Delta.formatVersion else {
            throw DeltaError(
                .unsupportedVersion,
                "format version \(version) is not supported; this node reads version \(Delta.formatVersion)"
            )
        }
        let kindByte = try readByte("the record kind")
        guard let kind = RecordKind(rawValue: kindByte) else {
            throw DeltaError(.unknownKind, "record kind \(kindByte) is not in the registry")
        }
        let community = PublicKey(try readBytes32("the community id"))
        let author = PublicKey(try readBytes32("the author key"))
        let record = RecordID(try readBytes16("the record id"))
        let timestamp = HLC(rawValue: try readBigEndian("the timestamp"))
        let expiry = try readBigEndian("the expiry")
        let count = try readVarint("the operation count")
        guard count > 0 else { throw DeltaError(.noOperations, "the delta has no operation") }
        // Every operation takes at least two bytes, so a larger count cannot be honest.
        guard count <= UInt64(remaining / 2) else {
            throw DeltaError(.truncated, "the delta claims \(count) operations but holds only \(remaining) bytes")
        }
        var operations: [Operation] = []
        operations.reserveCapacity(Int(count))
        var previous: (field: FieldID, element: Range<Int>)?
        for index in 0..<Int(count) {
            let (operation, element) = try readOperation(index: index)
            if let previous {
                let position: CanonicalOrder.Position =
                    previous.field != operation.field
                    ? (previous.field < operation.field ? .before : .after)
                    : CanonicalOrder.compare(slice(previous.element), slice(element))
                if position == .same {
                    throw DeltaError(
                        .duplicateOperation,
                        "operations \(index) and \(index + 1) write the same register"
                    )
                }
                guard position == .before else {
                    throw DeltaError(.nonCanonical, "operation \(index + 1) is out of canonical order")
                }
            }
            previous = (operation.field, element)
            operations.append(operation)
        }
        if operations.count > 1 && operations.contains(.delete) {
            throw DeltaError(.deleteNotAlone, "a delete must be the only operation of its delta")
        }
        return Delta(
            kind: kind,
            community: community,
            author: author,
            record: record,
            timestamp: timestamp,
            expiry: expiry,
            operations: operations
        )
    }

    /// Reads one operation, and the byte range of its element (empty unless it is `add` or `remove`).
    private mutating func readOperation(index: Int) throws(DeltaError) -> (Operation, Range<Int>) {
        // Named only when something is wrong: a message built for every operation would cost more
        // than reading it.
        var what: String { "operation \(index + 1)" }
        let tag = try readByte("the tag of \(what)")
        if tag == 5 { return (.delete, offset..<offset) }
        guard (1...4).contains(tag) else {
            throw DeltaError(.unknownOperation, "\(what) has tag \(tag), which is not in the registry")
        }
        let rawField = try readVarint("the field id of \(what)")
        guard rawField >= 1 && rawField <= UInt64(UInt16.max) else {
            throw DeltaError(.invalidFieldID, "\(what) names field \(rawField); field ids run from 1 to 65535")
        }
        let field = FieldID(rawValue: UInt16(rawField))
        let start = offset
        switch tag {
        case 1: return (.set(field, try readValue("the value of \(what)")), offset..<offset)
        case 2: return (.clear(field), offset..<offset)
        case 3: return (.add(field, try readValue("the element of \(what)")), start..<offset)
        default: return (.remove(field, try readValue("the element of \(what)")), start..<offset)
        }
    }

    private mutating func readValue(_ what: @autoclosure () -> String) throws(DeltaError) -> Value {
        let tag = try readByte("the type of \(what())")
        guard let type = ValueType(rawValue: tag) else {
            throw DeltaError(.unknownValueType, "\(what()) has type tag \(tag), which is not in the registry")
        }
        switch type {
        case .string:
            let raw = try readLengthPrefixed(what())
            guard let text = String(validUTF8: raw) else {
                throw DeltaError(.invalidUTF8, "\(what()) is not valid UTF-8")
            }
            return .string(text)
        case .integer:
            return .integer(try readZigZag(what()))
        case .timestamp:
            return .timestamp(try readZigZag(what()))
        case .boolean:
            let byte = try readByte(what())
            guard byte <= 1 else {
                throw DeltaError(.invalidBoolean, "\(what()) is the byte \(byte); a boolean is 0 or 1")
            }
            return .boolean(byte == 1)
        case .bytes:
            return .bytes(Array(try readLengthPrefixed(what())))
        case .reference:
            return .reference(try readReference(what()))
        case .references:
            let count = try readVarint("the count of \(what())")
            guard count <= UInt64(remaining / Reference.encodedCount) else {
                throw DeltaError(.truncated, "\(what()) claims \(count) references but the delta is too short")
            }
            var references: [Reference] = []
            references.reserveCapacity(Int(count))
            for _ in 0..<count { references.append(try readReference(what())) }
            return .references(references)
        }
    }

    private mutating func readReference(_ what: @autoclosure () -> String) throws(DeltaError) -> Reference {
        let community = PublicKey(try readBytes32("the community of \(what())"))
        let record = RecordID(try readBytes16("the record of \(what())"))
        return Reference(community: community, record: record)
    }
}
