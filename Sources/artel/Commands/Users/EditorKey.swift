import ArtelCore
import ArtelStore

/// The author key that signs an editor's writes, and its grants. The key lives in the node's key
/// store like any author key, so that its secret never leaves the node; the site signs with it on
/// the editor's behalf, and only for the communities and kinds the account's rights name.
enum EditorKey {
    /// How long a grant made for an editor lasts: a year, the longest a grant may (DESIGN §5).
    static let grantLength: Int64 = 365 * 86_400_000

    /// The key store's name for an account's author key.
    static func name(for account: String) -> String { "user-\(account)" }

    /// The editor's author key: a new one, or the one a removed account of the same name left,
    /// so that re-adding a person keeps the grants their key holds.
    static func prepare(for account: String, in node: Node) throws -> KeyEntry {
        let name = name(for: account)
        if let existing = try node.directory.keys.entry(named: name) {
            guard existing.role == .author else {
                throw StoreError(
                    .keyExists,
                    "the key store holds a \(existing.role.rawValue) key named \(name); an editor's author key "
                        + "needs that name: choose another account name"
                )
            }
            return existing
        }
        return try node.directory.keys.create(name: name, role: .author)
    }

    /// Grants the editor's key some kinds in a community for a year when the node holds the
    /// community's key; otherwise says which grant to ask the key's holder for.
    ///
    /// - Returns: a line for the operator.
    static func grant(
        _ kinds: Set<RecordKind>,
        in community: PublicKey,
        named communityName: String?,
        to editor: KeyEntry,
        node: Node
    ) async throws -> String {
        let label = communityName ?? community.hex
        let kindNames = kinds.map(\.name).sorted()
        let from = Int64(node.now)
        let until = from + grantLength
        guard let key = try node.directory.keys.signingKey(for: community) else {
            let flags = kindNames.map { "--kinds \($0)" }.joined(separator: " ")
            return """
                This node does not hold the key of \(label): until its holder grants the editor's key, \
                its writes wait in quarantine. Ask for:
                  artel grant \(community.hex.prefix(16)) \(editor.publicKey.hex) \(flags) --until \(Moments.text(until, dateOnly: true))
                """
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
        let granted = try await Publisher(replica: node.replica, key: key).create(
            .grant,
            community: community,
            record: RecordID.grant(issuer: community, timestamp: HLC(milliseconds: node.now)),
            operations: operations,
            now: node.now
        )
        return "Granted \(kindNames.joined(separator: ", ")) in \(label) until "
            + "\(Moments.text(until, dateOnly: true)): grant \(granted.delta.record.hex)."
    }
}
