/// The account a page is shown to: its name for the header, and its session's form token, which
/// every form the page holds carries back (the sign-out button's too).
public struct SignedInAccount: Sendable, Hashable {
    /// The account's name.
    public let name: String
    /// The session's CSRF token.
    public let formToken: String
    /// Whether the account may use the moderator's pages: the header links to them.
    public let moderates: Bool
    /// Whether it is the node's operator, whose header links to `/operator`.
    public let isOperator: Bool

    /// An account as a page sees it.
    public init(name: String, formToken: String, moderates: Bool = false, isOperator: Bool = false) {
        self.name = name
        self.formToken = formToken
        self.moderates = moderates
        self.isOperator = isOperator
    }
}
