import ArtelCore
import ArtelFormats
import ArtelStore

/// The public jobs and events of some communities, as exports take them.
enum PublicListings {
    static func jobs(
        _ replica: Replica,
        communities: Set<PublicKey>,
        names: [PublicKey: String]
    ) async throws -> [JobListing] {
        try await replica.records(query(.job, communities)).compactMap {
            JobListing(id: $0.id, community: $0.community, state: $0.state, communityName: names[$0.community])
        }
    }

    static func events(_ replica: Replica, communities: Set<PublicKey>) async throws -> [CalendarEvent] {
        try await replica.records(query(.event, communities)).compactMap {
            CalendarEvent(record: $0.id, state: $0.state)
        }
    }

    private static func query(_ kind: RecordKind, _ communities: Set<PublicKey>) -> RecordQuery {
        var query = RecordQuery(kind: kind)
        query.communities = Array(communities)
        query.visibilities = [.public]
        query.limit = 1_000_000
        return query
    }
}
