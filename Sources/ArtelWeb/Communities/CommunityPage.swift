public import ArtelCore
public import ArtelFormats
import Foundation

/// One community's page (`/communities/{key}`): its profile, its public leaders and the ties among
/// them, its open jobs and upcoming events, feeds to subscribe to, and the code to embed its lists.
public enum CommunityPage: Sendable {
    /// An upcoming event: its record and the occurrence shown.
    public typealias Upcoming = (record: RecordID, event: CalendarEvent)

    /// The page.
    ///
    /// - Parameters:
    ///   - leaders: the community's public leaders.
    ///   - ties: public ties among them (others are left out).
    ///   - jobs: a few of its open public jobs, newest first; `jobCount` counts them all.
    ///   - events: its next public events, by start.
    ///   - host: the address the visitor reached the node at (`Host`), for the calendar link and the
    ///     embed code; `nil` when the request named none.
    public static func render(
        _ frame: PageFrame,
        profile: CommunityProfile,
        leaders: [Leader],
        ties: [LeaderTie],
        jobs: [JobListing],
        jobCount: Int,
        events: [Upcoming],
        origin: SiteOrigin?
    ) -> SitePage {
        let words = frame.words
        let people = leaders.map { (person: $0.person, name: $0.name) }
        let graph = LeaderNetwork.graph(people: people, ties: ties, community: profile.name, frame)
        let sentences = LeaderNetwork.sentences(people: people, ties: ties, words)
        let key = profile.key.hex
        var community: [String: Any] = [
            "name": profile.name,
            "key": key,
            "topics": profile.topics,
            "hasTopics": !profile.topics.isEmpty,
            "description": JobCard.paragraphs(profile.description),
            "links": profile.links.map { link -> [String: Any] in
                var item: [String: Any] = ["text": link]
                if isLink(link) { item["href"] = link }
                return item
            },
            "hasLinks": !profile.links.isEmpty,
            "leaderCount": words.count("communities.leaders", leaders.count),
        ]
        community["kind"] = profile.kindText(words)
        community["area"] = profile.area
        community["language"] = profile.language
        community["contact"] = profile.contact
        let size = graph.size
        var content: [String: Any] = [
            "community": community,
            "leaders": leaders.map { leader -> [String: Any] in
                var item: [String: Any] = [
                    "name": leader.name,
                    "roles": leader.roles.map { words.table["communities.role.\($0)"] ?? $0 }.joined(separator: ", "),
                    "hasRoles": !leader.roles.isEmpty,
                ]
                item["locality"] = leader.locality
                return item
            },
            "hasLeaders": !leaders.isEmpty,
            "network": [
                "src": "/communities/\(key)/network.svg",
                "alt": words["communities.networkAlt"]
                    .replacingOccurrences(of: "{people}", with: words.count("communities.people", leaders.count))
                    .replacingOccurrences(of: "{ties}", with: words.count("communities.ties", sentences.count)),
                "width": size.width,
                "height": size.height,
            ],
            "ties": sentences,
            "hasTies": !sentences.isEmpty,
            "jobs": jobs.map { job -> [String: Any] in
                var item: [String: Any] = ["href": JobCard.href(job), "title": job.title]
                item["employer"] = job.employer
                item["salary"] = Catalog.forLanguage(frame.language.rawValue).salary(of: job)
                return item
            },
            "hasJobs": !jobs.isEmpty,
            "events": events.map { upcoming -> [String: Any] in
                let event = upcoming.event
                let when =
                    event.allDay
                    ? SiteDates.day(event.start, in: frame.language, zone: event.timeZone)
                    : SiteDates.dayAndTime(event.start, in: frame.language, zone: event.timeZone)
                return [
                    "href": "/events/\(upcoming.record.hex)", "title": event.summary, "when": when,
                    "iso": ISODates.dateTime(event.start),
                ]
            },
            "hasEvents": !events.isEmpty,
            "atom": "/feeds/jobs.atom?community=\(key)",
        ]
        if jobCount > jobs.count { content["moreJobs"] = "/?community=\(key)" }
        if let origin {
            content["webcal"] = origin.webcal("/feeds/events.ics?community=\(key)")
            content["embedJobs"] = embed(origin, "jobs", key, words["communities.embedJobsFrame"], profile.name)
            content["embedEvents"] = embed(origin, "events", key, words["communities.embedEventsFrame"], profile.name)
        }
        let feeds: [[String: Any]] = [
            [
                "type": "application/atom+xml", "href": "/feeds/jobs.atom?community=\(key)",
                "label": words["communities.feedJobs"],
            ]
        ]
        return SitePage.render("community", frame.context(title: profile.name, content: content, feeds: feeds))
    }

    /// Whether a community's link may be followed from the page: a web, mail or Telegram address.
    static func isLink(_ text: String) -> Bool {
        let lower = text.lowercased()
        return ["https://", "http://", "mailto:", "tg://"].contains { lower.hasPrefix($0) }
            && !text.contains { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }
    }

    /// The HTML a community's site pastes to show one of its lists (`/embed/jobs`, `/embed/events`):
    /// a frame with an accessible title. The community's name is escaped inside it, since the code
    /// is HTML of its own; the page escapes the whole code again to show it as text.
    static func embed(_ origin: SiteOrigin, _ list: String, _ key: String, _ title: String, _ name: String) -> String {
        let title = SVGText.escape(title.replacingOccurrences(of: "{name}", with: name))
        return "<iframe src=\"\(origin.url("/embed/\(list)?community=\(key)"))\" title=\"\(title)\" "
            + "width=\"100%\" height=\"600\" loading=\"lazy\"></iframe>"
    }
}
