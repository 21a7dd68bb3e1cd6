import ArtelCore
import ArtelFormats
import ArtelTestKit
import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("Feeds name where they live: Atom rel=\"self\", JSON Feed feed_url and home_page_url")
struct FeedLinksTests {
    static let links = try! FeedLinks(
        feed: "https://jobs.example.org/feeds/jobs.atom?community=ab&x=1",
        homePage: "https://t.me/tech_leaders_moscow"
    )

    @Test("The Atom feed links to itself and to the page it describes")
    func atom() throws {
        let text = JobFeeds.atom([ExportFormatTests.job(1)], title: "Вакансии", id: "urn:x", links: Self.links, now: 0)
        #expect(
            text.contains(
                "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://jobs.example.org/feeds/jobs.atom?community=ab&amp;x=1\"/>"
            ),
            "\(text)"
        )
        #expect(text.contains("<link rel=\"alternate\" type=\"text/html\" href=\"https://t.me/tech_leaders_moscow\"/>"))
        #expect(XMLParser(data: Data(text.utf8)).parse())
    }

    @Test("The JSON Feed carries feed_url and home_page_url")
    func jsonFeed() throws {
        let feed = try ExportFormatTests.object(
            JobFeeds.jsonFeed([ExportFormatTests.job(1)], title: "Вакансии", links: Self.links)
        )
        #expect(feed["feed_url"] as? String == "https://jobs.example.org/feeds/jobs.atom?community=ab&x=1")
        #expect(feed["home_page_url"] as? String == "https://t.me/tech_leaders_moscow")
    }

    @Test("Without links the feeds carry none, and stay valid")
    func none() throws {
        let feed = try ExportFormatTests.object(JobFeeds.jsonFeed([ExportFormatTests.job(1)], title: "Вакансии"))
        #expect(feed["feed_url"] == nil && feed["home_page_url"] == nil)
        #expect(!JobFeeds.atom([], title: "Вакансии", id: "urn:x", now: 0).contains("<link rel=\"self\""))
    }

    @Test("A link that is not an absolute http or https URL is refused with the link named")
    func malformed() {
        for bad in [
            "jobs.atom", "ftp://example.org/jobs.atom", "javascript:alert(1)", "https://", "https://exa mple.org/",
            "https://example.org/\"><script>", "http://example.org/\n",
        ] {
            #expect(!FeedLinks.isWebURL(bad), "\(bad)")
            #expect(throws: FormatError.self) { try FeedLinks(feed: bad, homePage: nil) }
            do {
                _ = try FeedLinks(feed: nil, homePage: bad)
                Issue.record("accepted \(bad)")
            } catch {
                #expect(error.place == "the home page URL" && error.message.contains("not an absolute http"))
            }
        }
        #expect(FeedLinks.isWebURL("http://127.0.0.1:7480/feeds/jobs.json?community=ab"))
        #expect(FeedLinks.isWebURL("https://[::1]:7480/feeds/jobs.json"))
    }
}
