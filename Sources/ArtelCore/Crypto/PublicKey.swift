import CSodium

/// An Ed25519 public key: the identity of a node, a community, an author or a subject.
///
/// A community's public key *is* its community id.
public struct PublicKey: Bytes32Value {
    /// The 32 bytes of the key.
    public let bytes: Bytes32

    /// Wraps 32 bytes; no check is made that they are a valid point (verification does that).
    public init(_ bytes: Bytes32) {
        self.bytes = bytes
    }

    /// Checks an Ed25519 signature with libsodium (`crypto_sign_verify_detached`).
    ///
    /// libsodium refuses non-canonical signatures and small-order public keys.
    ///
    /// - Parameters:
    ///   - signature: the detached signature.
    ///   - message: the signed bytes.
    /// - Returns: whether the signature is valid for `message` under this key.
    public func isValidSignature(_ signature: Signature, for message: some ContiguousBytes) -> Bool {
        precondition(Sodium.ready)
        return signature.withUnsafeBytes { sig in
            bytes.withUnsafeBytes { key in
                message.withUnsafeBytes { msg in
                    crypto_sign_verify_detached(
                        sig.baseAddress!.assumingMemoryBound(to: UInt8.self),
                        msg.baseAddress?.assumingMemoryBound(to: UInt8.self),
                        UInt64(msg.count),
                        key.baseAddress!.assumingMemoryBound(to: UInt8.self)
                    ) == 0
                }
            }
        }
    }
}

/// Bytes that can be lent as a contiguous buffer: arrays and slices of them.
public protocol ContiguousBytes {
    /// Calls `body` with the bytes.
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R
}

extension Array: ContiguousBytes where Element == UInt8 {}
extension ArraySlice: ContiguousBytes where Element == UInt8 {}
