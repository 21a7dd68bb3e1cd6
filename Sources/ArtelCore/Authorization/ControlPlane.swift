/// The grants and revocations of one community that a node holds, whether or not they are valid
/// yet. ``evaluate()`` decides what they mean together; the facts themselves only grow, so the
/// decision depends on which deltas arrived, never on their order.
public struct ControlPlane: Sendable {
    /// The community.
    public let community: PublicKey
    /// Each grant by its record id: the one with the smaller delta id when its issuer signed two.
    public private(set) var grants: [RecordID: Grant] = [:]
    /// Every revocation, by the grant it names.
    public private(set) var revocations: [RecordID: [Revocation]] = [:]
    /// Grant ids by grantee.
    private var grantsByGrantee: [PublicKey: Set<RecordID>] = [:]
    private var revocationIDs: Set<DeltaID> = []

    /// An empty control plane.
    public init(community: PublicKey) {
        self.community = community
    }

    /// Adds a grant or revocation delta of this community.
    ///
    /// - Returns: whether the control plane changed.
    /// - Throws: ``DeltaError`` when the delta is not a whole grant or revocation.
    @discardableResult
    public mutating func insert(_ signed: SignedDelta) throws(DeltaError) -> Bool {
        precondition(signed.delta.community == community, "a delta of another community")
        switch signed.delta.kind {
        case .grant:
            let grant = try Grant(signed)
            if let existing = grants[grant.id] {
                // Only the issuer can claim its grant's id (it derives from the issuer and the
                // timestamp); of two such claims, the smaller delta id is the grant.
                guard grant.delta < existing.delta else { return false }
                grantsByGrantee[existing.grantee]?.remove(grant.id)
            }
            grants[grant.id] = grant
            grantsByGrantee[grant.grantee, default: []].insert(grant.id)
            return true
        case .revocation:
            let revocation = try Revocation(signed)
            guard revocationIDs.insert(revocation.delta).inserted else { return false }
            revocations[revocation.grant, default: []].append(revocation)
            return true
        default:
            preconditionFailure("a \(signed.delta.kind) delta is not control plane")
        }
    }

    /// The grants given to a key, in record id order.
    func grants(of grantee: PublicKey) -> [Grant] {
        (grantsByGrantee[grantee] ?? []).sorted().compactMap { grants[$0] }
    }

    /// Decides every grant's standing.
    public func evaluate() -> Trust {
        var evaluation = Evaluation(plane: self)
        for id in grants.keys { _ = evaluation.standing(of: id) }
        return Trust(plane: self, standings: evaluation.standings)
    }

    /// The issuers up a grant's chain, from the grant's own issuer to the root's; `complete` is
    /// false when a parent is missing before the chain reaches the community key.
    func issuers(of id: RecordID) -> (keys: Set<PublicKey>, complete: Bool) {
        var keys: Set<PublicKey> = []
        var next: RecordID? = id
        for _ in 0..<Trust.deepestChain {
            guard let current = next, let grant = grants[current] else { return (keys, false) }
            keys.insert(grant.issuer)
            if grant.issuer == community { return (keys, true) }
            next = grant.parent
        }
        return (keys, false)
    }

    /// How many grants a grant's chain holds, itself included, up to the root or the first missing
    /// parent; `deepestChain + 1` once it is longer, or loops.
    func links(above grant: Grant) -> Int {
        var count = 1
        var current = grant
        while current.issuer != community, let parentID = current.parent, let parent = grants[parentID] {
            count += 1
            if count > Trust.deepestChain { return count }
            current = parent
        }
        return count
    }

    /// Whether a revocation's issuer may end the grant it names: the community key, or an issuer
    /// up the grant's chain. `nil` while the chain is incomplete.
    func mayRevoke(_ revocation: Revocation) -> Bool? {
        if revocation.issuer == community { return true }
        let (keys, complete) = issuers(of: revocation.grant)
        if keys.contains(revocation.issuer) { return true }
        return complete ? false : nil
    }
}

/// The memoized walk behind ``ControlPlane/evaluate()``.
private struct Evaluation {
    let plane: ControlPlane
    var standings: [RecordID: Trust.Standing] = [:]

    /// A grant's standing, which depends only on the grants up its chain, never on where the walk
    /// started (``ControlPlane/links(above:)`` bounds the chain before the walk goes up it).
    mutating func standing(of id: RecordID) -> Trust.Standing {
        if let known = standings[id] { return known }
        let standing = decide(plane.grants[id]!)
        standings[id] = standing
        return standing
    }

    private mutating func decide(_ grant: Grant) -> Trust.Standing {
        let own = revocationEffect(on: grant.id)
        let name = "grant \(grant.id.hex.prefix(12))"
        if grant.issuer == plane.community {
            return .valid(
                Trust.Chain(
                    kinds: grant.kinds,
                    validFrom: grant.validFrom,
                    validUntil: grant.validUntil,
                    cutoff: own.cutoff,
                    compromised: own.compromised
                )
            )
        }
        guard let parentID = grant.parent else {
            return .invalid(
                DeltaError(
                    .unauthorized,
                    "\(name) is signed by \(grant.issuer.hex.prefix(16))…, not the community key, and names no parent grant"
                )
            )
        }
        guard let parent = plane.grants[parentID] else {
            return .waiting("\(name) was made under grant \(parentID.hex.prefix(12)), which has not arrived")
        }
        // Counted by walking up, not by recursion: the walk below then never goes deeper than this.
        guard plane.links(above: grant) <= Trust.deepestChain else {
            return .invalid(
                DeltaError(
                    .unauthorized,
                    "\(name) sits more than \(Trust.deepestChain) grants deep, or its chain loops"
                )
            )
        }
        let parentName = "grant \(parentID.hex.prefix(12))"
        let chain: Trust.Chain
        switch standing(of: parentID) {
        case .waiting(let why): return .waiting(why)
        case .invalid(let error):
            return .invalid(DeltaError(error.code, "\(name) rests on \(parentName): \(error.message)"))
        case .valid(let parentChain): chain = parentChain
        }
        guard parent.grantee == grant.issuer else {
            return .invalid(DeltaError(.unauthorized, "\(parentName) was given to another key than \(name)'s issuer"))
        }
        guard parent.mayDelegate else {
            return .invalid(DeltaError(.unauthorized, "\(parentName) does not allow delegation"))
        }
        let widened = grant.kinds.subtracting(chain.kinds)
        guard widened.isEmpty else {
            let names = widened.map(\.name).sorted().joined(separator: ", ")
            return .invalid(DeltaError(.unauthorized, "\(name) widens \(parentName) to \(names)"))
        }
        guard chain.validFrom <= grant.validFrom, grant.validUntil <= chain.validUntil else {
            return .invalid(DeltaError(.unauthorized, "\(name) reaches outside the dates of \(parentName)"))
        }
        if chain.compromised {
            return .invalid(DeltaError(.revoked, "\(parentName) was revoked as compromised"))
        }
        guard chain.covers(grant.timestamp) else {
            return .invalid(DeltaError(.outsideGrant, "\(name) was signed outside the dates of \(parentName)"))
        }
        if let cutoff = chain.cutoff, grant.timestamp >= cutoff {
            return .invalid(DeltaError(.revoked, "\(name) was signed after \(parentName) was revoked"))
        }
        return .valid(
            Trust.Chain(
                kinds: grant.kinds,
                validFrom: grant.validFrom,
                validUntil: grant.validUntil,
                cutoff: [own.cutoff, chain.cutoff].compactMap { $0 }.min(),
                compromised: own.compromised
            )
        )
    }

    /// The earliest cutoff and whether any revocation by a key that may revoke it says compromised.
    private func revocationEffect(on id: RecordID) -> (cutoff: HLC?, compromised: Bool) {
        var cutoff: HLC?
        var compromised = false
        for revocation in plane.revocations[id] ?? [] where plane.mayRevoke(revocation) == true {
            cutoff = min(cutoff ?? revocation.effectiveFrom, revocation.effectiveFrom)
            compromised = compromised || revocation.compromised
        }
        return (cutoff, compromised)
    }
}
