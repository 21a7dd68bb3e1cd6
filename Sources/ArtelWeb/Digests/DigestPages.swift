import ArtelCore
public import ArtelFormats
public import ArtelStore

/// The digests (`/digests`: the latest and the archive) and one digest's page (`/digests/{id}`).
public enum DigestPages: Sendable {
    /// A digest as a line of the archive: the record, how many vacancies it lists, its community's name.
    public struct Summary: Sendable {
        public let view: RecordView
        public let count: Int
        public let communityName: String?

        public init(view: RecordView, count: Int, communityName: String?) {
            self.view = view
            self.count = count
            self.communityName = communityName
        }
    }

    /// The archive page, newest first; the first is the latest.
    public static func list(_ frame: PageFrame, digests: [Summary]) -> SitePage {
        let lines = digests.map { line($0, frame) }
        var content: [String: Any] = ["archive": Array(lines.dropFirst()), "hasArchive": lines.count > 1]
        if let latest = lines.first { content["latest"] = latest }
        return SitePage.render("digests", frame.context(title: frame.words["digests.title"], content: content))
    }

    /// One digest's page.
    ///
    /// - Parameters:
    ///   - entries: its vacancies, each with its other listings.
    ///   - telegram: the digest as the channels post it (``MarkdownDigest``).
    public static func page(
        _ frame: PageFrame,
        digest: Summary,
        entries: [DigestEntry],
        telegram: String
    ) -> SitePage {
        var values = line(digest, frame)
        values["intro"] = digest.view.string("intro")
        values["telegram"] = telegram
        values["communityHref"] = "/communities/\(digest.view.community.hex)"
        let file = "/feeds/digests/\(digest.view.id.hex)"
        values["markdownHref"] = "\(file).md?community=\(digest.view.community.hex)"
        values["htmlHref"] = "\(file).html?community=\(digest.view.community.hex)"
        let cards = entries.map { entry -> [String: Any] in
            var card = JobCard.card(entry.job, frame)
            if !entry.elsewhere.isEmpty { card["elsewhere"] = entry.elsewhere.joined(separator: ", ") }
            return card
        }
        let title = digest.view.string("title") ?? frame.words["digests.title"]
        return SitePage.render("digest", frame.context(title: title, content: ["digest": values, "entries": cards]))
    }

    /// The values of a digest's line: title, link, period, community, count.
    static func line(_ digest: Summary, _ frame: PageFrame) -> [String: Any] {
        let view = digest.view
        var period: [String] = []
        for name in ["period_start", "period_end"] {
            if case .single(.timestamp(let moment))? = view.value(of: name) {
                period.append(SiteDates.day(moment, in: frame.language))
            }
        }
        var values: [String: Any] = [
            "href": "/digests/\(view.id.hex)",
            "title": view.string("title") ?? "",
            "community": digest.communityName ?? String(view.community.hex.prefix(12)),
            "count": frame.words.count("digests.vacancies", digest.count),
        ]
        // A digest published without a period has none to show, nor a separator before it.
        if !period.isEmpty { values["period"] = period.joined(separator: " — ") }
        return values
    }
}
