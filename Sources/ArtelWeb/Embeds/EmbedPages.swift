public import ArtelFormats

/// Listings another site shows in a frame (`/embed/jobs?community=KEY`).
public enum EmbedPages: Sendable {
    /// The open public jobs of some communities.
    ///
    /// - Parameter more: the board narrowed the same way, which "all jobs" links to.
    public static func jobs(_ frame: PageFrame, jobs: [JobListing], style: EmbedStyle, more: String) -> SitePage {
        let content: [String: Any] = [
            "jobs": jobs.map { JobCard.card($0, frame) }, "more": more, "embedStyle": style.address,
        ]
        return SitePage.render("embedJobs", frame.context(title: frame.words["embed.jobs"], content: content))
    }
}
