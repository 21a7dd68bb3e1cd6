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
        var encoded: [(key: OperationSortKey, bytes: [UInt8])] = []
        encoded.reserveCapacity(operations.count)
        for operation in operations {
            if operation != .delete && operation.field == .record {
                throw DeltaError(.invalidFieldID, "field id 0 is reserved for the record itself")
            }
            var writer = ByteWriter(capacity: 32)
            writer.write(operation)
            encoded.append((OperationSortKey(operation), writer.bytes))
        }
        encoded.sort { $0.key < $1.key }
        for (previous, next) in zip(encoded, encoded.dropFirst()) where previous.key == next.key {
            throw DeltaError(.duplicateOperation, "two operations write the same register of field \(next.key.field)")
        }

        var writer = ByteWriter(capacity: 128 + encoded.reduce(0) { $0 + $1.bytes.count })
        writer.write(Delta.formatVersion)
        writer.write(kind.rawValue)
        writer.write(community.bytes)
        writer.write(author.bytes)
        writer.write(record.bytes)
        writer.writeBigEndian(timestamp.rawValue)
        writer.writeBigEndian(expiry)
        writer.writeVarint(UInt64(encoded.count))
        for operation in encoded { writer.write(contentsOf: operation.bytes) }
        guard writer.bytes.count + Signature.count <= SignedDelta.maximumSize else {
            throw DeltaError(
                .oversized,
                "the delta would be \(writer.bytes.count + Signature.count) bytes; the limit is \(SignedDelta.maximumSize)"
            )
        }
        return writer.bytes
    }
}

/// The canonical order of operations: by field id, then by the bytes of the element
/// (empty for `set`, `clear` and `delete`). Two operations with equal keys write the same register.
struct OperationSortKey: Comparable {
    let field: UInt16
    let element: [UInt8]

    init(_ operation: Operation) {
        field = operation.field.rawValue
        switch operation {
        case .add(_, let value), .remove(_, let value):
            var writer = ByteWriter(capacity: 16)
            writer.write(value)
            element = writer.bytes
        case .set, .clear, .delete:
            element = []
        }
    }

    static func < (lhs: OperationSortKey, rhs: OperationSortKey) -> Bool {
        if lhs.field != rhs.field { return lhs.field < rhs.field }
        return lhs.element.lexicographicallyPrecedes(rhs.element)
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
