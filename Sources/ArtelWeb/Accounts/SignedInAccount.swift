/// The account a page is shown to: its name for the header, and its session's form token, which
/// every form the page holds carries back (the sign-out button's too).
public struct SignedInAccount: Sendable, Hashable {
    /// The account's name.
    public let name: String
    /// The session's CSRF token.
    public let formToken: String

    /// An account as a page sees it.
    public init(name: String, formToken: String) {
        self.name = name
        self.formToken = formToken
    }
}
