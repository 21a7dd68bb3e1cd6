/// What a community's control plane means: the standing of every grant, from
/// ``ControlPlane/evaluate()``. ``Authorization/authorize(_:id:trust:)`` reads it.
public struct Trust: Sendable {
    /// How a grant stands.
    public enum Standing: Hashable, Sendable {
        /// Its chain reaches the community key; what it allows.
        case valid(Chain)
        /// Its chain is incomplete: a parent grant has not arrived.
        case waiting(String)
        /// It can never be valid, and why.
        case invalid(DeltaError)
    }

    /// What a valid grant allows once its whole chain is taken into account.
    public struct Chain: Hashable, Sendable {
        /// The kinds the grantee may write.
        public let kinds: Set<RecordKind>
        /// The first moment, in Unix milliseconds.
        public let validFrom: Int64
        /// The last moment, in Unix milliseconds.
        public let validUntil: Int64
        /// The earliest revocation on the chain: deltas stamped from it on are not covered.
        public let cutoff: HLC?
        /// Whether the grant itself was revoked as compromised.
        public let compromised: Bool

        /// Whether an HLC falls within the dates.
        func covers(_ timestamp: HLC) -> Bool {
            guard let moment = Int64(exactly: timestamp.milliseconds) else { return false }
            return validFrom <= moment && moment <= validUntil
        }
    }

    /// The deepest a chain of grants may go, the root grant counted.
    public static let deepestChain = 8

    /// The facts evaluated.
    public let plane: ControlPlane
    /// Each grant's standing, by record id.
    public let standings: [RecordID: Standing]

    /// The trust of a community that holds no grants: only the community key may write.
    public static func empty(_ community: PublicKey) -> Trust {
        Trust(plane: ControlPlane(community: community), standings: [:])
    }
}

/// Whether a delta may be applied, given its community's control plane.
public enum Verdict: Hashable, Sendable {
    /// A valid chain covers it, or its author is the community key.
    case authorized
    /// It cannot be decided yet: a grant it needs has not arrived. It waits in quarantine.
    case waiting(String)
    /// It is not authorized by the control plane as it stands.
    case refused(DeltaError)
}
