import ArtelTestKit
import Foundation
import Testing

/// The site's job board and job pages, over real HTTP from a real `artel serve` process.
@Suite("Site: jobs")
struct SiteJobTests {
    /// Posts a job in the test community and returns its id.
    static func post(_ node: TestNode, _ title: String, _ extra: String...) throws -> String {
        let output = try node.artel.run(["job", "post", "--community", "tech-leaders", "--title", title] + extra)
        try #require(output.status == 0, "job post failed: \(output.error)")
        return TestNode.createdID(output.output)
    }

    static func page(_ url: String, headers: [String: String] = [:]) throws -> HTTPClient.Response {
        try HTTPClient.request("GET", url, headers: headers)
    }

    @Test(
        "The board lists open public jobs only, and its filters, search, order and pages work",
        .timeLimit(.minutes(2))
    )
    func board() async throws {
        try await APITests.served { node, serve, _ in
            _ = try Self.post(
                node,
                "Комьюнити-менеджер",
                "--employer",
                "Skyeng",
                "--work-mode",
                "remote",
                "--salary-min",
                "150000",
                "--salary-currency",
                "RUB",
                "--salary-period",
                "month",
                "--employment",
                "part_time"
            )
            _ = try Self.post(
                node,
                "Менеджер программы амбассадоров",
                "--employer",
                "Runlab",
                "--work-mode",
                "onsite",
                "--location-city",
                "Москва",
                "--salary-min",
                "90000",
                "--salary-max",
                "120000",
                "--salary-currency",
                "RUB"
            )
            _ = try Self.post(node, "Закрытая вакансия", "--status", "filled")
            _ = try Self.post(node, "Вакансия только для федерации", "--visibility", "federation")

            let board = try Self.page("\(serve.api)/")
            #expect(board.status == 200)
            #expect(board.headers["content-type"] == "text/html; charset=utf-8")
            #expect(board.text.contains("Комьюнити-менеджер") && board.text.contains("Менеджер программы амбассадоров"))
            #expect(!board.text.contains("Закрытая вакансия") && !board.text.contains("только для федерации"))
            #expect(board.text.contains("Нашлось 2 вакансии"))
            #expect(board.text.contains("от 150\u{00A0}000 ₽/мес") && board.text.contains("удалённо"))

            let remote = try Self.page("\(serve.api)/?work_mode=remote&salary_min=100+000&currency=RUB")
            #expect(remote.text.contains("Комьюнити-менеджер") && !remote.text.contains("амбассадоров"))
            #expect(remote.text.contains("<option value=\"remote\" selected>"))

            let city = try Self.page("\(serve.api)/?city=%D0%BC%D0%BE%D1%81%D0%BA%D0%B2%D0%B0")  // "москва"
            #expect(city.text.contains("амбассадоров") && !city.text.contains("Комьюнити-менеджер"))
            let partTime = try Self.page("\(serve.api)/?employment=part_time")
            #expect(partTime.text.contains("Комьюнити-менеджер") && !partTime.text.contains("амбассадоров"))
            let search = try Self.page("\(serve.api)/?q=%D0%B0%D0%BC%D0%B1%D0%B0%D1%81%D1%81%D0%B0%D0%B4%D0%BE%D1%80")
            #expect(search.text.contains("амбассадоров") && !search.text.contains("Комьюнити-менеджер"))

            // By salary: the 150 000 job before the 120 000 one, though it was posted first.
            let bySalary = try Self.page("\(serve.api)/?sort=salary").text
            let first = try #require(bySalary.range(of: "Комьюнити-менеджер"))
            let second = try #require(bySalary.range(of: "амбассадоров"))
            #expect(first.lowerBound < second.lowerBound)
            // The API reads the same filters the board does.
            let api = try HTTPClient.request(
                "GET",
                "\(serve.api)/api/v1/jobs?employment=part_time&sort=salary&city=%D0%BC%D0%BE%D1%81%D0%BA%D0%B2%D0%B0"
            ).object()
            #expect(api["total"] as? Int == 0)
            let sorted = try HTTPClient.request("GET", "\(serve.api)/api/v1/jobs?sort=salary").object()
            let titles = (sorted["items"] as? [[String: Any]] ?? []).compactMap {
                ($0["fields"] as? [String: Any])?["title"] as? String
            }
            #expect(titles == ["Комьюнити-менеджер", "Менеджер программы амбассадоров"])
            let byDate = try Self.page("\(serve.api)/").text
            #expect(byDate.range(of: "амбассадоров")!.lowerBound < byDate.range(of: "Комьюнити-менеджер")!.lowerBound)
        }
    }

    @Test("The board pages by twenty, with links that keep the filters", .timeLimit(.minutes(2)))
    func pages() async throws {
        try await APITests.served { node, serve, _ in
            for index in 1...21 { _ = try Self.post(node, "Вакансия номер \(index)", "--work-mode", "remote") }
            let first = try Self.page("\(serve.api)/?work_mode=remote").text
            #expect(first.contains("Страница 1 из 2"))
            #expect(first.utf8.count < 100_000, "no page over 100 KB")
            #expect(first.contains("href=\"/?work_mode=remote&amp;page=2\""))
            #expect(!first.contains("Вакансия номер 1<"))
            let second = try Self.page("\(serve.api)/?work_mode=remote&page=2").text
            #expect(second.contains("Вакансия номер 1<") && second.contains("rel=\"prev\" href=\"/?work_mode=remote\""))
            let past = try Self.page("\(serve.api)/?work_mode=remote&page=999").text
            #expect(past.contains("Эта страница за концом списка: в нём страниц — 2."), "not 'nothing found'")
            #expect(past.contains("<a href=\"/?work_mode=remote\">К первой странице</a>"))
            #expect(!past.contains("Ничего не нашлось"))
        }
    }

    @Test("A filter the board cannot read is named on the page, and the others still apply", .timeLimit(.minutes(2)))
    func badFilters() async throws {
        try await APITests.served { node, serve, _ in
            _ = try Self.post(node, "Комьюнити-менеджер", "--work-mode", "remote")
            let before = try node.exported()
            for (query, message) in [
                ("salary_min=abc&work_mode=remote", "зарплата — целое число, а не «abc»"),
                ("work_mode=space", "неизвестный формат работы «space»"),
                ("employment=forever", "неизвестный вид занятости «forever»"),
                ("currency=rubles", "валюта — трёхбуквенный код вроде RUB, а не «rubles»"),
                ("community=xyz", "«xyz» — не ключ сообщества"),
            ] {
                let page = try Self.page("\(serve.api)/?\(query)")
                #expect(page.status == 400, "\(query)")
                #expect(page.text.contains(message), "\(query)")
                #expect(page.text.contains("Комьюнити-менеджер"), "the rest of the board is shown for \(query)")
            }
            // Raw bytes that are not UTF-8 and an unknown parameter: the board still answers.
            #expect(try Self.page("\(serve.api)/?utm_source=telegram").status == 200)
            #expect(try Self.page("\(serve.api)/?q=%FF%FE").status < 500)
            #expect(try node.exported() == before)
        }
    }

    @Test(
        "A job's page shows every field, the other listings of the vacancy, and its JobPosting",
        .timeLimit(.minutes(2))
    )
    func jobPage() async throws {
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
            let id = try Self.post(
                node,
                "Менеджер программы",
                "--employer",
                "Runlab",
                "--work-mode",
                "hybrid",
                "--location-city",
                "Москва",
                "--apply-url",
                "https://runlab.example/jobs/1",
                "--duties",
                "Вести программу\nСобирать отзывы",
                "--requirements",
                "Опыт от года",
                "--tags",
                "events"
            )
            let output = try node.artel.run([
                "job", "post", "--community", "Product Camp", "--title", "Менеджер программы (Runlab)",
                "--apply-url", "https://runlab.example/jobs/1",
            ])
            #expect(output.status == 0)
            let page = try Self.page("\(serve.api)/jobs/\(id)")
            #expect(page.status == 200)
            for text in [
                "<h1>Менеджер программы</h1>", "Runlab", "гибрид", "Москва", "<li>Вести программу</li>",
                "<li>Собирать отзывы</li>", "Опыт от года", "href=\"/?tag=events\"",
                "<a class=\"button\" href=\"https://runlab.example/jobs/1\"", ">Tech Leaders Moscow</a>",
                ">Product Camp</a>",
            ] {
                #expect(page.text.contains(text), "\(text)")
            }
            let script = try #require(
                page.text.range(of: "<script type=\"application/ld+json\">").map { start in
                    page.text[start.upperBound...].prefix { $0 != "<" }
                }
            )
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(script.utf8)) as? [String: Any]
            )
            let posting = try #require((document["@graph"] as? [[String: Any]])?.first)
            #expect(posting["@type"] as? String == "JobPosting" && posting["title"] as? String == "Менеджер программы")

            #expect(try Self.page("\(serve.api)/jobs/00000000000000000000000000000000").status == 404)
            #expect(try Self.page("\(serve.api)/jobs/not-an-id").status == 404)
            let closed = try Self.post(node, "Уже закрыта", "--status", "closed")
            let gone = try Self.page("\(serve.api)/jobs/\(closed)")
            #expect(gone.status == 404 && gone.text.contains("Такой страницы нет"))
            let hidden = try Self.post(node, "Для своих", "--visibility", "private")
            #expect(try Self.page("\(serve.api)/jobs/\(hidden)").status == 404)
            // An apply link may be an e-mail address or a Telegram link, as the schema allows.
            for link in ["mailto:hr@runlab.example", "tg://resolve?domain=runlab_hr"] {
                let byMessage = try Self.post(node, "Отклик письмом", "--apply-url", link)
                let text = try Self.page("\(serve.api)/jobs/\(byMessage)").text
                #expect(text.contains("<a class=\"button\" href=\"\(link)\""), "\(link)")
            }
        }
    }

    @Test("Every text a job carries is shown as text, never as markup", .timeLimit(.minutes(2)))
    func escaping() async throws {
        try await APITests.served { node, serve, _ in
            let attack = "<script>alert(1)</script>\"'&"
            let id = try Self.post(
                node,
                attack,
                "--employer",
                attack,
                "--description",
                attack,
                "--duties",
                attack,
                "--requirements",
                attack,
                "--location-city",
                attack,
                "--tags",
                attack,
                "--contact",
                attack,
                "--skills",
                attack,
                "--apply-url",
                "https://example.org/?q=</script><script>alert(2)</script>"
            )
            for url in ["\(serve.api)/", "\(serve.api)/jobs/\(id)"] {
                let text = try Self.page(url).text
                #expect(!text.contains("<script>alert"), "\(url)")
                #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(url)")
            }
            // The JSON-LD cannot be closed early by a record's text.
            let page = try Self.page("\(serve.api)/jobs/\(id)").text
            #expect(page.components(separatedBy: "</script>").count == 3)  // the JSON-LD's and live.js's
        }
    }

    @Test("Pages are Russian first, English on request, and remember the switch", .timeLimit(.minutes(2)))
    func languages() async throws {
        try await APITests.served { _, serve, _ in
            let russian = try Self.page("\(serve.api)/")
            #expect(russian.text.contains("<html lang=\"ru\">") && russian.text.contains("Вакансии"))
            let english = try Self.page("\(serve.api)/", headers: ["Accept-Language": "en-GB,en;q=0.9,ru;q=0.5"])
            #expect(english.text.contains("<html lang=\"en\">") && english.text.contains("Jobs"))
            let switched = try Self.page("\(serve.api)/?lang=en&work_mode=remote")
            #expect(switched.text.contains("<html lang=\"en\">"))
            #expect(switched.headers["set-cookie"]?.hasPrefix("lang=en;") == true)
            #expect(switched.text.contains("href=\"/?work_mode=remote&amp;lang=ru\""))
            let remembered = try Self.page("\(serve.api)/", headers: ["Cookie": "lang=en", "Accept-Language": "ru"])
            #expect(remembered.text.contains("<html lang=\"en\">"))
            #expect(
                russian.headers["content-security-policy"]?.contains("default-src 'none'; script-src 'self'") == true
            )
            // The node's own time for the page, for developer tools and the benchmark.
            let timing = try #require(russian.headers["server-timing"])
            #expect(timing.hasPrefix("app;dur=") && Double(timing.dropFirst(8)).map { $0 >= 0 } == true)
            let style = try Self.page("\(serve.api)/assets/site.css")
            #expect(style.status == 200 && style.headers["content-type"] == "text/css; charset=utf-8")
            #expect(try Self.page("\(serve.api)/assets/missing.js").status == 404)
            // A broken link: a page for a browser, the API's JSON for a program.
            let browser = try Self.page("\(serve.api)/vacancies", headers: ["Accept": "text/html,*/*;q=0.8"])
            #expect(browser.status == 404 && browser.text.contains("Такой страницы нет"))
            let program = try Self.page("\(serve.api)/vacancies")
            #expect(program.status == 404 && (try? program.object()) != nil)
            let api = try Self.page("\(serve.api)/api/v1/nothing/here", headers: ["Accept": "text/html"])
            #expect(api.status == 404 && (try? api.object()) != nil)
        }
    }
}
