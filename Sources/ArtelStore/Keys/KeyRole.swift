public import ArtelCore

/// What a key is for (DESIGN §2).
public enum KeyRole: String, Sendable, CaseIterable {
    /// Identifies a node to its peers.
    case node
    /// A community's key: its public half is the community id.
    case community
    /// A person's or a service's key that writes under a grant.
    case author
    /// A person's own key, bound to their person record.
    case subject
}

/// A key in the key store, without its secret.
public struct KeyEntry: Sendable, Hashable {
    /// The file name without `.key`.
    public let name: String
    /// What the key is for.
    public let role: KeyRole
    /// The public key.
    public let publicKey: PublicKey
}
