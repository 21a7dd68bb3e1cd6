/// The id of a delta: BLAKE2b-256 of its unsigned bytes. Ids are what peers reconcile and request.
public struct DeltaID: Bytes32Value {
    /// The 32 bytes of the id.
    public let bytes: Bytes32

    /// Wraps 32 bytes.
    public init(_ bytes: Bytes32) {
        self.bytes = bytes
    }
}
