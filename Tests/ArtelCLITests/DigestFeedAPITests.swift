import ArtelTestKit
import Foundation
import Testing

/// The public digest feeds render a digest as `artel digest show` does.
@Suite("The public digest feeds")
struct DigestFeedAPITests {
    @Test(
        "/feeds/digest.md and .html say where else each vacancy was listed, and open with the community's hashtag",
        .timeLimit(.minutes(2))
    )
    func digestFeedsKeepAlsoListedAndTheHashtag() async throws {
        try await APITests.served { node, serve, _ in
            try node.expectSuccess("community", "create", "--name", "Partner Club", "--kind", "club")
            try node.expectSuccess(
                "community",
                "create",
                "--name",
                "HR Association",
                "--kind",
                "association",
                "--topics",
                "#hr_вакансии"
            )
            for community in ["tech-leaders", "Partner Club"] {
                try node.expectSuccess(
                    "job",
                    "post",
                    "--community",
                    community,
                    "--title",
                    "Комьюнити-менеджер",
                    "--employer",
                    "Студия 29",
                    "--apply-url",
                    "https://example.org/apply"
                )
            }
            try node.expectSuccess("digest", "publish", "--to", "HR Association", "--title", "Вакансии недели")
            let markdown = try HTTPClient.request("GET", "\(serve.api)/feeds/digest.md")
            #expect(markdown.status == 200)
            #expect(markdown.text.hasPrefix("#hr_вакансии — Вакансии недели"), "\(markdown.text)")
            #expect(markdown.text.contains("Также опубликовано: "), "\(markdown.text)")
            let html = try HTTPClient.request("GET", "\(serve.api)/feeds/digest.html")
            #expect(html.status == 200 && html.text.contains("class=\"also\""), "\(html.text)")
        }
    }
}
