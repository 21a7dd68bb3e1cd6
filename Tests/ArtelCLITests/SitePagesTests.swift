import ArtelTestKit
import Foundation
import Testing

/// The site's digests, market and embeds, over real HTTP from a real `artel serve` process.
@Suite("Site: digests, market, embeds")
struct SitePagesTests {
    @Test(
        "Digests: the latest and the archive, each with its vacancies and its text for Telegram",
        .timeLimit(.minutes(2))
    )
    func digests() async throws {
        try await APITests.served { node, serve, _ in
            let empty = try HTTPClient.request("GET", "\(serve.api)/digests")
            #expect(empty.status == 200 && empty.text.contains("Дайджестов пока нет."))
            _ = try SiteJobTests.post(
                node,
                "Комьюнити-менеджер",
                "--employer",
                "Skyeng",
                "--salary-min",
                "80000",
                "--salary-currency",
                "RUB",
                "--work-mode",
                "remote"
            )
            try node.expectSuccess("digest", "publish", "--to", "tech-leaders", "--title", "Вакансии недели")
            _ = try SiteJobTests.post(node, "Вакансия <script>alert(1)</script>")
            try node.expectSuccess("digest", "publish", "--to", "tech-leaders", "--title", "Вакансии <b>дня</b>")

            let list = try HTTPClient.request("GET", "\(serve.api)/digests").text
            #expect(list.contains("Свежий дайджест") && list.contains("Вакансии &lt;b&gt;дня&lt;/b&gt;"))
            #expect(list.contains("Архив") && list.contains("Вакансии недели"))
            let id = try #require(
                list.range(of: #"/digests/[0-9a-f]{32}"#, options: .regularExpression).map { String(list[$0]) }
            )
            let page = try HTTPClient.request("GET", "\(serve.api)\(id)")
            #expect(page.status == 200)
            #expect(page.text.contains("Комьюнити-менеджер") && page.text.contains("Skyeng"))
            #expect(page.text.contains("<textarea id=\"telegram-text\""))
            #expect(page.text.contains("**Skyeng** — Комьюнити-менеджер"))
            #expect(!page.text.contains("<script>alert") && !page.text.contains("<b>дня"))
            #expect(
                try HTTPClient.request("GET", "\(serve.api)/digests/ffffffffffffffffffffffffffffffff").status == 404
            )
            #expect(try HTTPClient.request("GET", "\(serve.api)/digests/%3Cscript%3E").status == 404)

            // A digest made without a period: its line starts with its community, and its page's
            // with who made it, not with a separator.
            try node.expectSuccess("digest", "create", "--community", "tech-leaders", "--title", "Без периода")
            let latest = try HTTPClient.request("GET", "\(serve.api)/digests").text
            #expect(latest.contains("Без периода") && latest.contains(#"<p class="meta">Tech Leaders Moscow · "#))
            let undated = try #require(
                latest.range(of: #"/digests/[0-9a-f]{32}(?=">Без периода)"#, options: .regularExpression).map {
                    String(latest[$0])
                }
            )
            let undatedPage = try HTTPClient.request("GET", "\(serve.api)\(undated)").text
            #expect(undatedPage.contains(#"<p class="meta">Собрало: "#))
        }
    }

    @Test(
        "The market page shows the de-duplicated figures as charts and tables, and their CSV",
        .timeLimit(.minutes(2))
    )
    func market() async throws {
        try await APITests.served { node, serve, _ in
            try node.expectSuccess(
                "community",
                "create",
                "--name",
                "Product Camp",
                "--area",
                "Санкт-Петербург",
                "--key-name",
                "camp"
            )
            for community in ["tech-leaders", "Product Camp"] {
                let output = try node.artel.run([
                    "job", "post", "--community", community, "--title", "Менеджер сообщества", "--employer", "Runlab",
                    "--apply-url", "https://runlab.example/jobs/7", "--salary-min", "100000", "--salary-currency",
                    "RUB",
                    "--salary-period", "month", "--work-mode", "remote",
                ])
                #expect(output.status == 0)
            }
            _ = try SiteJobTests.post(
                node,
                "Продюсер <script>",
                "--location-city",
                "<script>Казань",
                "--salary-min",
                "200000",
                "--salary-currency",
                "RUB",
                "--salary-period",
                "month",
                "--work-mode",
                "onsite"
            )
            let page = try HTTPClient.request("GET", "\(serve.api)/market")
            #expect(page.status == 200)
            // Three listings, two vacancies: the same apply link counts once.
            #expect(page.text.contains("Вакансий: 2, объявлений: 3"))
            #expect(page.text.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\""))
            #expect(page.text.contains("По сообществам") && page.text.contains("По городам"))
            #expect(
                page.text.contains("не указано") && !page.text.contains("unstated"),
                "a job without a city, in Russian"
            )
            #expect(page.text.contains("&lt;script&gt;Казань") && !page.text.contains("<script>Казань"))
            #expect(page.text.contains("150\u{00A0}000 · n=2"), "the median of 100 000 and 200 000, of two vacancies")
            let csv = try HTTPClient.request("GET", "\(serve.api)/market.csv?months=3")
            #expect(csv.status == 200 && csv.headers["content-type"] == "text/csv; charset=utf-8")
            #expect(csv.headers["content-disposition"] == "attachment; filename=\"market-3-months.csv\"")
            #expect(csv.text.hasPrefix("dimension,group,vacancies,listings"))
            #expect(csv.text.contains("\nall,all,2,3,"))
            // A period the form does not offer reads as the default.
            #expect(try HTTPClient.request("GET", "\(serve.api)/market?months=-5&community=zz").status == 200)
        }
    }

    @Test(
        "Embeds list one community's open jobs and coming events in a frame any site may show, in its colours",
        .timeLimit(.minutes(2))
    )
    func embed() async throws {
        try await APITests.served { node, serve, _ in
            _ = try SiteJobTests.post(node, "Комьюнити-менеджер")
            let communities = try #require(try node.json("community", "list", "--json") as? [[String: Any]])
            let key = try #require(communities.first?["community"] as? String)
            let page = try HTTPClient.request("GET", "\(serve.api)/embed/jobs?community=\(key)&accent=AA0000&limit=5")
            #expect(page.status == 200 && page.text.contains("Комьюнити-менеджер"))
            #expect(page.headers["content-security-policy"]?.contains("frame-ancestors *") == true)
            #expect(page.text.contains("href=\"/assets/embed.css?accent=aa0000\""))
            #expect(!page.text.contains("<nav"))
            let board = try HTTPClient.request("GET", "\(serve.api)/")
            #expect(board.headers["content-security-policy"]?.contains("frame-ancestors 'none'") == true)
            _ = try EventSiteTests.post(node, "Митап <script>")
            _ = try EventSiteTests.post(node, "Закрытая встреча", ["--visibility", "federation"])
            let events = try HTTPClient.request("GET", "\(serve.api)/embed/events?community=\(key)")
            #expect(events.status == 200 && events.text.contains("Митап &lt;script&gt;"))
            #expect(!events.text.contains("Закрытая встреча"))
            #expect(events.headers["content-security-policy"]?.contains("frame-ancestors *") == true)
            let sheet = try HTTPClient.request("GET", "\(serve.api)/assets/embed.css?accent=aa0000&background=%7D%3Cx")
            #expect(sheet.text.contains(":root{--accent:#aa0000}") && !sheet.text.contains("}<x"))
        }
    }
}
