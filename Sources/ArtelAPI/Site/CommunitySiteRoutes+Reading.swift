import ArtelCore
import ArtelFormats
import ArtelNode
import ArtelStore
import ArtelWeb
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

extension CommunitySiteRoutes {
    /// The most memberships, ties or people one read brings.
    static let readLimit = 10_000

    /// A community's public leaders, by name: the people of its public memberships (recorded by the
    /// community itself) whose person record is public. The store counts a membership as public only
    /// when its person is public and consents to showing memberships (DESIGN §6).
    func leaders(of community: PublicKey) async throws -> [Leader] {
        let memberships = try await publicMemberships(of: [community])
        let people = try await publicPeople(Set(memberships.compactMap(Leader.person)))
        var seen: Set<Reference> = []
        return memberships.compactMap { membership -> Leader? in
            guard let reference = Leader.person(of: membership), let person = people[reference],
                seen.insert(reference).inserted
            else { return nil }
            return Leader(membership: membership, person: person)
        }
        .sorted { ($0.name.lowercased(), $0.person) < ($1.name.lowercased(), $1.person) }
    }

    /// The public memberships some communities (every one when empty) recorded of themselves: a
    /// membership's `community` names the community whose key signed it, or is left out.
    func publicMemberships(of communities: [PublicKey]) async throws -> [RecordView] {
        var query = RecordQuery(kind: .membership)
        query.communities = communities
        query.visibilities = [.public]
        query.limit = Self.readLimit
        return try await context.replica.list(query).filter { membership in
            switch membership.value(of: "community") {
            case nil: return true
            case .single(.reference(let named))?: return named == .community(membership.community)
            default: return false
            }
        }
    }

    /// The number of public leaders of each community.
    func leaderCounts() async throws -> [PublicKey: Int] {
        let memberships = try await publicMemberships(of: [])
        let people = try await publicPeople(Set(memberships.compactMap(Leader.person)))
        var leaders: [PublicKey: Set<Reference>] = [:]
        for membership in memberships {
            guard let person = Leader.person(of: membership), people[person] != nil else { continue }
            leaders[membership.community, default: []].insert(person)
        }
        return leaders.mapValues(\.count)
    }

    /// The public ties between two of `people`.
    func ties(among people: Set<Reference>) async throws -> [LeaderTie] {
        guard people.count > 1 else { return [] }
        var query = RecordQuery(kind: .tie)
        query.visibilities = [.public]
        query.limit = Self.readLimit
        if people.count <= 20 {
            var ties: [LeaderTie] = []
            var seen: Set<RecordID> = []
            for person in people.sorted() {
                query.person = person
                for view in try await context.replica.list(query) where seen.insert(view.id).inserted {
                    if let tie = LeaderTie(view), people.contains(tie.from), people.contains(tie.to) {
                        ties.append(tie)
                    }
                }
            }
            return ties
        }
        return try await context.replica.list(query).compactMap(LeaderTie.init).filter {
            people.contains($0.from) && people.contains($0.to)
        }
    }

    /// The public person records among `references`, by reference.
    func publicPeople(_ references: Set<Reference>) async throws -> [Reference: RecordView] {
        var people: [Reference: RecordView] = [:]
        let byCommunity = Dictionary(grouping: references, by: \.community)
        for (community, members) in byCommunity {
            let records = members.map(\.record).sorted()
            for start in stride(from: 0, to: records.count, by: 500) {
                var query = RecordQuery(kind: .person)
                query.communities = [community]
                query.records = Array(records[start..<min(start + 500, records.count)])
                query.visibilities = [.public]
                query.limit = 500
                for view in try await context.replica.list(query) { people[view.reference] = view }
            }
        }
        return people
    }

    /// A community's next public events, occurrences of repeating ones included: at most five, by start.
    func upcomingEvents(of community: PublicKey, now: Int64) async throws -> [CommunityPage.Upcoming] {
        var query = RecordQuery(kind: .event)
        query.communities = [community]
        query.visibilities = [.public]
        query.from = now
        query.limit = 50
        var upcoming: [CommunityPage.Upcoming] = []
        for stored in try await context.replica.records(query) {
            guard let event = CalendarEvent(record: stored.id, state: stored.state) else { continue }
            let occurrences =
                event.recurrence == nil
                ? [event] : event.occurrences(from: now, through: now + CalendarEvent.listingAhead, limit: 5)
            for occurrence in occurrences where (occurrence.end ?? occurrence.start) >= now {
                upcoming.append((stored.id, occurrence))
            }
        }
        return Array(upcoming.sorted { ($0.event.start, $0.record) < ($1.event.start, $1.record) }.prefix(5))
    }

    /// An SVG picture, under a policy that lets it load nothing.
    static func svg(_ document: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "image/svg+xml; charset=utf-8",
                .contentSecurityPolicy: "default-src 'none'; frame-ancestors 'none'",
                HTTPField.Name("X-Content-Type-Options")!: "nosniff",
                .cacheControl: "no-cache",
                .vary: "Accept-Language, Cookie",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(string: document))
        )
    }
}
