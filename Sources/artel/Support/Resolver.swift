import ArtelCore
import ArtelStore

/// Turns what people type (names, id prefixes) into communities, records and keys.
struct Resolver {
    let node: Node

    /// A community by its name (any case), the name of its key, or a prefix of its id.
    func community(_ text: String) async throws -> PublicKey {
        var query = RecordQuery(kind: .community)
        query.limit = 10_000
        let communities = try await node.replica.list(query)
        let named = communities.filter { $0.string("name")?.lowercased() == text.lowercased() }
        if named.count == 1 { return named[0].community }
        if named.count > 1 {
            throw StoreError(
                .ambiguous,
                "\(named.count) communities are named \"\(text)\"; give the id instead:\n"
                    + named.map { "  \($0.community.hex)" }.joined(separator: "\n")
            )
        }
        if let key = try node.readingKeys({ try $0.entry(named: text) }, absent: nil), key.role == .community {
            return key.publicKey
        }
        let lowered = text.lowercased()
        if Hex.isHexDigits(lowered) {
            let matches = Set(communities.map(\.community).filter { $0.hex.hasPrefix(lowered) })
            if matches.count == 1 { return matches.first! }
            if matches.count > 1 {
                throw StoreError(.ambiguous, "\"\(text)\" starts \(matches.count) community ids; give more digits")
            }
            if lowered.count == 64, let key = PublicKey(hex: lowered) { return key }
        }
        throw StoreError(
            .notFound,
            "no community is named or starts with \"\(text.prefix(64))\"; see `artel list communities`"
        )
    }

    /// A stored record of a kind by a unique prefix of its id.
    func record(_ kind: RecordKind, _ prefix: String) async throws -> StoredRecord {
        try await record(among: [kind], prefix)
    }

    /// A stored record of any of some kinds by a unique prefix of its id.
    func record(among kinds: [RecordKind], _ prefix: String) async throws -> StoredRecord {
        let matches = try await node.replica.findRecords(among: kinds, idPrefix: prefix.lowercased())
        let what = kinds.count == 1 ? "\(kinds[0])" : "record"
        guard let (kind, match) = matches.first else {
            throw StoreError(.notFound, "no \(what) has an id starting with \"\(prefix.prefix(32))\"")
        }
        guard matches.count == 1 else {
            throw StoreError(
                .ambiguous,
                "\"\(prefix)\" starts several \(what) ids; give more digits:\n"
                    + matches.map { "  \($0.kind) \($0.reference.record.hex)" }.joined(separator: "\n")
            )
        }
        guard let record = try await node.replica.record(kind, match) else {
            throw StoreError(.notFound, "the \(kind) \(match.record) has expired")
        }
        return record
    }

    /// The reference to a live record of a kind by a unique prefix of its id.
    func reference(_ kind: RecordKind, _ prefix: String) async throws -> Reference {
        let record = try await record(kind, prefix)
        guard !record.state.isDeleted else { throw StoreError(.notFound, "the \(kind) \(record.id) has been deleted") }
        return record.reference
    }

    /// The key that signs for a community: the author key given, else the community's own key.
    /// Whether that key may write what it signs is for ``Publisher`` to decide, against the grants.
    func signingKey(for community: PublicKey, author: AuthorOption) throws -> SigningKey {
        if let author = author.author { return try node.directory.keys.load(author).1 }
        guard let key = try node.directory.keys.signingKey(for: community) else {
            throw StoreError(
                .keyNotFound,
                "this node does not hold the key of community \(community.hex.prefix(16))…; "
                    + "sign with an author key the community granted (--author KEY), "
                    + "or import the community key with `artel keys import FILE`"
            )
        }
        return key
    }

    /// The publisher that signs for a community.
    func publisher(for community: PublicKey, author: AuthorOption) throws -> Publisher {
        Publisher(replica: node.replica, key: try signingKey(for: community, author: author))
    }

    /// A public key: a name in the key store, a unique prefix of a stored key, or 64 hex digits.
    func publicKey(_ text: String) throws -> PublicKey {
        if let entry = try node.directory.keys.entry(named: text) { return entry.publicKey }
        if text.count == 64, let key = PublicKey(hex: text.lowercased()) { return key }
        return try node.directory.keys.load(text).0.publicKey
    }

    /// Names of the communities this replica knows, for display.
    func communityNames() async throws -> [PublicKey: String] {
        var query = RecordQuery(kind: .community)
        query.limit = 10_000
        var names: [PublicKey: String] = [:]
        for view in try await node.replica.list(query) { names[view.community] = view.string("name") }
        return names
    }
}
