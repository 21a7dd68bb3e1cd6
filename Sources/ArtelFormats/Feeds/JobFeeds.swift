import ArtelCore
import Foundation

/// Feeds of jobs that readers and bots subscribe to: JSON Feed 1.1 and Atom (RFC 4287).
public enum JobFeeds: Sendable {
    /// A JSON Feed 1.1 document.
    public static func jsonFeed(_ jobs: [JobListing], title: String) -> String {
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
        let feed: [String: Any] = ["version": "https://jsonfeed.org/version/1.1", "title": title, "items": items]
        let data = try! JSONSerialization.data(
            withJSONObject: feed,
            options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        )
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// An Atom feed.
    ///
    /// - Parameter id: the feed's permanent id, a URI.
    public static func atom(_ jobs: [JobListing], title: String, id: String, now: Int64) -> String {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>", "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
            "  <id>\(xml(id))</id>", "  <title>\(xml(title))</title>",
            "  <updated>\(ISODates.dateTime(jobs.map(\.updated).max() ?? now))</updated>",
            "  <author><name>Artel</name></author>",
        ]
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

    /// A job in a few lines of text.
    static func text(of job: JobListing) -> String {
        var parts: [String] = []
        if let employer = job.employer { parts.append(employer) }
        if let salary = job.salaryText { parts.append(salary) }
        if let mode = job.workMode { parts.append(mode) }
        if let city = job.city { parts.append(city) }
        var text = parts.joined(separator: " · ")
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

/// CSV (RFC 4180) of jobs and events: a header, CRLF lines, fields quoted when they must be.
public enum CSVWriter: Sendable {
    public static func jobs(_ jobs: [JobListing]) -> String {
        table(
            [
                "id", "community", "title", "employer", "salary_min", "salary_max", "salary_currency", "salary_period",
                "employment", "work_mode", "city", "tags", "date_posted", "valid_through", "status", "apply_url",
            ],
            jobs.map { job in
                [
                    job.id.hex, job.communityName ?? job.community.hex, job.title, job.employer,
                    job.salaryMin.map(String.init),
                    job.salaryMax.map(String.init), job.salaryCurrency, job.salaryPeriod,
                    job.employment.joined(separator: ";"),
                    job.workMode, job.city, job.tags.joined(separator: ";"), job.datePosted.map(ISODates.date),
                    job.validThrough.map(ISODates.date), job.status, job.applyURL,
                ]
            }
        )
    }

    public static func events(_ events: [CalendarEvent]) -> String {
        table(
            [
                "uid", "title", "start", "end", "all_day", "timezone", "location", "attendance", "online_url", "status",
                "url",
            ],
            events.map { event in
                [
                    event.uid, event.summary,
                    event.allDay ? ISODates.date(event.start) : ISODates.dateTime(event.start),
                    event.end.map { event.allDay ? ISODates.date($0 - 86_400_000) : ISODates.dateTime($0) },
                    event.allDay ? "true" : "false", event.timeZone, event.location, event.attendance,
                    event.onlineURLs.first, event.status, event.url,
                ]
            }
        )
    }

    static func table(_ header: [String], _ rows: [[String?]]) -> String {
        ([header] + rows.map { $0.map { $0 ?? "" } }).map { row in row.map(field).joined(separator: ",") + "\r\n" }
            .joined()
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
