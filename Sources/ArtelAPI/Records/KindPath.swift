import ArtelCore
import HTTPTypes

/// The path segment of each kind the API serves: `/api/v1/jobs`, `/api/v1/people`…
enum KindPath {
    static let all: [(segment: String, kind: RecordKind)] = [
        ("jobs", .job), ("events", .event), ("digests", .digest), ("communities", .community), ("people", .person),
        ("memberships", .membership), ("ties", .tie),
    ]

    /// The kind of a path segment.
    static func kind(_ segment: String?) throws -> RecordKind {
        guard let segment, let kind = all.first(where: { $0.segment == segment })?.kind else {
            throw APIError(
                .notFound,
                "no_such_kind",
                "\"\(segment ?? "")\" is not a kind; the API serves \(all.map(\.segment).joined(separator: ", "))"
            )
        }
        return kind
    }

    /// The path segment of a kind.
    static func segment(_ kind: RecordKind) -> String {
        all.first { $0.kind == kind }?.segment ?? kind.name
    }
}
