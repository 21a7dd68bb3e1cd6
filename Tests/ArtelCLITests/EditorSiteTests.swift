import ArtelTestKit
import Foundation
import Testing

/// The editor's pages over real HTTP: who may reach them, the job form's problems, and the writes.
@Suite("Site: editor")
struct EditorSiteTests {
    static let password = SignInSiteTests.password

    /// A served node with two communities and four accounts: `anna` edits the test community's
    /// jobs and events, `olga` the other community's jobs, `ivan` the test community's events only,
    /// `boris` moderates. `job` is a job of the test community posted at the command line.
    struct Setup {
        let node: TestNode
        let serve: ServeProcess
        let job: String
        let community: String

        func browser(_ name: String) throws -> SiteBrowser {
            try SiteBrowser.signedIn(serve.api, name)
        }

        /// Every job the replica holds, whatever its status, as `list jobs --json` shows them.
        func jobs() throws -> [[String: Any]] {
            try #require(try node.json("list", "jobs", "--status", "all") as? [[String: Any]])
        }
    }

    static func served(_ body: (Setup) async throws -> Void) async throws {
        try await TestNode.with { node in
            try node.expectSuccess("community", "create", "--name", "Other", "--area", "Казань", "--key-name", "other")
            for arguments in [
                "add anna --role editor --community tech-leaders --kinds job --kinds event",
                "add olga --role editor --community Other --kinds job",
                "add ivan --role editor --community tech-leaders --kinds event",
                "add boris --role moderator",
            ] {
                let added = try UserCLITests.user(node, stdin: password, arguments)
                try #require(added.status == 0, "\(added.error)")
            }
            let job = try SiteJobTests.post(node, "Вакансия из консоли", "--employer", "Runlab")
            let communities = try #require(try node.json("list", "communities") as? [[String: Any]])
            let named = communities.first {
                ($0["fields"] as? [String: Any])?["name"] as? String == "Tech Leaders Moscow"
            }
            let community = try #require(named?["community"] as? String)
            let serve = try ServeProcess(node.artel)
            defer { serve.stop() }
            try await body(Setup(node: node, serve: serve, job: job, community: community))
        }
    }

    /// Every route of the editor, as (method, path).
    static func routes(_ job: String) -> [(String, String)] {
        [("GET", "/editor"), ("GET", "/editor/jobs/new"), ("POST", "/editor/jobs/new")]
            + ["edit", "close", "delete"].flatMap {
                [("GET", "/editor/jobs/\(job)/\($0)"), ("POST", "/editor/jobs/\(job)/\($0)")]
            }
    }

    @Test("Signed out, every editor route sends the browser to sign in and changes nothing", .timeLimit(.minutes(2)))
    func signedOut() async throws {
        try await Self.served { setup in
            let before = try setup.jobs().count
            let browser = SiteBrowser(setup.serve.api)
            for (method, path) in Self.routes(setup.job) {
                let answer =
                    method == "GET"
                    ? try browser.get(path)
                    : try browser.post(path, [("title", "Чужая"), ("community", setup.community)])
                #expect(answer.status == 303, "\(method) \(path)")
                #expect(answer.headers["location"]?.hasPrefix("/signin?next=") == true, "\(method) \(path)")
            }
            #expect(try browser.get("/editor/jobs/new").headers["location"] == "/signin?next=/editor/jobs/new")
            #expect(try setup.jobs().count == before)
            #expect(try setup.jobs().first?["fields"].map { "\($0)" }?.contains("Вакансия из консоли") == true)
        }
    }

    @Test("A moderator, another community's editor and an editor of events only are refused; nothing changes")
    func refusesOtherAccounts() async throws {
        try await Self.served { setup in
            let before = try setup.jobs().count
            for name in ["boris", "olga", "ivan"] {
                let browser = try setup.browser(name)
                let token = try browser.formToken()
                for (method, path) in Self.routes(setup.job) {
                    if name != "boris" && path == "/editor" { continue }
                    if name == "olga" && path == "/editor/jobs/new" && method == "GET" { continue }
                    let answer =
                        method == "GET"
                        ? try browser.get(path)
                        : try browser.post(
                            path,
                            [("csrf", token), ("community", setup.community), ("title", "Чужая вакансия")]
                        )
                    #expect(answer.status == 403, "\(name): \(method) \(path) → \(answer.status)")
                    #expect(answer.text.contains("Нет доступа"), "\(name): \(method) \(path)")
                }
            }
            #expect(try setup.jobs().count == before)
            #expect(try !setup.node.expectSuccess("list", "jobs").contains("Чужая вакансия"))
            // olga's own dashboard shows her community and not the test community's jobs.
            let olga = try setup.browser("olga").get("/editor").text
            #expect(olga.contains("<h2>Other</h2>") && !olga.contains("Вакансия из консоли"))
        }
    }

    @Test("A job with errors shows each message beside its field, keeps the values and stores nothing")
    func problemsBesideTheirFields() async throws {
        try await Self.served { setup in
            let before = try setup.jobs().count
            let anna = try setup.browser("anna")
            let answer = try anna.post(
                "/editor/jobs/new",
                [
                    ("csrf", try anna.formToken()), ("community", setup.community), ("title", ""),
                    ("employer", "Skyeng <b>"), ("salary_min", "много"), ("salary_max", "100"),
                    ("salary_currency", "rubles"), ("apply_url", "ftp://example.org"), ("valid_through", "скоро"),
                    ("work_mode", "space"),
                ]
            )
            #expect(answer.status == 422)
            let page = answer.text
            for (field, message) in [
                ("title", "Заполните это поле"), ("salary_min", "Введите целое число"),
                ("salary_currency", "Код валюты из трёх латинских букв, например RUB, USD или EUR"),
                ("apply_url", "Нужна ссылка на сайт, адрес почты целиком (hr@romashka.ru) или @имя в Telegram"),
                ("valid_through", "Введите дату в виде ГГГГ-ММ-ДД"), ("work_mode", "Выберите значение из списка"),
            ] {
                #expect(page.contains(#"<p class="error" id="field-\#(field)-error">\#(message)"#), "\(field)")
                #expect(page.contains("<a href=\"#field-\(field)\">"), "the summary links to \(field)")
            }
            #expect(page.contains(#"value="Skyeng &lt;b&gt;""#), "values are kept, escaped")
            #expect(page.contains(#"value="много""#))
            #expect(try setup.jobs().count == before)

            let inverted = try anna.post(
                "/editor/jobs/new",
                [
                    ("csrf", try anna.formToken()), ("community", setup.community), ("title", "Вакансия"),
                    ("salary_min", "200000"), ("salary_max", "100000"),
                ]
            )
            #expect(inverted.status == 422)
            #expect(inverted.text.contains(#"id="field-salary_max-error">Верхняя граница меньше нижней"#))
            #expect(try setup.jobs().count == before)
        }
    }

    @Test(
        "A description as long as the field allows, in Russian, posts, with a currency and a link typed as people type them"
    )
    func longRussianDescription() async throws {
        try await Self.served { setup in
            let before = try setup.jobs().count
            let anna = try setup.browser("anna")
            // 20 000 characters, the description's limit: six bytes each once a browser encodes them.
            let description = String(repeating: "Ведение сообщества. ", count: 1_000)
            let answer = try anna.post(
                "/editor/jobs/new",
                [
                    ("csrf", try anna.formToken()), ("community", setup.community), ("title", "Длинная вакансия"),
                    ("description", description), ("salary_min", "90000"), ("salary_currency", "руб."),
                    ("apply_url", "t.me/romashka_hr"),
                ]
            )
            #expect(answer.status == 303, "\(answer.text.prefix(300))")
            #expect(try setup.jobs().count == before + 1)
            let posted = try #require(
                try setup.jobs().first { ($0["fields"] as? [String: Any])?["title"] as? String == "Длинная вакансия" }
            )
            #expect((posted["fields"] as? [String: Any])?["salary_currency"] as? String == "RUB", "руб. is RUB")
            #expect((posted["fields"] as? [String: Any])?["apply_url"] as? String == "https://t.me/romashka_hr")
        }
    }

    @Test("A form without its token or from another origin stores nothing")
    func refusesForgedForms() async throws {
        try await Self.served { setup in
            let before = try setup.jobs().count
            let anna = try setup.browser("anna")
            let fields = [("community", setup.community), ("title", "Подделка")]
            #expect(try anna.post("/editor/jobs/new", fields).status == 403)
            #expect(
                try anna.post(
                    "/editor/jobs/new",
                    [("csrf", try anna.formToken())] + fields,
                    origin: "http://evil.example"
                )
                .status == 403
            )
            #expect(try anna.post("/editor/jobs/\(setup.job)/delete", []).status == 403)
            #expect(try setup.jobs().count == before)
        }
    }

    @Test("An editor posts, edits, closes and deletes a job, signed by the account's key, seen on the board")
    func writesJobs() async throws {
        try await Self.served { setup in
            let anna = try setup.browser("anna")
            let dashboard = try anna.get("/editor")
            #expect(dashboard.text.contains("Вакансия из консоли"))
            // Each action names its job to a screen reader, whose list of links shows no rows.
            let named =
                #"<a href="/editor/jobs/\#(setup.job)/edit">Изменить<span class="visually-hidden">: Вакансия из консоли</span></a>"#
            #expect(dashboard.text.contains(named))
            let posted = try anna.post(
                "/editor/jobs/new",
                [
                    ("csrf", try anna.formToken()), ("community", setup.community), ("title", "Комьюнити-менеджер"),
                    ("employer", "Skyeng"), ("salary_min", "150 000"), ("salary_currency", "RUB"),
                    ("salary_period", "month"), ("employment", "part_time"), ("employment", "contract"),
                    ("work_mode", "remote"), ("valid_through", "2099-01-31"), ("tags", "remote, community"),
                ]
            )
            #expect(posted.status == 303)
            #expect(posted.headers["location"] == "/editor?done=created")
            #expect(try anna.get("/editor?done=created").text.contains("Вакансия опубликована."))
            let board = try SiteJobTests.page("\(setup.serve.api)/").text
            #expect(board.contains("Комьюнити-менеджер"))
            let job = try #require(
                try setup.jobs().first { ($0["fields"] as? [String: Any])?["title"] as? String == "Комьюнити-менеджер" }
            )
            let id = try #require(job["id"] as? String)
            let log = try setup.node.expectSuccess("log", id)
            #expect(log.contains("by key user-anna"), "\(log)")
            #expect(log.contains("set salary_min = 150000"))

            let edit = try anna.get("/editor/jobs/\(id)/edit").text
            #expect(edit.contains(#"value="Комьюнити-менеджер""#) && edit.contains(#"value="2099-01-31""#))
            let changed = try anna.post(
                "/editor/jobs/\(id)/edit",
                [
                    ("csrf", try anna.formToken()), ("title", "Старший комьюнити-менеджер"), ("employer", "Skyeng"),
                    ("salary_min", "150000"), ("salary_currency", "RUB"), ("salary_period", "month"),
                    ("employment", "part_time"), ("work_mode", "remote"), ("valid_through", "2099-01-31"),
                    ("tags", "remote, community"),
                ]
            )
            #expect(changed.headers["location"] == "/editor?done=changed")
            let second = try setup.node.expectSuccess("log", id).components(separatedBy: "by key user-anna").last ?? ""
            #expect(second.contains("set title = Старший комьюнити-менеджер"))
            #expect(second.contains("remove contract from employment"))
            #expect(!second.contains("salary_min"), "only what changed is written: \(second)")

            #expect(try anna.get("/editor/jobs/\(id)/close").text.contains("Закрыть вакансию?"))
            #expect(try anna.post("/editor/jobs/\(id)/close", [("csrf", try anna.formToken())]).status == 303)
            #expect(try !SiteJobTests.page("\(setup.serve.api)/").text.contains("Старший комьюнити-менеджер"))

            #expect(try anna.post("/editor/jobs/\(id)/delete", [("csrf", try anna.formToken())]).status == 303)
            #expect(try anna.get("/editor/jobs/\(id)/edit").status == 404)
            #expect(try !setup.jobs().contains { $0["id"] as? String == id })

            let audit = try #require(try setup.node.json("user", "log") as? [[String: Any]])
            let written = audit.filter { $0["target"] as? String == id }.map { "\($0["account"]!) \($0["action"]!)" }
            #expect(written == ["anna job.delete", "anna job.close", "anna job.edit", "anna job.create"])
            #expect(
                audit.filter { $0["target"] as? String == id }.allSatisfy { $0["address"] as? String == "127.0.0.1" }
            )
        }
    }

    @Test("Without a grant for the editor's key the node cannot sign: the form says so and nothing is stored")
    func withoutAGrant() async throws {
        try await TestNode.with { node in
            try FileManager.default.removeItem(atPath: "\(node.artel.data)/keys/tech-leaders.key")
            let added = try UserCLITests.user(
                node,
                stdin: Self.password,
                "add anna --role editor --community 'Tech Leaders Moscow' --kinds job"
            )
            try #require(added.status == 0, "\(added.error)")
            let serve = try ServeProcess(node.artel)
            defer { serve.stop() }
            var anna = SiteBrowser(serve.api)
            #expect(try anna.signIn("anna", Self.password).status == 303)
            let community = try EditorPartners.communityOption(in: try anna.get("/editor/jobs/new").text)
            let answer = try anna.post(
                "/editor/jobs/new",
                [("csrf", try anna.formToken()), ("community", community), ("title", "Без гранта")]
            )
            #expect(answer.status == 422)
            #expect(answer.text.contains("Узел не смог подписать запись вашим ключом"), "\(answer.text)")
            #expect(answer.text.contains(#"value="Без гранта""#))
            #expect((try node.json("list", "jobs", "--status", "all") as? [Any])?.isEmpty == true)
            #expect(try node.expectSuccess("quarantine").contains("Без гранта") == false)
        }
    }

    @Test("A job an editor posts on one node reaches a partner node's board", .timeLimit(.minutes(3)))
    func reachesPartners() async throws {
        try await EditorPartners.with { nodes, servers, anna, community in
            let posted = try anna.post(
                "/editor/jobs/new",
                [("csrf", try anna.formToken()), ("community", community), ("title", "Вакансия для партнёров")]
            )
            #expect(posted.status == 303)
            #expect(
                try await eventually {
                    try SiteJobTests.page("\(servers[1].api)/").text.contains("Вакансия для партнёров")
                },
                "\(serveLogs(nodes))"
            )
        }
    }
}
