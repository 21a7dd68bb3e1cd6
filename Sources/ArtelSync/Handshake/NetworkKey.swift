public import ArtelCore

/// The 32-byte network key (SHS "app key") that separates federations.
///
/// Both hellos carry an HMAC under this key, so a peer of another network is refused at the first message, and
/// the key is mixed into every secret that follows. Knowing it is what lets a stranger start a handshake, so
/// `description` and reflection do not show it.
public struct NetworkKey: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The 32 bytes of the key.
    public let bytes: Bytes32

    /// Wraps 32 bytes.
    public init(_ bytes: Bytes32) {
        self.bytes = bytes
    }

    /// The network key of the public Artel federation: BLAKE2b-256 of `artel/network/public/v1`
    /// (`protocol/wire.md` §2). A closed federation chooses its own 32 random bytes.
    public static let publicFederation = NetworkKey(Blake2b.hash256(Array("artel/network/public/v1".utf8)))

    /// Parses 64 hex characters.
    ///
    /// - Returns: `nil` when the text is not 32 bytes of hex.
    public init?(hex: some StringProtocol) {
        guard let raw = Hex.decode(hex), let bytes = Bytes32(raw) else { return nil }
        self.init(bytes)
    }

    /// A text form that never shows the key.
    public var description: String { "NetworkKey(redacted)" }
    /// The same as `description`.
    public var debugDescription: String { description }
    /// Reflection (`dump`, the debugger) that never shows the key.
    public var customMirror: Mirror { Mirror(self, children: [:]) }

    /// A hello: the HMAC of an ephemeral public key, then the key.
    func hello(_ ephemeral: Bytes32) -> [UInt8] {
        LibSodium.auth(ephemeral.bytes, key: bytes) + ephemeral.bytes
    }

    /// Checks a hello's size and HMAC.
    ///
    /// - Returns: the ephemeral public key it carries.
    func openHello(_ message: [UInt8], as kind: HandshakeMessage) throws(HandshakeError) -> Bytes32 {
        try kind.checkLength(message)
        let ephemeral = Array(message[32..<64])
        guard LibSodium.authVerify(Array(message[0..<32]), message: ephemeral, key: bytes) else {
            throw .wrongNetworkKey(kind)
        }
        return Bytes32(ephemeral)!
    }

    /// The first box-stream nonce of the direction whose receiver sent `ephemeral`: the first 24 bytes of its
    /// hello's HMAC.
    func streamNonce(_ ephemeral: Bytes32) -> [UInt8] {
        Array(LibSodium.auth(ephemeral.bytes, key: bytes).prefix(LibSodium.nonceCount))
    }
}
