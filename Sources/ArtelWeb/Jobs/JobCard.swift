import ArtelCore
import ArtelFormats
import Foundation

/// A job as the site's templates read it: texts in the page's language, links, dates.
enum JobCard {
    /// The values of a job's card on the board.
    static func card(_ job: JobListing, _ frame: PageFrame) -> [String: Any] {
        let catalog = Catalog.forLanguage(frame.language.rawValue)
        var card: [String: Any] = [
            "href": JobCard.href(job),
            "title": job.title,
            "employment": job.employment.sorted().map(catalog.employment),
            "community": job.communityName ?? String(job.community.hex.prefix(12)),
            "posted": SiteDates.day(job.datePosted ?? job.updated, in: frame.language),
            "postedISO": ISODates.date(job.datePosted ?? job.updated),
        ]
        card["employer"] = job.employer
        card["salary"] = catalog.salary(of: job)
        card["workMode"] = job.workMode.map(catalog.workMode)
        card["city"] = job.city
        return card
    }

    /// The values of a job's own page: the card's, and every other field.
    static func page(_ job: JobListing, listings: [JobListing], _ frame: PageFrame) -> [String: Any] {
        var page = card(job, frame)
        let duties = job.duties.map(MarkdownDigest.items) ?? []
        let requirements = job.requirements.map(MarkdownDigest.items) ?? []
        let description = paragraphs(job.description)
        page["duties"] = duties
        page["hasDuties"] = !duties.isEmpty
        page["requirements"] = requirements
        page["hasRequirements"] = !requirements.isEmpty
        page["description"] = description
        page["hasDescription"] = !description.isEmpty
        page["skills"] = job.skills
        page["hasSkills"] = !job.skills.isEmpty
        page["tags"] = job.tags.sorted().map { ["label": "#" + $0, "query": PageFrame.encode($0)] }
        page["hasTags"] = !job.tags.isEmpty
        let place = [job.city, job.region, job.country].compactMap { $0 }.filter { !$0.isEmpty }
        if !place.isEmpty { page["place"] = place.joined(separator: ", ") }
        page["experience"] = job.experience.map { ExperienceText.shown($0, in: frame.language) }
        page["contact"] = job.contact
        if let url = job.applyURL, FeedLinks.isWebURL(url) || Self.isMessageLink(url) { page["applyURL"] = url }
        if let until = [job.validThrough, job.expires].compactMap({ $0 }).min() {
            page["validThrough"] = SiteDates.day(until, in: frame.language)
        }
        // One line a community: a community that listed the vacancy several times is one publisher.
        var named: Set<PublicKey> = []
        page["listings"] = ([job] + listings).filter { named.insert($0.community).inserted }.map { listing in
            [
                "href": "/communities/\(listing.community.hex)",
                "name": listing.communityName ?? String(listing.community.hex.prefix(12)),
            ]
        }
        return page
    }

    /// A job's page on the site.
    static func href(_ job: JobListing) -> String { "/jobs/\(job.id.hex)" }

    /// Whether a job's apply link is an e-mail address or a Telegram link (`mailto:`, `tg:`, which
    /// the job's schema allows beside web links) that a link on the page can carry whole.
    static func isMessageLink(_ link: String) -> Bool {
        let lowered = link.lowercased()
        return (lowered.hasPrefix("mailto:") || lowered.hasPrefix("tg:")) && link.count > 6
            && !link.unicodeScalars.contains {
                $0.value <= 0x20 || $0.value == 0x7F || "\"<>".unicodeScalars.contains($0)
            }
    }

    /// A text's paragraphs: runs of lines between blank lines.
    static func paragraphs(_ text: String?) -> [String] {
        guard let text else { return [] }
        return text.split(separator: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter {
            !$0.isEmpty
        }
    }
}
