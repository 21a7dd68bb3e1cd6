public import ArtelCore
public import ArtelFormats
public import ArtelStore

/// The market figures of `artel stats jobs` and of the site's market page: the jobs of a period
/// read from their materialized rows in one statement, counted once by the digest's rule
/// (``JobStats``).
public enum MarketFigures: Sendable {
    /// The figures of the jobs some communities (all when empty) posted in a period.
    ///
    /// - Parameters:
    ///   - visibilities: which jobs count: the site shows `public` ones only, the command line
    ///     also the federation's.
    ///   - names: the communities' names, which the breakdown by community shows.
    public static func read(
        _ replica: Replica,
        communities: Set<PublicKey>,
        period: ClosedRange<Int64>,
        visibilities: [Visibility],
        names: [PublicKey: String]
    ) async throws -> JobStats {
        var query = RecordQuery(kind: .job)
        query.communities = Array(communities)
        query.visibilities = visibilities
        query.from = period.lowerBound
        query.until = period.upperBound
        query.limit = 10_000_000
        let jobs = try await replica.jobFigureRows(query).map {
            JobListing(row: $0, communityName: names[$0.community])
        }
        return JobStats(jobs, period: period)
    }
}

extension JobListing {
    /// The listing of a job's materialized row.
    init(row: JobFigureRow, communityName: String?) {
        self.init(id: row.id, community: row.community, title: row.title, updated: row.updated)
        self.communityName = communityName
        employer = row.employer
        salaryMin = row.salaryMin
        salaryMax = row.salaryMax
        salaryCurrency = row.salaryCurrency
        salaryPeriod = row.salaryPeriod
        salaryGross = row.salaryGross
        employment = row.employment
        workMode = row.workMode
        city = row.city
        tags = row.tags
        applyURL = row.applyURL
        sources = row.sources
        datePosted = row.datePosted
        status = row.status
    }
}
