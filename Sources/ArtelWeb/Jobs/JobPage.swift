public import ArtelFormats

/// One job's page (`/jobs/{id}`): every field, the communities that listed the vacancy, the apply
/// button, and its schema.org `JobPosting` for search engines.
public enum JobPage: Sendable {
    /// The page of `job`.
    ///
    /// - Parameter listings: the same vacancy as other communities listed it (the same apply link).
    public static func render(_ frame: PageFrame, job: JobListing, listings: [JobListing]) -> SitePage {
        SitePage.render(
            "job",
            frame.context(
                title: job.title,
                content: ["job": JobCard.page(job, listings: listings, frame)],
                jsonLD: SchemaOrgWriter.document(jobs: [job], events: [])
            )
        )
    }
}
