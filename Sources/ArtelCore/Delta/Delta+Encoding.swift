extension Delta {
    /// The canonical encoding of everything but the signature: the bytes that are hashed and signed.
    ///
    /// Operations are written sorted by field id, then by the encoded element; the order in
    /// ``operations`` does not matter.
    ///
    /// - Throws: ``DeltaError`` when there is no operation, two operations write the same register,
    ///   a `delete` is not alone, a field id is 0, or the signed delta would exceed
    ///   ``SignedDelta/maximumSize``.
    public func encodedUnsignedBytes() throws(DeltaError) -> [UInt8] {
        guard !operations.isEmpty else { throw DeltaError(.noOperations, "the delta has no operation") }
        if isDelete && operations.count > 1 {
            throw DeltaError(.deleteNotAlone, "a delete must be the only operation of its delta")
        }
        if operations.contains(where: { $0 != .delete && $0.field == .record }) {
            throw DeltaError(.invalidFieldID, "field id 0 is reserved for the record itself")
        }
        let ordered = operations.sorted { CanonicalOrder.compare($0, $1) == .before }
        for (previous, next) in zip(ordered, ordered.dropFirst()) where CanonicalOrder.compare(previous, next) == .same
        {
            throw DeltaError(
                .duplicateOperation,
                "two operations write the same register of field \(next.field.rawValue)"
            )
        }
        return try encode(ordered)
    }

    /// Writes the envelope and the operations in the order given, which must be canonical.
    func encode(_ ordered: [Operation]) throws(DeltaError) -> [UInt8] {
        var writer = ByteWriter(capacity: 160 + ordered.count * 24)
        writer.write(Delta.formatVersion)
        writer.write(kind.rawValue)
        writer.write(community.bytes)
        writer.write(author.bytes)
        writer.write(record.bytes)
        writer.writeBigEndian(timestamp.rawValue)
        writer.writeBigEndian(expiry)
        writer.writeVarint(UInt64(ordered.count))
        for operation in ordered { writer.write(operation) }
        guard writer.bytes.count + Signature.count <= SignedDelta.maximumSize else {
            throw DeltaError(
                .oversized,
                "the delta would be \(writer.bytes.count + Signature.count) bytes; the limit is \(SignedDelta.maximumSize)"
            )
        }
        return writer.bytes
    }
}

/// The canonical order of operations: by field id, then by the encoded bytes of the element (none
/// for `set`, `clear` and `delete`). Two operations in the same place write the same register.
enum CanonicalOrder {
    enum Position {
        case before, same, after
    }

    /// Where `left` goes relative to `right`. Elements are encoded only when the fields tie.
    static func compare(_ left: Operation, _ right: Operation) -> Position {
        if left.field != right.field { return left.field < right.field ? .before : .after }
        return compare(element(of: left)?.encodedBytes ?? [], element(of: right)?.encodedBytes ?? [])
    }

    /// The order of two encoded elements (empty for operations without one).
    static func compare(_ left: some Collection<UInt8>, _ right: some Collection<UInt8>) -> Position {
        if left.elementsEqual(right) { return .same }
        return left.lexicographicallyPrecedes(right) ? .before : .after
    }

    private static func element(of operation: Operation) -> Value? {
        switch operation {
        case .add(_, let value), .remove(_, let value): value
        case .set, .clear, .delete: nil
        }
    }
}

extension ByteWriter {
    /// Appends an operation: its tag, its field id (except for `delete`) and its value.
    mutating func write(_ operation: Operation) {
        write(operation.tag)
        switch operation {
        case .set(let field, let value), .add(let field, let value), .remove(let field, let value):
            writeVarint(UInt64(field.rawValue))
            write(value)
        case .clear(let field):
            writeVarint(UInt64(field.rawValue))
        case .delete:
            break
        }
    }

    /// Appends a value: its type tag, then its payload.
    mutating func write(_ value: Value) {
        write(value.type.rawValue)
        switch value {
        case .string(let text): writeLengthPrefixed(text.utf8)
        case .integer(let number), .timestamp(let number): writeZigZag(number)
        case .boolean(let flag): write(flag ? 1 : 0)
        case .bytes(let raw): writeLengthPrefixed(raw)
        case .reference(let reference): write(reference)
        case .references(let references):
            writeVarint(UInt64(references.count))
            for reference in references { write(reference) }
        }
    }

    mutating func write(_ reference: Reference) {
        write(reference.community.bytes)
        write(reference.record.bytes)
    }
}
