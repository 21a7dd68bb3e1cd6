/// Why a handshake stopped. Every case ends the handshake: close the connection.
///
/// No case carries key material, and the descriptions name only the step that failed, so an error can be logged
/// as it is.
public enum HandshakeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A message did not have its fixed size (a truncated or overlong read).
    case wrongLength(HandshakeMessage, expected: Int, got: Int)
    /// A hello's HMAC did not verify: the peer uses another network key, or the hello was altered.
    case wrongNetworkKey(HandshakeMessage)
    /// A key used at this step cannot serve for Diffie-Hellman: a peer's ephemeral key of low order, an
    /// expected server key that is not a valid Ed25519 point, or a client key outside the main subgroup.
    case unusableKey(HandshakeMessage)
    /// The server could not open the client authenticate, or the client's signature in it did not verify: the
    /// client expected another server key, replayed an old message, or the message was altered.
    case clientNotAuthenticated
    /// The client could not open the server accept, or the server's signature in it did not verify: the peer did
    /// not prove that it holds the expected server key, or the message was altered.
    case serverNotAuthenticated
    /// The message was handled when the handshake was not waiting for it: out of order, a second time, or after
    /// the handshake had already finished or failed.
    case outOfOrder(HandshakeMessage)

    /// A one-line explanation for logs; it names the message but no key.
    public var description: String {
        switch self {
        case .wrongLength(let message, let expected, let got):
            "the \(message) is \(got) bytes long; it must be \(expected)"
        case .wrongNetworkKey(let message):
            "the \(message) was not made with our network key (another network, or an altered message)"
        case .unusableKey(let message):
            "a key used at the \(message) is not a usable Curve25519 point (low order or invalid)"
        case .clientNotAuthenticated:
            "the client authenticate did not open or its signature did not verify"
                + " (the client expects another server key, replayed an old message, or the message was altered)"
        case .serverNotAuthenticated:
            "the server accept did not open or its signature did not verify"
                + " (the server is not the expected key, or the message was altered)"
        case .outOfOrder(let message):
            "the \(message) came when the handshake was not waiting for it (out of order, repeated, or after an end)"
        }
    }
}
