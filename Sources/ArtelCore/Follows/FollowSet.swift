/// What a node replicates: per community, the record kinds it follows (DESIGN §5, follows).
///
/// A node stores, reconciles and relays only deltas whose scope its follow set contains; a peer's
/// delta outside it is refused (``DeltaError/Code/notFollowed``). An entry may name every community
/// at once, for a node that relays a whole federation.
///
/// Following any kind of a community always follows its control plane too
/// (``KindSet/controlPlane``: its profile, grants and revocations), whatever kinds the operator
/// named: without them the data of the community's delegated authors could never be decided and
/// would wait in quarantine for good. A node's own follows carry them (``withControlPlanes()``);
/// a peer's hello is taken as sent, so that an older peer is never offered what it refuses.
public struct FollowSet: Hashable, Sendable {
    /// The kinds followed in one community (or in every community when `community` is `nil`).
    public struct Entry: Hashable, Sendable {
        /// The community, or `nil` for every community.
        public let community: PublicKey?
        /// The kinds followed.
        public let kinds: KindSet

        /// An entry.
        public init(community: PublicKey?, kinds: KindSet) {
            self.community = community
            self.kinds = kinds
        }
    }

    /// The entries, at most one per community (and one for every community).
    public private(set) var entries: [Entry]

    /// A follow set from entries; entries of the same community are joined.
    public init(_ entries: [Entry] = []) {
        var kinds: [PublicKey?: KindSet] = [:]
        for entry in entries { kinds[entry.community, default: []].formUnion(entry.kinds) }
        self.entries = kinds.filter { !$0.value.isEmpty }
            .map { Entry(community: $0.key, kinds: $0.value) }
            .sorted { ($0.community?.hex ?? "") < ($1.community?.hex ?? "") }
    }

    /// The set with the ``KindSet/controlPlane`` added to every entry: what a node follows when its
    /// operator follows some kinds of a community.
    public func withControlPlanes() -> FollowSet {
        FollowSet(entries.map { Entry(community: $0.community, kinds: $0.kinds.union(.controlPlane)) })
    }

    /// Every kind of every community: what a node's own writes are checked against.
    public static let everything = FollowSet([Entry(community: nil, kinds: .all)])

    /// The kinds followed in a community.
    public func kinds(in community: PublicKey) -> KindSet {
        entries.reduce(into: KindSet()) { kinds, entry in
            if entry.community == nil || entry.community == community { kinds.formUnion(entry.kinds) }
        }
    }

    /// Whether deltas of a scope are followed.
    public func contains(_ scope: Scope) -> Bool {
        kinds(in: scope.community).contains(scope.kind)
    }

    /// Refuses a delta of a scope this node does not follow.
    ///
    /// - Throws: ``DeltaError/Code/notFollowed``, saying how to follow the scope.
    public func check(_ delta: Delta) throws(DeltaError) {
        guard !contains(delta.scope) else { return }
        throw DeltaError(
            .notFollowed,
            "this node does not follow \(delta.kind) records of community \(delta.community.hex.prefix(16))…; "
                + "`artel follow \(delta.community.hex)` accepts them"
        )
    }

    /// What two nodes both follow: the scopes a session between them reconciles.
    public func intersection(_ other: FollowSet) -> FollowSet {
        var result: [Entry] = []
        for mine in entries {
            for theirs in other.entries {
                let community: PublicKey?
                switch (mine.community, theirs.community) {
                case (nil, nil):
                    community = nil
                case (nil, let some?), (let some?, nil):
                    community = some
                case (let left?, let right?):
                    guard left == right else { continue }
                    community = left
                }
                result.append(Entry(community: community, kinds: mine.kinds.intersection(theirs.kinds)))
            }
        }
        return FollowSet(result)
    }
}
