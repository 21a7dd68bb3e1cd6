import ArtelCore

/// The secret a signed-in browser holds in its cookie: 32 random bytes in hex. The replica keeps
/// only their BLAKE2b hash, so that a copy of the replica signs nobody in.
public struct SessionToken: Sendable, Hashable {
    /// The token as the cookie carries it.
    public let text: String
    private let bytes: [UInt8]

    /// A fresh token.
    public static func make() -> SessionToken {
        let bytes = RandomBytes.make(32)
        return SessionToken(text: Hex.encode(bytes), bytes: bytes)
    }

    private init(text: String, bytes: [UInt8]) {
        self.text = text
        self.bytes = bytes
    }

    /// A token a browser sent; `nil` when it is not 64 hex digits.
    ///
    /// - Parameter text: the cookie's value.
    public init?(text: String) {
        guard text.utf8.count == 64, let bytes = Hex.decode(text.lowercased()) else { return nil }
        self.init(text: text.lowercased(), bytes: bytes)
    }

    /// What the replica stores.
    var hash: [UInt8] { Blake2b.hash(bytes, outputCount: 32) }

    /// The session's CSRF token, which every form of the session carries: derived from the secret
    /// with a keyed hash, so that it needs no storage and says nothing of the cookie.
    public var formToken: String {
        Hex.encode(Blake2b.hash(Array("artel form token".utf8), key: bytes, outputCount: 16))
    }

    /// Whether a form's token is this session's, compared in constant time.
    ///
    /// - Parameter given: the form's `csrf` field.
    public func accepts(formToken given: String) -> Bool {
        let expected = Array(formToken.utf8)
        let given = Array(given.utf8)
        guard given.count == expected.count else { return false }
        return zip(given, expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
