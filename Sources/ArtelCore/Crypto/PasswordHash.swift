import CSodium

/// Passwords stored as libsodium's Argon2id strings (`crypto_pwhash_str`): the algorithm, its
/// costs, a random salt and the hash in one text, `$argon2id$v=19$m=65536,t=2,p=1$…`.
///
/// The costs are libsodium's interactive ones (64 MiB, two passes): a sign-in takes a fraction
/// of a second, and a stolen replica costs a guesser as much for each guess.
public enum PasswordHash: Sendable {
    /// The fewest characters a password may have.
    public static let minimumLength = 10
    /// The most bytes a password may have: Argon2 hashes any length, but a form need not carry more.
    public static let maximumBytes = 1024

    /// Why a password cannot be used, in words for the person choosing it; `nil` when it can.
    ///
    /// - Parameter password: the password as typed.
    public static func weakness(of password: String) -> String? {
        if password.isEmpty { return "the password is empty" }
        if password.count < minimumLength {
            return "the password has \(password.count) characters; use at least \(minimumLength)"
        }
        if password.utf8.count > maximumBytes { return "the password is longer than \(maximumBytes) bytes" }
        if Set(password).count < 3 { return "the password repeats one or two characters; choose a less guessable one" }
        return nil
    }

    /// Hashes a password with a fresh salt.
    ///
    /// - Parameter password: the password.
    /// - Returns: the Argon2id string to store.
    public static func hash(_ password: String) -> String {
        precondition(Sodium.ready)
        var output = [CChar](repeating: 0, count: crypto_pwhash_strbytes())
        let chars = cString(password)
        let status = crypto_pwhash_str(
            &output,
            chars,
            UInt64(chars.count - 1),
            UInt64(crypto_pwhash_opslimit_interactive()),
            crypto_pwhash_memlimit_interactive()
        )
        precondition(status == 0, "crypto_pwhash_str failed: the machine is out of memory for Argon2id")
        return String(decoding: output.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether a password matches a stored hash; a stored text that is no Argon2 string matches nothing.
    ///
    /// - Parameters:
    ///   - password: the password as typed.
    ///   - stored: a string made by ``hash(_:)``.
    public static func verify(_ password: String, against stored: String) -> Bool {
        precondition(Sodium.ready)
        var storedBytes = Array(stored.utf8).map { CChar(bitPattern: $0) }
        guard storedBytes.count < crypto_pwhash_strbytes() else { return false }
        storedBytes.append(0)
        let chars = cString(password)
        return crypto_pwhash_str_verify(storedBytes, chars, UInt64(chars.count - 1)) == 0
    }

    /// A hash of no one's password, verified against when a name is unknown so that a sign-in
    /// takes as long whether or not the account exists.
    public static let decoy: String = hash("decoy password, never matched \(UInt64.random(in: .min ... .max))")

    /// A text's UTF-8 bytes and a terminating zero, so that even an empty one has an address.
    private static func cString(_ text: String) -> [CChar] {
        text.utf8.map { CChar(bitPattern: $0) } + [0]
    }
}
