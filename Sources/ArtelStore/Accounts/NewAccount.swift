public import ArtelCore

/// An account to add, as `artel user add` and the operator's page ask for it, with the rules both
/// check, and the adding itself: the account, and for an editor its author key and grants.
public struct NewAccount: Sendable {
    /// The name it signs in with.
    public let name: String
    /// Its role.
    public let role: Account.Role
    /// For an editor, the communities it writes for.
    public let communities: [PublicKey]
    /// For an editor, the kinds it writes in each of them.
    public let kinds: Set<RecordKind>

    /// An account to add.
    public init(name: String, role: Account.Role, communities: [PublicKey] = [], kinds: Set<RecordKind> = []) {
        self.name = name
        self.role = role
        self.communities = communities
        self.kinds = kinds
    }

    /// The kinds an editor may be given: the ones the site's forms write.
    public static let editableKinds: [RecordKind] = [.job, .event, .digest]

    /// Why the communities and kinds asked for do not suit a role.
    public enum RightsProblem: Sendable, Equatable {
        /// Communities or kinds were given for a moderator or an operator.
        case notAnEditor
        /// An editor without a community.
        case noCommunity
        /// An editor without a kind.
        case noKinds
        /// A kind an editor does not write.
        case kind(String)
    }

    /// Why some communities and kinds do not suit a role, each problem once, in the order the
    /// command line names them; none when they suit it.
    ///
    /// - Parameters:
    ///   - role: the role asked for.
    ///   - communities: how many communities were named.
    ///   - kinds: the kinds' names as given.
    public static func rightsProblems(_ role: Account.Role, communities: Int, kinds: [String]) -> [RightsProblem] {
        guard role == .editor else { return communities == 0 && kinds.isEmpty ? [] : [.notAnEditor] }
        var problems: [RightsProblem] = []
        if communities == 0 { problems.append(.noCommunity) }
        if kinds.isEmpty { problems.append(.noKinds) }
        if let wrong = kinds.first(where: { kind in !editableKinds.contains { $0.name == kind } }) {
            problems.append(.kind(wrong))
        }
        return problems
    }

    /// What adding an account made.
    public struct Added: Sendable {
        /// The account.
        public let account: Account
        /// For an editor, its author key.
        public let editorKey: KeyEntry?
        /// For an editor, what came of granting its key each community's kinds, by community.
        public let grants: [(community: PublicKey, outcome: EditorKey.Outcome)]
    }

    /// Adds the account: for an editor, first its author key (``EditorKey/prepare(for:in:)``) and
    /// the grants the node can sign for it (``EditorKey/grant(_:in:to:keys:replica:now:)``).
    ///
    /// - Parameters:
    ///   - passwordHash: the password's hash (``PasswordHash/hash(_:)``).
    ///   - audit: the audit log's line for it.
    /// - Throws: ``StoreError`` `.invalidInput` when an account of that name exists, or when the
    ///   key store or replica cannot be written.
    public func add(
        passwordHash: String,
        keys: KeyStore,
        replica: Replica,
        now: UInt64,
        audit: AuditEntry
    ) async throws -> Added {
        if try await replica.credentials(of: name) != nil {
            throw StoreError(.invalidInput, "an account named \"\(name)\" exists already; choose another name")
        }
        var editor: KeyEntry?
        var grants: [(community: PublicKey, outcome: EditorKey.Outcome)] = []
        if role == .editor {
            let key = try EditorKey.prepare(for: name, in: keys)
            editor = key
            for community in Set(communities).sorted(by: { $0.hex < $1.hex }) {
                let outcome = try await EditorKey.grant(
                    kinds,
                    in: community,
                    to: key,
                    keys: keys,
                    replica: replica,
                    now: now
                )
                grants.append((community, outcome))
            }
        }
        let rights = Set(
            communities.flatMap { community in kinds.map { Account.Right(community: community, kind: $0) } }
        )
        let account = Account(name: name, role: role, rights: rights, authorKey: editor?.name, created: Int64(now))
        try await replica.addAccount(account, passwordHash: passwordHash, audit: audit)
        return Added(account: account, editorKey: editor, grants: grants)
    }
}
