/// A delta with its canonical bytes, its id and its signature, as stored and replicated.
///
/// Two signed deltas are equal when their ids are.
public struct SignedDelta: Hashable, Sendable {
    /// The largest encoded delta, signature included: 64 KiB.
    public static let maximumSize = 65_536

    /// What the delta says, its operations in canonical order, as its bytes list them: merging
    /// relies on that order (``RecordState``).
    public let delta: Delta
    /// BLAKE2b-256 of the unsigned bytes.
    public let id: DeltaID
    /// The Ed25519 signature of the author over the unsigned bytes.
    public let signature: Signature
    /// The full canonical encoding: the unsigned bytes, then the signature.
    public let bytes: [UInt8]

    private init(delta: Delta, id: DeltaID, signature: Signature, bytes: [UInt8]) {
        self.delta = delta
        self.id = id
        self.signature = signature
        self.bytes = bytes
    }

    /// The bytes that are hashed and signed: everything before the signature.
    public var unsignedBytes: ArraySlice<UInt8> { bytes[..<(bytes.count - Signature.count)] }

    /// Encodes, names and signs a delta.
    ///
    /// - Parameters:
    ///   - delta: the delta; its ``Delta/author`` must be `key`'s public key.
    ///   - key: the author's key.
    /// - Throws: ``DeltaError`` when the delta cannot be encoded canonically, or when `key` is not
    ///   its author (``DeltaError/Code/unauthorized``).
    public static func sign(_ delta: Delta, with key: SigningKey) throws(DeltaError) -> SignedDelta {
        guard key.publicKey == delta.author else {
            throw DeltaError(.unauthorized, "the signing key is not the delta's author key")
        }
        var delta = delta
        if !CanonicalOrder.isIncreasing(delta.operations) { delta.operations.sortCanonically() }
        // The encoding has room for the signature: appended where it is, not copied into new bytes.
        var bytes = try delta.encodedUnsignedBytes()
        let signature = key.sign(bytes)
        let id = DeltaID(Blake2b.hash256(bytes))
        signature.withUnsafeBytes { bytes.append(contentsOf: $0) }
        return SignedDelta(delta: delta, id: id, signature: signature, bytes: bytes)
    }

    /// Decodes a delta and checks that its bytes are canonical; the signature is *not* checked.
    ///
    /// Use ``decodeVerified(_:)`` for bytes from anywhere but this node's own replica.
    ///
    /// - Parameter bytes: the encoded delta.
    /// - Throws: ``DeltaError`` naming the first thing wrong with the bytes.
    public static func decode(_ bytes: [UInt8]) throws(DeltaError) -> SignedDelta {
        guard bytes.count <= maximumSize else {
            throw DeltaError(.oversized, "the delta is \(bytes.count) bytes; the limit is \(maximumSize)")
        }
        var reader = ByteReader(bytes)
        let delta = try reader.readDelta(totalCount: bytes.count)
        let unsignedCount = reader.offset
        let signatureBytes = try reader.readBytes(Signature.count, "the signature")
        guard reader.remaining == 0 else {
            throw DeltaError(.trailingBytes, "\(reader.remaining) bytes follow the signature")
        }
        let unsigned = bytes[..<unsignedCount]
        // The reader refuses every non-canonical form it can see (order, duplicates, overlong
        // varints); re-encoding in the order read catches anything else.
        let encoded = try delta.encode(delta.operations)
        let canonical = encoded.withUnsafeBufferPointer { encoded in
            unsigned.withUnsafeBufferPointer { encoded.hasSameBytes(as: $0) }
        }
        guard canonical else {
            throw DeltaError(.nonCanonical, "the bytes are not the canonical encoding of the delta they hold")
        }
        return SignedDelta(
            delta: delta,
            id: DeltaID(Blake2b.hash256(unsigned)),
            signature: Signature(signatureBytes)!,
            bytes: bytes
        )
    }

    /// Decodes a delta, checks that it is canonical and that its signature verifies.
    ///
    /// - Parameter bytes: the encoded delta.
    /// - Throws: ``DeltaError``; ``DeltaError/Code/badSignature`` when the signature is not the author's.
    public static func decodeVerified(_ bytes: [UInt8]) throws(DeltaError) -> SignedDelta {
        let signed = try decode(bytes)
        try signed.checkSignature()
        return signed
    }

    /// Checks the signature under the author key.
    ///
    /// - Throws: ``DeltaError/Code/badSignature`` when it does not verify.
    public func checkSignature() throws(DeltaError) {
        guard delta.author.isValidSignature(signature, for: unsignedBytes) else {
            throw DeltaError(.badSignature, "the signature does not verify under the author key \(delta.author)")
        }
    }

    public static func == (lhs: SignedDelta, rhs: SignedDelta) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
