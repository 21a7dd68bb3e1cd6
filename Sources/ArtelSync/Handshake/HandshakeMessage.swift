/// The four messages of Secret Handshake v1, in the order they are sent.
public enum HandshakeMessage: Hashable, Sendable, CustomStringConvertible {
    /// Client to server: the HMAC of the client's ephemeral key under the network key, then that key.
    case clientHello
    /// Server to client: the HMAC of the server's ephemeral key under the network key, then that key.
    case serverHello
    /// Client to server: the client's signature and long-term public key, in a secretbox.
    case clientAuthenticate
    /// Server to client: the server's signature, in a secretbox.
    case serverAccept

    /// The fixed size of the message in bytes: 64, 64, 112 and 80.
    public var byteCount: Int {
        switch self {
        case .clientHello, .serverHello: 64
        case .clientAuthenticate: 112
        case .serverAccept: 80
        }
    }

    /// The name of the message, for logs.
    public var description: String {
        switch self {
        case .clientHello: "client hello"
        case .serverHello: "server hello"
        case .clientAuthenticate: "client authenticate"
        case .serverAccept: "server accept"
        }
    }

    /// Throws ``HandshakeError/wrongLength(_:expected:got:)`` unless `bytes` has this message's size.
    func checkLength(_ bytes: [UInt8]) throws(HandshakeError) {
        guard bytes.count == byteCount else { throw .wrongLength(self, expected: byteCount, got: bytes.count) }
    }
}
