import ArtelTestKit
import Foundation
import Testing

@Suite("The API's job feeds name their own URL from the request's Host, and refuse a Host that is none")
struct FeedLinksAPITests {
    @Test(
        "Atom's rel=\"self\" and JSON Feed's feed_url are the URL asked for; the community's link is the home page",
        .timeLimit(.minutes(2))
    )
    func selfLinks() async throws {
        try await APITests.served { node, serve, _ in
            try node.expectSuccess("community", "edit", "Tech Leaders Moscow", "--links", "https://t.me/techleaders")
            try node.expectSuccess("job", "post", "--community", "tech-leaders", "--title", "Комьюнити-менеджер")
            let all = try HTTPClient.request("GET", "\(serve.api)/feeds/jobs.json")
            let feed = try all.object()
            #expect(feed["feed_url"] as? String == "\(serve.api)/feeds/jobs.json", "\(all.text)")
            #expect(feed["home_page_url"] == nil, "a feed of every community describes no one page")

            let jobs = try #require(try node.json("list", "jobs") as? [[String: Any]])
            let community = try #require(jobs.first?["community"] as? String)
            let headers = ["Host": "jobs.example.org:8443", "X-Forwarded-Proto": "https"]
            let one = try HTTPClient.request(
                "GET",
                "\(serve.api)/feeds/jobs.json?community=\(community.uppercased())",
                headers: headers
            )
            let narrowed = try one.object()
            #expect(
                narrowed["feed_url"] as? String
                    == "https://jobs.example.org:8443/feeds/jobs.json?community=\(community)"
            )
            #expect(narrowed["home_page_url"] as? String == "https://t.me/techleaders")
            let atom = try HTTPClient.request(
                "GET",
                "\(serve.api)/feeds/jobs.atom?community=\(community)",
                headers: headers
            )
            #expect(
                atom.text.contains(
                    "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://jobs.example.org:8443/feeds/jobs.atom?community=\(community)\"/>"
                ),
                "\(atom.text)"
            )
            #expect(
                atom.text.contains("<link rel=\"alternate\" type=\"text/html\" href=\"https://t.me/techleaders\"/>")
            )
            let file = "\(node.directory)/served.atom"
            try Data(atom.body).write(to: URL(fileURLWithPath: file))
            let parsed = try #require(try PythonTools.check("check_feed.py", file) as? [String: Any])
            #expect(
                (parsed["links"] as? [[String: String]])?.contains([
                    "rel": "self", "href": "https://jobs.example.org:8443/feeds/jobs.atom?community=\(community)",
                ]) == true,
                "feedparser reads the self link"
            )
        }
    }

    @Test("A Host header that is no host name gets 400 invalid_parameter, not a feed with a broken link")
    func malformedHost() async throws {
        try await APITests.served { _, serve, _ in
            for host in ["evil.example.org\"><x", "example.org:http", "exa_mple.org/path", "[::1"] {
                for path in ["jobs.json", "jobs.atom"] {
                    let answer = try HTTPClient.request("GET", "\(serve.api)/feeds/\(path)", headers: ["Host": host])
                    #expect(answer.status == 400, "\(host) \(path): \(answer.status) \(answer.text)")
                    let error = try answer.object()["error"] as? [String: Any]
                    #expect(error?["code"] as? String == "invalid_parameter", "\(answer.text)")
                    #expect((error?["message"] as? String)?.contains("Host header") == true, "\(answer.text)")
                }
            }
            let local = try HTTPClient.request("GET", "\(serve.api)/feeds/jobs.json", headers: ["Host": "[::1]:7480"])
            #expect(try local.object()["feed_url"] as? String == "http://[::1]:7480/feeds/jobs.json")
        }
    }
}
