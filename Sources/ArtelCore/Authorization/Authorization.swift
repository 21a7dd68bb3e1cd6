/// Who may write what (DESIGN §5). Every decision about authorship goes through
/// ``authorize(_:id:trust:)``, so the store, the sync session and the command line cannot disagree.
public enum Authorization: Sendable {
    /// Decides whether a delta may be applied.
    ///
    /// A data delta is authorized when its author is the community key, or when a valid grant chain
    /// gives its author its kind at its timestamp, before any revocation on the chain. A grant is
    /// authorized when its chain is valid; a revocation when its author is the community key or an
    /// issuer up the chain of the grant it ends.
    ///
    /// - Parameters:
    ///   - delta: a delta whose signature and kind rules have been checked.
    ///   - id: its id.
    ///   - trust: the evaluated control plane of the delta's community.
    public static func authorize(_ delta: Delta, id: DeltaID, trust: Trust) -> Verdict {
        precondition(delta.community == trust.plane.community, "authorizing against another community's grants")
        switch delta.kind {
        case .grant: return authorizeGrant(delta, id: id, trust: trust)
        case .revocation: return authorizeRevocation(delta, id: id, trust: trust)
        default: break
        }
        if delta.author == delta.community { return .authorized }
        let candidates = trust.plane.grants(of: delta.author)
        guard !candidates.isEmpty else {
            return .waiting(
                "no grant of community \(delta.community.hex.prefix(16))… to author \(delta.author.hex.prefix(16))… has arrived"
            )
        }
        var waiting: String?
        var refusal: DeltaError?
        for grant in candidates {
            let name = "grant \(grant.id.hex.prefix(12))"
            switch trust.standings[grant.id] {
            case .valid(let chain):
                if !chain.kinds.contains(delta.kind) {
                    let kinds = chain.kinds.map(\.name).sorted().joined(separator: ", ")
                    refusal = refusal ?? DeltaError(.unauthorized, "\(name) covers \(kinds), not \(delta.kind)")
                } else if !chain.covers(delta.timestamp) {
                    refusal = refusal ?? DeltaError(.outsideGrant, "the delta was made outside the dates of \(name)")
                } else if chain.compromised {
                    refusal = refusal ?? DeltaError(.revoked, "\(name) was revoked as compromised")
                } else if let cutoff = chain.cutoff, delta.timestamp >= cutoff {
                    refusal = refusal ?? DeltaError(.revoked, "\(name) was revoked before the delta was made")
                } else {
                    return .authorized
                }
            case .waiting(let why): waiting = waiting ?? why
            case .invalid(let error): refusal = refusal ?? error
            case nil: continue
            }
        }
        if let waiting { return .waiting(waiting) }
        return .refused(refusal!)
    }

    /// Decides a delta with the person rules too (``SubjectRules``): a person's bound subject key
    /// writes their record; any other author must be authorized and must not change what only the
    /// subject may. The community's trust is asked for only when it is needed: a data delta signed
    /// by its community key needs none.
    ///
    /// - Parameters:
    ///   - subject: the subject key bound to the person record the delta writes, if any.
    ///   - trust: the evaluated control plane of the delta's community.
    public static func authorize(
        _ signed: SignedDelta,
        subject binding: SubjectRules.Binding?,
        trust: () throws -> Trust
    ) rethrows -> Verdict {
        let delta = signed.delta
        if let binding, binding.key == delta.author { return .authorized }
        let verdict =
            !delta.kind.isGrantOrRevocation && delta.author == delta.community
            ? .authorized : authorize(delta, id: signed.id, trust: try trust())
        guard verdict == .authorized else { return verdict }
        return SubjectRules.violation(signed, binding: binding).map(Verdict.refused) ?? .authorized
    }

    private static func authorizeGrant(_ delta: Delta, id: DeltaID, trust: Trust) -> Verdict {
        guard let grant = trust.plane.grants[delta.record], let standing = trust.standings[delta.record] else {
            preconditionFailure("a grant authorized before it was added to its control plane")
        }
        guard grant.delta == id else {
            return .refused(
                DeltaError(.invalidField, "grant \(delta.record.hex.prefix(12)) already exists; a grant cannot change")
            )
        }
        switch standing {
        case .valid: return .authorized
        case .waiting(let why): return .waiting(why)
        case .invalid(let error): return .refused(error)
        }
    }

    private static func authorizeRevocation(_ delta: Delta, id: DeltaID, trust: Trust) -> Verdict {
        guard case .reference(let target)? = delta.value(setting: 1),
            let revocation = trust.plane.revocations[target.record]?.first(where: { $0.delta == id })
        else {
            preconditionFailure("a revocation authorized before it was added to its control plane")
        }
        switch trust.plane.mayRevoke(revocation) {
        case true: return .authorized
        case false:
            return .refused(
                DeltaError(
                    .unauthorized,
                    "only the community key or an issuer up its chain may revoke grant \(revocation.grant.hex.prefix(12))"
                )
            )
        case nil:
            return .waiting("the chain of grant \(revocation.grant.hex.prefix(12)) has not arrived whole")
        }
    }
}
