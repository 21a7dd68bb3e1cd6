/// The kinds of record a federation shares, with their number in the encoding.
public enum RecordKind: UInt8, CaseIterable, Sendable, CustomStringConvertible {
    /// A community's profile; its record id derives from the community key.
    case community = 1
    /// A person, usually a leader of a community.
    case person = 2
    /// A person's membership and roles in a community.
    case membership = 3
    /// A tie between two people: mentoring, co-organizing, referral, collaboration.
    case tie = 4
    /// A vacancy.
    case job = 5
    /// A curated list of vacancies.
    case digest = 6
    /// A webinar, meetup, conference or other event.
    case event = 7
    /// The right of an author key to write for a community (control plane).
    case grant = 8
    /// The end of a grant (control plane).
    case revocation = 9

    /// The public name of the kind, as used in JSON and on the command line.
    public var name: String {
        switch self {
        case .community: "community"
        case .person: "person"
        case .membership: "membership"
        case .tie: "tie"
        case .job: "job"
        case .digest: "digest"
        case .event: "event"
        case .grant: "grant"
        case .revocation: "revocation"
        }
    }

    /// Finds a kind by its public name.
    public init?(name: some StringProtocol) {
        guard let kind = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = kind
    }

    /// Whether the kind is a grant or a revocation: the deltas that decide who may write, always
    /// kept, and never written under a grant themselves. (The control plane that sessions reconcile
    /// first also holds community profiles: ``KindSet/controlPlane``.)
    public var isGrantOrRevocation: Bool { self == .grant || self == .revocation }

    public var description: String { name }

    /// The schema of the kind: its fields and rules.
    public var schema: KindSchema { KindSchema.registry[Int(rawValue) - 1] }
}
