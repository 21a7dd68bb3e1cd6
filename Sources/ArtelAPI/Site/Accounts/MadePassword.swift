/// A password the node makes up for an account the operator adds on the site without typing one:
/// 20 characters from an alphabet without look-alikes (about 110 bits), shown once.
enum MadePassword {
    static let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    /// A new password.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
