public import ArtelCore
public import ArtelStore
import Foundation

/// A person a community shows publicly: a public person record with a public membership of the
/// community (DESIGN §6: the store counts a membership as public only when its person is public and
/// consents to showing memberships).
public struct Leader: Sendable, Equatable {
    /// The person record.
    public let person: Reference
    /// Their display name.
    public let name: String
    /// Their roles in the community, in the schema's order.
    public let roles: [String]
    /// Where they live or work.
    public let locality: String?

    /// A leader.
    public init(person: Reference, name: String, roles: [String], locality: String?) {
        self.person = person
        self.name = name
        self.roles = roles
        self.locality = locality
    }

    /// The leader a public membership and its public person record show; `nil` when either is
    /// not what it should be.
    public init?(membership: RecordView, person: RecordView) {
        guard membership.kind == .membership, person.kind == .person,
            let name = person.string("display_name"), !name.isEmpty
        else { return nil }
        let order = ["founder", "leader", "organizer", "ambassador", "moderator", "member"]
        let roles = CommunityProfile.strings(membership.value(of: "roles"))
        self.init(
            person: person.reference,
            name: name,
            roles: roles.sorted {
                (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1)
            },
            locality: person.string("locality")
        )
    }

    /// The person a membership names.
    public static func person(of membership: RecordView) -> Reference? {
        guard case .single(.reference(let person))? = membership.value(of: "person") else { return nil }
        return person
    }
}

/// A tie between two people, as the network draws it.
public struct LeaderTie: Sendable, Equatable {
    /// The person it starts at (the mentor, the one who referred).
    public let from: Reference
    /// The other person.
    public let to: Reference
    /// `mentors`, `co_organizes`, `referred` or `collaborates`.
    public let type: String

    /// A tie.
    public init(from: Reference, to: Reference, type: String) {
        self.from = from
        self.to = to
        self.type = type
    }

    /// The tie a public tie record shows; `nil` when it lacks an end.
    public init?(_ view: RecordView) {
        guard view.kind == .tie, case .single(.reference(let from))? = view.value(of: "from"),
            case .single(.reference(let to))? = view.value(of: "to")
        else { return nil }
        self.init(from: from, to: to, type: view.string("type") ?? "")
    }
}

/// The network of people and ties the site draws (``NetworkGraph``), with its words.
public enum LeaderNetwork: Sendable {
    /// How each tie type is drawn: mentoring and referrals point from one person to the other.
    static let styles: [(type: String, pattern: NetworkGraph.Pattern, directed: Bool)] = [
        ("mentors", .solid, true), ("co_organizes", .dashed, false), ("referred", .dotted, true),
        ("collaborates", .double, false),
    ]

    /// The graph of `people` and the ties among them; ties naming anyone else are left out.
    ///
    /// - Parameters:
    ///   - community: the community's name, or `nil` for the whole federation.
    public static func graph(
        people: [(person: Reference, name: String)],
        ties: [LeaderTie],
        community: String?,
        _ frame: PageFrame
    ) -> NetworkGraph {
        let words = frame.words
        let names = Dictionary(people.map { ($0.person, $0.name) }, uniquingKeysWith: { first, _ in first })
        let shown = ties.filter { names[$0.from] != nil && names[$0.to] != nil && $0.from != $0.to }
        let edges = shown.map { tie -> NetworkGraph.Edge in
            let style = styles.first { $0.type == tie.type } ?? (tie.type, .solid, false)
            return NetworkGraph.Edge(
                from: tie.from.description,
                to: tie.to.description,
                pattern: style.pattern,
                directed: style.directed,
                label: sentence(tie, names: names, words)
            )
        }
        let title =
            community.map { words["communities.graphTitle"].replacingOccurrences(of: "{name}", with: $0) }
            ?? words["communities.graphFederationTitle"]
        let summary = words["communities.graphSummary"]
            .replacingOccurrences(of: "{people}", with: words.count("communities.people", names.count))
            .replacingOccurrences(of: "{ties}", with: words.count("communities.ties", edges.count))
        return NetworkGraph(
            title: title,
            summary: summary,
            nodes: names.map { NetworkGraph.Node(id: $0.key.description, label: $0.value) },
            edges: edges,
            legend: styles.map {
                NetworkGraph.LegendItem(
                    pattern: $0.pattern,
                    directed: $0.directed,
                    label: words["communities.legend.\($0.type)"]
                )
            } + [NetworkGraph.LegendItem(pattern: .solid, directed: false, label: words["communities.legend.other"])],
            emptyText: words["communities.graphEmpty"]
        )
    }

    /// A tie in words: `Анна — наставник для Бориса`.
    static func sentence(_ tie: LeaderTie, names: [Reference: String], _ words: SiteWords) -> String {
        let key = styles.contains { $0.type == tie.type } ? "communities.tie.\(tie.type)" : "communities.tie.other"
        return words[key].replacingOccurrences(of: "{from}", with: names[tie.from] ?? "")
            .replacingOccurrences(of: "{to}", with: names[tie.to] ?? "")
    }

    /// The ties among `people` in words, sorted, for the list beside the picture.
    static func sentences(
        people: [(person: Reference, name: String)],
        ties: [LeaderTie],
        _ words: SiteWords
    ) -> [String] {
        let names = Dictionary(people.map { ($0.person, $0.name) }, uniquingKeysWith: { first, _ in first })
        return ties.filter { names[$0.from] != nil && names[$0.to] != nil && $0.from != $0.to }
            .map { sentence($0, names: names, words) }.sorted()
    }
}
