public import ArtelCore

/// A person who writes on the node's site (`artel user add`): local to the node, never federated.
public struct Account: Sendable, Hashable {
    /// What an account may do.
    public enum Role: String, Sendable, CaseIterable {
        /// Writes the kinds of record its rights name, in their communities, with its author key.
        case editor
        /// Looks after what the node shows: quarantine, refusals, blocks.
        case moderator
        /// Runs the node: peers, follows, grants, accounts.
        case `operator`
    }

    /// The name it signs in with: letters, digits, `-`, `_` and `.`, unique in any case.
    public let name: String
    /// What it may do.
    public let role: Role
    /// For an editor, the communities and kinds it may write.
    public let rights: Set<Right>
    /// For an editor, the name of the author key in the node's key store that signs its writes.
    public let authorKey: String?
    /// Whether it is kept from signing in.
    public let disabled: Bool
    /// When it was made, in Unix milliseconds.
    public let created: Int64

    /// One kind of record an editor may write in one community.
    public struct Right: Sendable, Hashable, Comparable {
        /// The community.
        public let community: PublicKey
        /// The kind.
        public let kind: RecordKind

        /// A right.
        public init(community: PublicKey, kind: RecordKind) {
            self.community = community
            self.kind = kind
        }

        public static func < (lhs: Right, rhs: Right) -> Bool {
            (lhs.community.hex, lhs.kind.rawValue) < (rhs.community.hex, rhs.kind.rawValue)
        }
    }

    /// An account.
    public init(
        name: String,
        role: Role,
        rights: Set<Right> = [],
        authorKey: String? = nil,
        disabled: Bool = false,
        created: Int64
    ) {
        self.name = name
        self.role = role
        self.rights = rights
        self.authorKey = authorKey
        self.disabled = disabled
        self.created = created
    }

    /// Whether this account may write a kind of record in a community: an editor with that right.
    ///
    /// - Parameters:
    ///   - kind: the kind.
    ///   - community: the community.
    public func mayWrite(_ kind: RecordKind, in community: PublicKey) -> Bool {
        role == .editor && !disabled && rights.contains(Right(community: community, kind: kind))
    }

    /// The communities this account may write some kind in.
    public var communities: Set<PublicKey> { Set(rights.map(\.community)) }

    /// Why a name cannot name an account, or `nil` when it can. Names share the key store's
    /// alphabet, since an editor's author key is named after its account.
    ///
    /// - Parameter name: the name asked for.
    public static func problem(withName name: String) -> String? {
        let allowed = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "-_.".unicodeScalars.contains($0)
        }
        guard !name.isEmpty, name.count <= 48, allowed, !name.hasPrefix(".") else {
            return "an account name uses only letters, digits, -, _ and . (1 to 48, not starting with .), "
                + "not \"\(name.prefix(64))\""
        }
        return nil
    }
}
