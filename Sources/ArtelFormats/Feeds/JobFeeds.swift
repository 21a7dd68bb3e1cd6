import ArtelCore
import Foundation

/// Feeds of jobs that readers and bots subscribe to: JSON Feed 1.1 and Atom (RFC 4287).
public enum JobFeeds: Sendable {
    /// A JSON Feed 1.1 document: `feed_url` and `home_page_url` from `links`, when it has them.
    ///
    /// - Parameters:
    ///   - jobs: the items, newest first.
    ///   - title: the feed's title.
    ///   - links: where the feed lives and the page it describes.
    public static func jsonFeed(_ jobs: [JobListing], title: String, links: FeedLinks = FeedLinks()) -> String {
        let items: [[String: Any]] = jobs.map { job in
            var item: [String: Any] = [
                "id": "artel:job:\(job.community.hex):\(job.id.hex)",
                "title": job.title,
                "content_text": text(of: job),
                "date_published": ISODates.dateTime(job.datePosted ?? job.updated),
                "date_modified": ISODates.dateTime(job.updated),
            ]
            if let url = job.applyURL { item["url"] = url }
            if !job.tags.isEmpty { item["tags"] = job.tags }
            if let employer = job.employer { item["authors"] = [["name": employer]] }
            return item
        }
        var feed: [String: Any] = ["version": "https://jsonfeed.org/version/1.1", "title": title, "items": items]
        feed["feed_url"] = links.feed
        feed["home_page_url"] = links.homePage
        let data = try! JSONSerialization.data(
            withJSONObject: feed,
            options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        )
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// An Atom feed: a `rel="self"` link to where it lives and a `rel="alternate"` link to the page
    /// it describes, from `links`, when it has them.
    ///
    /// - Parameters:
    ///   - jobs: the entries, newest first.
    ///   - title: the feed's title.
    ///   - id: the feed's permanent id, a URI.
    ///   - links: where the feed lives and the page it describes.
    ///   - now: the feed's `updated` when it has no entries, Unix milliseconds.
    public static func atom(
        _ jobs: [JobListing],
        title: String,
        id: String,
        links: FeedLinks = FeedLinks(),
        now: Int64
    ) -> String {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>", "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
            "  <id>\(xml(id))</id>", "  <title>\(xml(title))</title>",
            "  <updated>\(ISODates.dateTime(jobs.map(\.updated).max() ?? now))</updated>",
            "  <author><name>Artel</name></author>",
        ]
        if let feed = links.feed {
            lines.append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(xml(feed))\"/>")
        }
        if let page = links.homePage {
            lines.append("  <link rel=\"alternate\" type=\"text/html\" href=\"\(xml(page))\"/>")
        }
        for job in jobs {
            lines += [
                "  <entry>", "    <id>urn:artel:job:\(job.community.hex):\(job.id.hex)</id>",
                "    <title>\(xml(job.title))</title>", "    <updated>\(ISODates.dateTime(job.updated))</updated>",
                "    <published>\(ISODates.dateTime(job.datePosted ?? job.updated))</published>",
            ]
            if let url = job.applyURL { lines.append("    <link rel=\"alternate\" href=\"\(xml(url))\"/>") }
            if let employer = job.employer { lines.append("    <author><name>\(xml(employer))</name></author>") }
            for tag in job.tags { lines.append("    <category term=\"\(xml(tag))\"/>") }
            lines += ["    <content type=\"text\">\(xml(text(of: job)))</content>", "  </entry>"]
        }
        lines.append("</feed>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A job in a few lines of text, its facts worded in its community's language.
    static func text(of job: JobListing) -> String {
        var text = job.catalog.summary(of: job)
        for body in [job.description, job.duties, job.requirements].compactMap({ $0 }) { text += "\n\n" + body }
        return text
    }

    /// Text escaped for XML content and attributes; characters XML 1.0 forbids are dropped.
    static func xml(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
