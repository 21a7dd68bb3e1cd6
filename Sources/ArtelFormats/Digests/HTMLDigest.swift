/// A digest as a small HTML page, for a website or an email.
public enum HTMLDigest: Sendable {
    public static func render(entries: [DigestEntry], title: String) -> String {
        var html = [
            "<!DOCTYPE html>", "<html lang=\"ru\">",
            "<head><meta charset=\"utf-8\"><title>\(escape(title))</title></head>",
            "<body>", "<h1>\(escape(title))</h1>",
        ]
        for entry in entries {
            let job = entry.job
            html.append("<article>")
            html.append("<h2>\(escape(job.title))</h2>")
            if let employer = job.employer { html.append("<p class=\"employer\">\(escape(employer))</p>") }
            for (heading, text) in [("Что нужно делать", job.duties), ("Какие требования", job.requirements)] {
                guard let text else { continue }
                html.append("<h3>\(heading)</h3>")
                html.append("<ul>" + MarkdownDigest.items(text).map { "<li>\(escape($0))</li>" }.joined() + "</ul>")
            }
            if job.duties == nil, let description = job.description { html.append("<p>\(escape(description))</p>") }
            if let salary = MarkdownDigest.rubles(job) { html.append("<p class=\"salary\">\(escape(salary))</p>") }
            if let url = job.applyURL { html.append("<p><a href=\"\(escape(url))\">Откликнуться</a></p>") }
            let elsewhere = Set(entry.alsoListed.compactMap(\.communityName)).sorted()
            if !elsewhere.isEmpty {
                html.append("<p class=\"also\">Также опубликовано: \(escape(elsewhere.joined(separator: ", ")))</p>")
            }
            html.append("</article>")
        }
        html += ["</body>", "</html>"]
        return html.joined(separator: "\n") + "\n"
    }

    static func escape(_ text: String) -> String { JobFeeds.xml(text) }
}
