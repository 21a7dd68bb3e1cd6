public import ArtelCore
public import ArtelFormats
public import ArtelStore
import Foundation

/// The public records that feeds and exports show: only `public` ones (DESIGN §6), never what the
/// operator hid.
public enum PublicListings: Sendable {
    /// The public jobs of some communities (all when empty) that are open at `now`, newest first:
    /// filled, closed and expired jobs leave every feed and export.
    ///
    /// - Parameters:
    ///   - names: the communities' names, for each job's ``JobListing/communityName``.
    ///   - languages: the communities' languages (``communityLanguages(_:)``), which choose the
    ///     words written around each job (``Catalog``).
    public static func jobs(
        _ replica: Replica,
        communities: Set<PublicKey>,
        names: [PublicKey: String],
        languages: [PublicKey: String] = [:],
        now: Int64
    ) async throws -> [JobListing] {
        var query = query(.job, communities)
        query.openAt = now
        return try await replica.records(query).compactMap {
            JobListing(
                id: $0.id,
                community: $0.community,
                state: $0.state,
                communityName: names[$0.community],
                language: languages[$0.community]
            )
        }
    }

    /// The public events of some communities (all when empty), by start.
    public static func events(_ replica: Replica, communities: Set<PublicKey>) async throws -> [CalendarEvent] {
        try await replica.records(query(.event, communities)).compactMap {
            CalendarEvent(record: $0.id, state: $0.state)
        }
    }

    /// A public digest, the public jobs it lists in its order, each with where else its vacancy
    /// was listed (the digest's `also_listed`, ``DigestEntry/alsoListed(from:)``), and the hashtag
    /// its Markdown opens with (``DigestHashtag/choose(explicit:topics:tags:)``: the publishing
    /// community's topic written with `#`, else the digest's first tag), as `artel digest show`
    /// renders it; `nil` when there is no such digest.
    ///
    /// - Parameters:
    ///   - reference: the digest; `nil` for the latest public digest of `communities`.
    ///   - communities: where to look for the latest digest (everywhere when empty).
    ///   - names: the communities' names; an other listing's community the replica knows goes by
    ///     the name it has now, else by the one the digest kept.
    public static func digest(
        _ replica: Replica,
        _ reference: Reference?,
        communities: Set<PublicKey> = [],
        names: [PublicKey: String]
    ) async throws -> (view: RecordView, entries: [DigestEntry], hashtag: String?)? {
        var digests = query(.digest, communities)
        digests.limit = 1
        if let reference {
            digests.records = [reference.record]
            digests.communities = [reference.community]
        }
        guard let view = try await replica.list(digests).first else { return nil }
        let alsoListed = DigestEntry.alsoListed(from: strings(view.value(of: "also_listed")))
        var entries: [DigestEntry] = []
        if case .single(.references(let references)) = view.value(of: "items") {
            var jobs = query(.job, [])
            for reference in references {
                jobs.records = [reference.record]
                jobs.communities = [reference.community]
                guard let stored = try await replica.records(jobs).first,
                    let job = JobListing(
                        id: stored.id,
                        community: stored.community,
                        state: stored.state,
                        communityName: names[stored.community]
                    )
                else { continue }
                let others = (alsoListed[reference] ?? []).map { other in
                    var other = other
                    other.communityName = names[other.community] ?? other.communityName
                    return other
                }
                entries.append(DigestEntry(job: job, alsoListed: others))
            }
        }
        let community = try await replica.record(.community, .community(view.community))?.view
        let hashtag = DigestHashtag.choose(
            explicit: nil,
            topics: strings(community?.value(of: "topics")),
            tags: strings(view.value(of: "tags")).sorted()
        )
        return (view, entries, hashtag)
    }

    /// The texts of a set field, none when it is absent.
    private static func strings(_ value: RecordView.FieldValue?) -> [String] {
        guard case .set(let values)? = value else { return [] }
        return values.compactMap { if case .string(let text) = $0 { text } else { nil } }
    }

    /// The names of the communities a replica knows, for feed titles.
    public static func communityNames(_ replica: Replica) async throws -> [PublicKey: String] {
        try await communityNamesAndLanguages(replica).names
    }

    /// The names of the communities a replica knows, and the languages of those that name one, from
    /// one read of the communities: what a list of jobs written in their communities' words needs.
    public static func communityNamesAndLanguages(
        _ replica: Replica
    ) async throws -> (names: [PublicKey: String], languages: [PublicKey: String]) {
        var (names, languages): ([PublicKey: String], [PublicKey: String]) = ([:], [:])
        for view in try await communities(replica) {
            names[view.community] = view.string("name")
            languages[view.community] = view.string("language")
        }
        return (names, languages)
    }

    /// Communities to choose from in a form, by name as people sort them.
    public static func choices(_ names: [PublicKey: String]) -> [(key: PublicKey, name: String)] {
        names.map { (key: $0.key, name: $0.value) }.sorted {
            $0.name.localizedStandardCompare($1.name) == .orderedAscending
        }
    }

    /// The languages of the communities a replica knows that name one (their `language` field).
    public static func communityLanguages(_ replica: Replica) async throws -> [PublicKey: String] {
        try await communityNamesAndLanguages(replica).languages
    }

    /// The first `http` or `https` link of each community a replica knows that has one (its
    /// `links`, sorted): the page a feed of one community's jobs describes.
    public static func communityWebsites(_ replica: Replica) async throws -> [PublicKey: String] {
        var websites: [PublicKey: String] = [:]
        for view in try await communities(replica) {
            guard case .set(let links)? = view.value(of: "links") else { continue }
            let texts = links.compactMap { if case .string(let link) = $0 { link } else { nil } }
            websites[view.community] = texts.sorted().first(where: FeedLinks.isWebURL)
        }
        return websites
    }

    /// Every community a replica knows (at most 10 000).
    private static func communities(_ replica: Replica) async throws -> [RecordView] {
        var query = RecordQuery(kind: .community)
        query.limit = 10_000
        return try await replica.list(query)
    }

    private static func query(_ kind: RecordKind, _ communities: Set<PublicKey>) -> RecordQuery {
        var query = RecordQuery(kind: kind)
        query.communities = Array(communities)
        query.visibilities = [.public]
        query.limit = 1_000_000
        return query
    }
}
