/// The sizes of a box-stream frame: a 34-byte boxed header, then the body boxed without its MAC.
///
/// The header's plaintext is the body length (big-endian `UInt16`) and the body's 16-byte MAC; the header uses
/// the current nonce and the body the next one. The goodbye is a header whose plaintext is 18 zero bytes.
enum BoxStreamFrame {
    /// The header's plaintext: 2 length bytes and the body's MAC.
    static let headerPlaintextCount = 2 + LibSodium.macCount
    /// The boxed header on the wire.
    static let headerCount = headerPlaintextCount + LibSodium.macCount
    /// The largest body a frame carries.
    static let maxBodyCount = 4096
}
