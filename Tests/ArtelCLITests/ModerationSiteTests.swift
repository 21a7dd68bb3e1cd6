import ArtelTestKit
import Foundation
import Testing

/// The moderator's pages over real HTTP: who may reach them, the forms' checks, and blocking,
/// unblocking, hiding and showing again through the same store calls as `artel block` and `artel hide`.
@Suite("Site: moderation")
struct ModerationSiteTests {
    /// A served node whose community granted the author key `spammer`, which posted two jobs; the
    /// community's own key posted a third. `boris` moderates, `olga` operates, `anna` edits jobs.
    struct Setup {
        let node: TestNode
        let serve: ServeProcess
        /// The jobs by `spammer`, and the job by the community key.
        let spam: [String]
        let honest: String
        /// The public key of `spammer`, in hex.
        let spammer: String

        /// The board's HTML.
        func board() throws -> String { try SiteJobTests.page("\(serve.api)/").text }

        /// The ids of the jobs the API lists.
        func listed() throws -> [String] {
            let answer = try HTTPClient.request("GET", "\(serve.api)/api/v1/jobs")
            let body = try JSONSerialization.jsonObject(with: Data(answer.text.utf8)) as? [String: Any]
            return (body?["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        }

        /// What the node blocks and hides, and the jobs it lists: what no refused request may change.
        func state() throws -> String {
            try node.expectSuccess("blocks", "--json") + node.expectSuccess("list", "jobs", "--json")
        }

        /// The audit log's actions on a target, newest first, as "account action".
        func audited(_ target: String) throws -> [String] {
            let log = try #require(try node.json("user", "log") as? [[String: Any]])
            return log.filter { $0["target"] as? String == target }.map { "\($0["account"]!) \($0["action"]!)" }
        }
    }

    /// A grant's last day, within the year a grant may last.
    static var inAYear: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: Date().addingTimeInterval(300 * 86_400))
    }

    static func served(_ body: (Setup) async throws -> Void) async throws {
        try await TestNode.with { node in
            for arguments in [
                "add boris --role moderator", "add olga --role operator",
                "add anna --role editor --community tech-leaders --kinds job",
            ] {
                let added = try UserCLITests.user(node, stdin: SignInSiteTests.password, arguments)
                try #require(added.status == 0, "\(added.error)")
            }
            try node.expectSuccess("keys", "new", "spammer", "--role", "author")
            try node.expectSuccess("grant", "tech-leaders", "spammer", "--kinds", "job", "--until", Self.inAYear)
            let spam = try ["Спам-вакансия <script>", "Ещё спам"].map {
                try SiteJobTests.post(node, $0, "--author", "spammer")
            }
            let honest = try SiteJobTests.post(node, "Честная вакансия")
            let spammer = try node.expectSuccess("keys", "export", "spammer", "--public")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let serve = try ServeProcess(node.artel)
            defer { serve.stop() }
            try await body(Setup(node: node, serve: serve, spam: spam, honest: honest, spammer: spammer))
        }
    }

    /// Every route of the moderator's pages, as (method, path, form fields).
    static func routes(_ setup: Setup) -> [(String, String, [(String, String)])] {
        let key = setup.spammer
        let id = setup.spam[0]
        return [
            ("GET", "/moderation", []), ("GET", "/moderation/quarantine", []), ("GET", "/moderation/refusals", []),
            ("GET", "/moderation/records/\(id)", []), ("GET", "/moderation/block?target=author&key=\(key)", []),
            ("GET", "/moderation/unblock?key=\(key)", []), ("GET", "/moderation/hide?id=\(id)", []),
            ("GET", "/moderation/unhide?id=\(id)", []),
            ("POST", "/moderation/block", [("target", "author"), ("key", key), ("reason", "спам")]),
            ("POST", "/moderation/unblock", [("key", key)]), ("POST", "/moderation/hide", [("id", id)]),
            ("POST", "/moderation/unhide", [("id", id)]),
        ]
    }

    @Test("Signed out, every moderation route sends the browser to sign in and changes nothing")
    func signedOut() async throws {
        try await Self.served { setup in
            let before = try setup.state()
            let browser = SiteBrowser(setup.serve.api)
            for (method, path, fields) in Self.routes(setup) {
                let answer = method == "GET" ? try browser.get(path) : try browser.post(path, fields)
                #expect(answer.status == 303, "\(method) \(path)")
                #expect(answer.headers["location"]?.hasPrefix("/signin?next=/moderation") == true, "\(method) \(path)")
            }
            #expect(
                try browser.get("/moderation/quarantine").headers["location"] == "/signin?next=/moderation/quarantine"
            )
            #expect(try setup.state() == before)
            #expect(try !setup.board().contains("/moderation"), "visitors see no moderation link")
        }
    }

    @Test("An editor gets 403 on every moderation route; a moderator and an operator reach every page")
    func roles() async throws {
        try await Self.served { setup in
            let before = try setup.state()
            let anna = try SiteBrowser.signedIn(setup.serve.api, "anna")
            let token = try anna.formToken()
            for (method, path, fields) in Self.routes(setup) {
                let answer = method == "GET" ? try anna.get(path) : try anna.post(path, [("csrf", token)] + fields)
                #expect(answer.status == 403, "\(method) \(path) → \(answer.status)")
                #expect(answer.text.contains("Эти страницы — для модераторов и операторов узла"), "\(method) \(path)")
            }
            #expect(try setup.state() == before)
            #expect(try !anna.get("/jobs/\(setup.honest)").text.contains("/moderation"))
            for name in ["boris", "olga"] {
                let browser = try SiteBrowser.signedIn(setup.serve.api, name)
                for (_, path, _) in Self.routes(setup).filter({ $0.0 == "GET" && !$0.1.contains("unhide") })
                where !path.hasPrefix("/moderation/unblock") {
                    #expect(try browser.get(path).status == 200, "\(name): GET \(path)")
                }
                // Nothing is blocked or hidden yet: the pages that lift either say so.
                #expect(try browser.get("/moderation/unblock?key=\(setup.spammer)").status == 404)
                #expect(try browser.get("/moderation/unhide?id=\(setup.honest)").status == 200)
                let job = try browser.get("/jobs/\(setup.honest)").text
                #expect(job.contains(#"<a href="/moderation/records/\#(setup.honest)">Модерировать эту запись</a>"#))
                #expect(try !browser.get("/moderation").text.contains("Модерировать эту запись"))
            }
            #expect(try setup.state() == before, "asking changes nothing")
        }
    }

    @Test("A form without its token or from another origin changes nothing")
    func refusesForgedForms() async throws {
        try await Self.served { setup in
            let before = try setup.state()
            let boris = try SiteBrowser.signedIn(setup.serve.api, "boris")
            let token = try boris.formToken()
            let wrong = (token.hasPrefix("0") ? "1" : "0") + token.dropFirst()
            for (method, path, fields) in Self.routes(setup) where method == "POST" {
                #expect(try boris.post(path, fields).status == 403, "without a token: \(path)")
                #expect(try boris.post(path, [("csrf", wrong)] + fields).status == 403, "a wrong token: \(path)")
                let foreign = try boris.post(path, [("csrf", token)] + fields, origin: "http://evil.example")
                #expect(foreign.status == 403, "from another origin: \(path)")
                #expect(foreign.text.contains("Форма отклонена"))
            }
            #expect(try setup.state() == before)
            #expect(try setup.audited(setup.spammer).isEmpty && setup.audited(setup.spam[0]).isEmpty)
        }
    }

    @Test("Malformed keys, ids and reasons get a page that says what is wrong, and change nothing")
    func badInput() async throws {
        try await Self.served { setup in
            let before = try setup.state()
            let boris = try SiteBrowser.signedIn(setup.serve.api, "boris")
            let token = try boris.formToken()
            let key = setup.spammer
            let cases: [(String, [(String, String)], Int, String)] = [
                ("block", [("target", "author"), ("key", "5f1c2a")], 400, "Ключ — это 64 шестнадцатеричные цифры"),
                ("block", [("target", "author"), ("key", String(key.dropLast()) + "z")], 400, "64 шестнадцатеричные"),
                ("block", [("target", "person"), ("key", key)], 400, "Выберите, что блокировать"),
                ("block", [("key", key)], 400, "Выберите, что блокировать"),
                (
                    "block", [("target", "author"), ("key", key), ("reason", String(repeating: "я", count: 501))], 400,
                    "Причина — не длиннее 500 знаков"
                ),
                ("unblock", [("key", key)], 404, "Этот ключ не заблокирован"),
                ("unblock", [("key", "<script>")], 400, "64 шестнадцатеричные"),
                ("hide", [("id", "not-hex")], 400, "Номер записи — от 1 до 32"),
                ("hide", [("id", String(repeating: "a", count: 33))], 400, "Номер записи — от 1 до 32"),
                ("hide", [("id", "ffffffffffffffffffffffffffffffff")], 404, "Нет записи с таким номером"),
                ("unhide", [("id", "")], 400, "Номер записи — от 1 до 32"),
            ]  // swift-format-ignore
            for (action, fields, status, message) in cases {
                let posted = try boris.post("/moderation/\(action)", [("csrf", token)] + fields)
                #expect(posted.status == status, "POST \(action) \(fields)")
                #expect(posted.text.contains(message), "POST \(action) \(fields): \(posted.text)")
                #expect(posted.text.contains("Ничего не изменено"))
                if action != "block" || fields.count < 3 {
                    let query = fields.map { "\($0.0)=\(SiteBrowser.encode($0.1))" }.joined(separator: "&")
                    #expect(try boris.get("/moderation/\(action)?\(query)").status == status, "GET \(action) \(query)")
                }
            }
            // The first digits of an id shared by two records are not enough to tell which.
            let shared = String(zip(setup.spam[0], setup.spam[1]).prefix { $0 == $1 }.map(\.0))
            if !shared.isEmpty {
                #expect(try boris.get("/moderation/hide?id=\(shared)").text.contains("введите больше цифр"))
            }
            #expect(try boris.get("/moderation/records/nothing").status == 400)
            #expect(try boris.get("/moderation/refusals?source=\(String(repeating: "p", count: 101))").status == 400)
            #expect(try setup.state() == before)
        }
    }

    @Test("A moderator blocks an author from a job's page: its jobs leave the board and the API, and come back")
    func blocksAnAuthor() async throws {
        try await Self.served { setup in
            let exported = "\(setup.node.directory)/before-block.deltas"
            try setup.node.expectSuccess("export", "--output", exported)
            #expect(Set(try setup.listed()) == Set(setup.spam + [setup.honest]))
            var boris = try SiteBrowser.signedIn(setup.serve.api, "boris")
            let record = try boris.get("/moderation/records/\(setup.spam[0])").text
            #expect(record.contains("Спам-вакансия &lt;script&gt;"), "titles are escaped")
            let ask = "/moderation/block?target=author&amp;key=\(setup.spammer)"
            #expect(record.contains(ask))
            let question = try boris.get(ask.replacingOccurrences(of: "&amp;", with: "&")).text
            #expect(question.contains("Заблокировать автора?") && question.contains(setup.spammer))
            #expect(try setup.listed().count == 3, "asking blocks nothing")

            let blocked = try boris.post(
                "/moderation/block",
                [("csrf", try boris.formToken()), ("target", "author"), ("key", setup.spammer), ("reason", "спам")]
            )
            #expect(blocked.status == 303)
            let report = try #require(blocked.headers["location"])
            #expect(report == "/moderation?done=block&target=author&key=\(setup.spammer)")
            let done = try boris.get(report).text
            #expect(done.contains("Заблокировано: \(setup.spammer)."))
            #expect(done.contains(#"<button type="submit">Отменить: снять блокировку</button>"#))
            #expect(try setup.listed() == [setup.honest])
            let board = try setup.board()
            #expect(board.contains("Честная вакансия") && !board.contains("спам"))
            #expect(try SiteJobTests.page("\(setup.serve.api)/jobs/\(setup.spam[1])").status == 404)
            #expect(try setup.node.expectSuccess("blocks").contains("author \(setup.spammer)"))

            // While blocked, the author's deltas are refused, and the refusal log says why.
            #expect(try setup.node.run("apply", exported).output.contains("blocked"))
            let refusals = try boris.get("/moderation/refusals").text
            #expect(refusals.contains("<code>blocked</code>") && refusals.contains(setup.spammer))
            let fromFiles = try boris.get("/moderation/refusals?source=file").text
            #expect(fromFiles.contains("Только источник «file».") && fromFiles.contains("<code>blocked</code>"))
            #expect(try boris.get("/moderation/refusals?source=peer").text.contains("Узел ничего не отклонял."))

            // The undo lifts the block; what was purged comes back with the next delivery.
            let lifted = try boris.post(
                "/moderation/unblock",
                [("csrf", try boris.formToken()), ("target", "author"), ("key", setup.spammer)]
            )
            #expect(lifted.headers["location"] == "/moderation?done=unblock&target=author&key=\(setup.spammer)")
            #expect(try boris.get(lifted.headers["location"]!).text.contains("Заблокировать снова"))
            try setup.node.expectSuccess("apply", exported)
            #expect(Set(try setup.listed()) == Set(setup.spam + [setup.honest]))
            #expect(try setup.audited(setup.spammer) == ["boris unblock", "boris block.author"])
            boris.session = nil
            #expect(try boris.get("/moderation").status == 303)
        }
    }

    @Test("A moderator hides a job and shows it again; an operator may too; each action is audited")
    func hidesRecords() async throws {
        try await Self.served { setup in
            let olga = try SiteBrowser.signedIn(setup.serve.api, "olga")
            let id = setup.honest
            #expect(try olga.get("/moderation/hide?id=\(id.prefix(12))").text.contains(#"name="id" value="\#(id)""#))
            let hidden = try olga.post(
                "/moderation/hide",
                [("csrf", try olga.formToken()), ("id", String(id.prefix(12)))]
            )
            #expect(hidden.headers["location"] == "/moderation?done=hide&id=\(id)")
            #expect(try !setup.listed().contains(id))
            #expect(try !setup.board().contains("Честная вакансия"))
            let summary = try olga.get(try #require(hidden.headers["location"])).text
            #expect(summary.contains("Запись \(id) скрыта.") && summary.contains("Отменить: показать снова"))
            #expect(summary.contains(#"<a href="/moderation/records/\#(id)">Честная вакансия</a>"#))
            #expect(try olga.get("/moderation/records/\(id)").text.contains("Запись скрыта на этом узле."))

            let boris = try SiteBrowser.signedIn(setup.serve.api, "boris")
            let shown = try boris.post("/moderation/unhide", [("csrf", try boris.formToken()), ("id", id)])
            #expect(shown.headers["location"] == "/moderation?done=unhide&id=\(id)")
            #expect(try setup.listed().contains(id))
            #expect(try setup.board().contains("Честная вакансия"))
            #expect(try setup.audited(id) == ["boris record.unhide", "olga record.hide"])
        }
    }

    @Test("The quarantine shows what waits, for which community and kind, from where and since when")
    func quarantine() async throws {
        try await Self.served { setup in
            // A job of another community, whose grants this node has not seen, waits for them.
            let other = TestNode(
                artel: ArtelProcess(data: "\(setup.node.directory)/other"),
                directory: setup.node.directory
            )
            try other.expectSuccess("init", "--name", "other")
            try other.expectSuccess("community", "create", "--name", "Чужое", "--key-name", "own")
            try other.expectSuccess("keys", "new", "writer", "--role", "author")
            try other.expectSuccess("grant", "own", "writer", "--kinds", "job", "--until", Self.inAYear)
            let waiting = TestNode.createdID(
                try other.expectSuccess(
                    "job",
                    "post",
                    "--community",
                    "own",
                    "--title",
                    "Ждёт гранта",
                    "--author",
                    "writer"
                )
            )
            let jobs = "\(setup.node.directory)/jobs.deltas"
            try other.expectSuccess("export", "--output", jobs, "--kinds", "job")
            try setup.node.expectSuccess("follow", "--every-community")
            #expect(try setup.node.expectSuccess("apply", jobs).contains("1 wait in quarantine"))

            let boris = try SiteBrowser.signedIn(setup.serve.api, "boris")
            #expect(try boris.get("/moderation").text.contains("Ждут гранта 1"))
            let page = try boris.get("/moderation/quarantine").text
            #expect(page.contains("грант на «вакансия»"), "\(page)")
            #expect(page.contains(waiting) && page.contains("file "), "\(page)")
            let writer = try other.expectSuccess("keys", "export", "writer", "--public")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(page.contains("/moderation/block?target=author&amp;key=\(writer)"))
        }
    }
}
