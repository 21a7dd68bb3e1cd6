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
        // Operations already in canonical order (as the importers give them) are encoded where they
        // are: sorting would copy every one of them.
        if CanonicalOrder.isIncreasing(operations) { return try encode(operations) }
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

    /// Where the timestamp and the expiry lie in the encoding (`protocol/encoding.md` §2): after
    /// the version, kind, community, author and record.
    public static let timestampAndExpiryOffsets = 82..<98

    /// Writes the envelope and the operations in the order given, which must be canonical.
    func encode(_ ordered: [Operation]) throws(DeltaError) -> [UInt8] {
        // Room for the envelope, the operations and the signature that follows them.
        var writer = ByteWriter(capacity: ordered.reduce(106 + Signature.count) { $0 + $1.encodedCountEstimate })
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

    /// Where `left` goes relative to `right`. Elements are compared only when the fields tie.
    static func compare(_ left: Operation, _ right: Operation) -> Position {
        if left.field != right.field { return left.field < right.field ? .before : .after }
        switch (element(of: left), element(of: right)) {
        case (let first?, let second?): return compare(first, second)
        case (let first, let second): return compare(first?.encodedBytes ?? [], second?.encodedBytes ?? [])
        }
    }

    /// The order of two elements' encodings, written out only when they are not both text.
    static func compare(_ left: Value, _ right: Value) -> Position {
        if case .string(let first) = left, case .string(let second) = right { return compare(text: first, second) }
        return compare(left.encodedBytes, right.encodedBytes)
    }

    /// Whether every operation goes strictly before the next: canonical, and no register written twice.
    static func isIncreasing(_ operations: [Operation]) -> Bool {
        zip(operations, operations.dropFirst()).allSatisfy { compare($0, $1) == .before }
    }

    /// The order of two texts' encodings (the type tag, the UTF-8 length as a varint, the UTF-8
    /// bytes), without writing them out. Two varints of different values part at a byte that
    /// decides, since neither is a prefix of the other; texts of one length are decided by their bytes.
    private static func compare(text first: String, _ second: String) -> Position {
        var (first, second) = (first, second)
        let (firstCount, secondCount) = (first.utf8.count, second.utf8.count)
        guard firstCount == secondCount else {
            var (rest, otherRest) = (UInt64(firstCount), UInt64(secondCount))
            while true {
                let (byte, otherByte) = (varintByte(rest), varintByte(otherRest))
                if byte != otherByte { return byte < otherByte ? .before : .after }
                (rest, otherRest) = (rest >> 7, otherRest >> 7)
            }
        }
        return first.withUTF8 { firstBytes in second.withUTF8 { compare(firstBytes, $0) } }
    }

    /// The next byte of an unsigned LEB128 varint whose remaining value is `rest`.
    private static func varintByte(_ rest: UInt64) -> UInt8 {
        rest >= 0x80 ? UInt8(truncatingIfNeeded: rest) | 0x80 : UInt8(rest)
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

extension Operation {
    /// About how many bytes the operation takes in a delta's encoding: room reserved for it.
    fileprivate var encodedCountEstimate: Int {
        switch self {
        case .set(_, let value), .add(_, let value), .remove(_, let value): 4 + value.encodedCountEstimate
        case .clear: 4
        case .delete: 1
        }
    }
}

extension Value {
    /// About how many bytes the value takes in the encoding, its tag and length included.
    fileprivate var encodedCountEstimate: Int {
        switch self {
        case .string(let text): 6 + text.utf8.count
        case .bytes(let raw): 6 + raw.count
        case .reference: 49
        case .references(let references): 6 + references.count * 48
        case .integer, .boolean, .timestamp: 11
        }
    }
}

extension [Operation] {
    /// Puts the operations in the order a delta encodes them in: by field id, then by the encoded
    /// element. A delta whose operations are in that order is encoded without sorting or copying
    /// them, each time it is encoded: a reader that sorts the records it makes once spares the
    /// import that work twice a record (its digest, then its signature).
    public mutating func sortCanonically() {
        sort { CanonicalOrder.compare($0, $1) == .before }
    }
}
