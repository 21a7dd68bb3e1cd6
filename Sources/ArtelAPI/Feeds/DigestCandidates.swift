public import ArtelCore
public import ArtelFormats
public import ArtelStore

/// The listings a digest may list: the open, shared jobs the node holds, of some communities (all
/// when none are named), posted in a period, for ``DigestComposer`` to compose into de-duplicated
/// entries. `artel digest compose|publish` and the editor's digest page choose from them.
public enum DigestCandidates: Sendable {
    /// The listings, in the order the replica keeps them.
    ///
    /// - Parameters:
    ///   - communities: the communities whose jobs count; all when empty.
    ///   - period: the first and last moment a job may have been posted at, Unix ms.
    ///   - names: the communities' names, by key.
    ///   - admits: a further filter of the jobs (tags, work mode…).
    public static func jobs(
        _ replica: Replica,
        communities: Set<PublicKey>,
        period: (start: Int64, end: Int64),
        names: [PublicKey: String],
        admits: (JobListing) -> Bool = { _ in true }
    ) async throws -> [JobListing] {
        var query = RecordQuery(kind: .job)
        query.communities = Array(communities)
        query.visibilities = [.public, .federation]
        query.limit = 1_000_000
        return try await replica.records(query).compactMap { record -> JobListing? in
            JobListing(
                id: record.id,
                community: record.community,
                state: record.state,
                communityName: names[record.community]
            )
        }
        .filter { job in
            let posted = job.datePosted ?? job.updated
            guard (period.start...period.end).contains(posted), job.status != "closed", job.status != "filled" else {
                return false
            }
            return admits(job)
        }
    }
}
