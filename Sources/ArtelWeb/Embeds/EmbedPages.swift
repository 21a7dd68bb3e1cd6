public import ArtelFormats

/// Listings another site shows in a frame (`/embed/jobs?community=KEY`, `/embed/events?community=KEY`).
public enum EmbedPages: Sendable {
    /// The open public jobs of some communities.
    ///
    /// - Parameter more: the board narrowed the same way, which "all jobs" links to.
    public static func jobs(_ frame: PageFrame, jobs: [JobListing], style: EmbedStyle, more: String) -> SitePage {
        let content: [String: Any] = [
            "jobs": jobs.map { JobCard.card($0, frame) }, "more": more, "moreLabel": frame.words["embed.more"],
            "embedStyle": style.address,
        ]
        return SitePage.render("embedJobs", frame.context(title: frame.words["embed.jobs"], content: content))
    }

    /// The coming occurrences of public events of some communities.
    ///
    /// - Parameter more: the events page narrowed the same way, which "all events" links to.
    public static func events(_ frame: PageFrame, events: [EventItem], style: EmbedStyle, more: String) -> SitePage {
        let content: [String: Any] = [
            "events": events.map { EventCard.card($0, frame) }, "more": more,
            "moreLabel": frame.words["embed.moreEvents"], "embedStyle": style.address,
        ]
        return SitePage.render("embedEvents", frame.context(title: frame.words["embed.events"], content: content))
    }
}
