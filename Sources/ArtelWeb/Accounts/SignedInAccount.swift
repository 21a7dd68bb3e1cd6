/// The account a page is shown to: its name for the header, and its session's form token, which
/// every form the page holds carries back (the sign-out button's too).
public struct SignedInAccount: Sendable, Hashable {
    /// The account's name.
    public let name: String
    /// The session's CSRF token.
    public let formToken: String
    /// Whether it is the node's operator, whose header links to `/operator`.
    public let isOperator: Bool

    /// An account as a page sees it.
    public init(name: String, formToken: String, isOperator: Bool = false) {
        self.name = name
        self.formToken = formToken
        self.isOperator = isOperator
    }
}
