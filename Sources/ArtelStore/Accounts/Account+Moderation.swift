extension Account {
    /// Whether this account may use the moderator's pages: a moderator's, or an operator's, since
    /// an operator, who runs the node, may do everything a moderator does. Editors may not.
    public var moderates: Bool { !disabled && (role == .moderator || role == .operator) }
}
