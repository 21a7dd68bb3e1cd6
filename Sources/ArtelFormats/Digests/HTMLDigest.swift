/// A digest as a small HTML page, for a website or an email: one self-contained document with its
/// style inline (no external sheet or font, so that a mail client shows it as it is), readable on a
/// phone (a viewport, a column of at most 40 em, the system's fonts), every text escaped.
public enum HTMLDigest: Sendable {
    /// The style of the page, inline in its `<head>`.
    static let style = """
        body{margin:0;padding:1rem;background:#f6f7f9;color:#1f2328;\
        font:16px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
        main{max-width:40em;margin:0 auto}
        h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}
        article{background:#fff;border:1px solid #d8dee4;border-radius:8px;padding:1rem 1.25rem;margin:0 0 1rem}
        h2{font-size:1.2rem;line-height:1.3;margin:0 0 .25rem}
        h3{font-size:1rem;margin:.75rem 0 .25rem}
        ul{margin:.25rem 0;padding-left:1.25rem}
        .employer{margin:0 0 .5rem;color:#57606a;font-weight:600}
        .facts{margin:.5rem 0;padding:0;list-style:none}
        .facts li{display:inline-block;margin:0 .4rem .3rem 0;padding:.1rem .5rem;border-radius:1rem;background:#eef1f4}
        .salary{font-weight:600}
        .apply{display:inline-block;margin-top:.5rem;padding:.4rem .9rem;border-radius:6px;background:#0b57d0;\
        color:#fff;text-decoration:none}
        .also{color:#57606a;font-size:.9rem}
        """

    /// The page of a digest.
    ///
    /// - Parameters:
    ///   - entries: the vacancies, each with where else it was listed.
    ///   - title: the digest's title.
    /// - Returns: the HTML document.
    public static func render(entries: [DigestEntry], title: String) -> String {
        var html = [
            "<!DOCTYPE html>", "<html lang=\"ru\">", "<head>", "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(escape(title))</title>", "<style>\n\(style)\n</style>", "</head>",
            "<body>", "<main>", "<h1>\(escape(title))</h1>",
        ]
        for entry in entries { html += article(entry) }
        html += ["</main>", "</body>", "</html>"]
        return html.joined(separator: "\n") + "\n"
    }

    /// One vacancy: title, employer, facts (salary, place, work mode, employment), duties,
    /// requirements or the description, the apply link, where else it was listed.
    static func article(_ entry: DigestEntry) -> [String] {
        let job = entry.job
        var html = ["<article>", "<h2>\(escape(job.title))</h2>"]
        if let employer = job.employer { html.append("<p class=\"employer\">\(escape(employer))</p>") }
        var facts: [String] = []
        if let salary = DigestWording.salary(job) { facts.append("<li class=\"salary\">\(escape(salary))</li>") }
        let place = [job.city, job.region, job.country].compactMap { $0 }.filter { !$0.isEmpty }
        if !place.isEmpty { facts.append("<li class=\"location\">\(escape(place.joined(separator: ", ")))</li>") }
        if let mode = DigestWording.workMode(job.workMode) { facts.append("<li class=\"work-mode\">\(mode)</li>") }
        for kind in DigestWording.employment(job.employment) { facts.append("<li class=\"employment\">\(kind)</li>") }
        if !facts.isEmpty { html.append("<ul class=\"facts\">" + facts.joined() + "</ul>") }
        for (heading, text) in [("Что нужно делать", job.duties), ("Какие требования", job.requirements)] {
            guard let text else { continue }
            html.append("<h3>\(heading)</h3>")
            html.append("<ul>" + MarkdownDigest.items(text).map { "<li>\(escape($0))</li>" }.joined() + "</ul>")
        }
        if job.duties == nil, let description = job.description { html.append("<p>\(escape(description))</p>") }
        if let url = job.applyURL, url.hasPrefix("https://") || url.hasPrefix("http://") {
            html.append("<p><a class=\"apply\" href=\"\(escape(url))\">Откликнуться</a></p>")
        } else if let contact = job.contact {
            html.append("<p class=\"contact\">Контакт: \(escape(contact))</p>")
        }
        if !entry.elsewhere.isEmpty {
            html.append("<p class=\"also\">Также опубликовано: \(escape(entry.elsewhere.joined(separator: ", ")))</p>")
        }
        html.append("</article>")
        return html
    }

    static func escape(_ text: String) -> String { JobFeeds.xml(text) }
}
