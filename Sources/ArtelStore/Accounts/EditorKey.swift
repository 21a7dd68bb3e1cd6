public import ArtelCore

/// The author key that signs an editor's writes, and its grants. The key lives in the node's key
/// store like any author key, so that its secret never leaves the node; the site signs with it on
/// the editor's behalf, and only for the communities and kinds the account's rights name.
public enum EditorKey {
    /// How long a grant made for an editor lasts: a year, the longest a grant may (DESIGN §5).
    public static let grantLength: Int64 = 365 * 86_400_000

    /// The key store's name for an account's author key.
    public static func name(for account: String) -> String { "user-\(account)" }

    /// What came of granting an editor's key the kinds of one community.
    public struct Outcome: Sendable, Equatable {
        /// The kinds, by name.
        public let kinds: [String]
        /// Until when the grant lasts, or would.
        public let until: Int64
        /// The grant, when the node held the community's key; `nil` when it does not, and its
        /// holder must grant the kinds (`artel grant`) before the editor's writes count.
        public let grant: RecordID?
    }

    /// The editor's author key: a new one, or the one a removed account of the same name left,
    /// so that re-adding a person keeps the grants their key holds.
    ///
    /// - Throws: ``StoreError`` when the key store holds another kind of key by that name.
    public static func prepare(for account: String, in keys: KeyStore) throws -> KeyEntry {
        let name = name(for: account)
        if let existing = try keys.entry(named: name) {
            guard existing.role == .author else {
                throw StoreError(
                    .keyExists,
                    "the key store holds a \(existing.role.rawValue) key named \(name); an editor's author key "
                        + "needs that name: choose another account name"
                )
            }
            return existing
        }
        return try keys.create(name: name, role: .author)
    }

    /// Grants the editor's key some kinds in a community for a year when the node holds the
    /// community's key; otherwise says which grant to ask the key's holder for.
    ///
    /// - Throws: ``StoreError`` or ``DeltaError`` when the grant cannot be signed or stored.
    public static func grant(
        _ kinds: Set<RecordKind>,
        in community: PublicKey,
        to editor: KeyEntry,
        keys: KeyStore,
        replica: Replica,
        now: UInt64
    ) async throws -> Outcome {
        let from = Int64(now)
        let until = from + grantLength
        guard let key = try keys.signingKey(for: community) else {
            return Outcome(kinds: kinds.map(\.name).sorted(), until: until, grant: nil)
        }
        let operations = Grant.operations(
            grantee: editor.publicKey,
            kinds: kinds,
            validFrom: from,
            validUntil: until,
            mayDelegate: false,
            parent: nil,
            note: "editor \(editor.name) on the site"
        )
        let granted = try await Publisher(replica: replica, key: key).create(
            .grant,
            community: community,
            record: RecordID.grant(issuer: community, timestamp: HLC(milliseconds: now)),
            operations: operations,
            now: now
        )
        return Outcome(kinds: kinds.map(\.name).sorted(), until: until, grant: granted.delta.record)
    }
}
