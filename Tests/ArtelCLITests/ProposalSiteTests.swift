import ArtelCore
import ArtelStore
import ArtelTestKit
import Foundation
import Testing

/// Visitors' proposals over real HTTP: the form without an account and what keeps spam out, then
/// the editors' queue, where a proposal becomes a signed job or is rejected with a reason.
@Suite("Site: proposals")
struct ProposalSiteTests {
    /// A job proposal's fields for a community.
    static func job(_ community: String, _ title: String) -> [(String, String)] {
        [
            ("community", community), ("title", title), ("employer", "Runlab"), ("salary_min", "200 000"),
            ("salary_currency", "RUB"), ("employment", "full_time"), ("work_mode", "remote"),
            (ProposalFormField.contact, "hr@runlab.example"), (ProposalFormField.trap, ""),
        ]
    }

    /// How many proposals the node has queued, by its audit log.
    static func received(_ node: TestNode) throws -> Int {
        let log = try #require(try node.json("user", "log") as? [[String: Any]])
        return log.filter { $0["action"] as? String == "proposal.receive" }.count
    }

    /// The number of the first waiting proposal an editor's list links to.
    static func firstWaiting(_ browser: SiteBrowser) throws -> String {
        let list = try browser.get("/editor/proposals").text
        return try #require(
            list.range(of: #"/editor/proposals/[0-9]+""#, options: .regularExpression).map {
                String(list[$0].dropFirst("/editor/proposals/".count).dropLast())
            }
        )
    }

    /// Whether the node's audit log holds a decision of an account on a proposal.
    static func logged(_ node: TestNode, _ account: String, _ action: String, proposal id: String) throws -> Bool {
        let audit = try #require(try node.json("user", "log") as? [[String: Any]])
        return audit.contains {
            $0["account"] as? String == account && $0["action"] as? String == action
                && $0["target"] as? String == "proposal \(id)"
        }
    }

    /// A visitor who opened the form of a kind (`job`, `event`), and the keys of the communities it
    /// offers by name.
    static func visitor(
        _ setup: EditorSiteTests.Setup,
        kind: String = "job"
    ) throws -> (ProposalVisitor, [String: String]) {
        var visitor = ProposalVisitor(setup.serve.api, kind: kind)
        let page = try visitor.open()
        try #require(page.status == 200, "\(page.text)")
        return (visitor, visitor.communities(page))
    }

    @Test("A visitor proposes a job; it is nowhere but the queue until its community's editor approves it")
    func proposesAndApproves() async throws {
        try await EditorSiteTests.served { setup in
            let (visitor, communities) = try Self.visitor(setup)
            #expect(Set(communities.keys) == ["Tech Leaders Moscow", "Other"])
            #expect(try SiteJobTests.page("\(setup.serve.api)/").text.contains("/propose/job"))
            let deltas = try #require(try setup.node.json("status") as? [String: Any])["deltas"] as? Int
            let sent = try visitor.propose(Self.job(setup.community, "Предложенная вакансия"))
            #expect(sent.status == 303 && sent.headers["location"] == "/propose/thanks?kind=job")
            #expect(try SiteJobTests.page("\(setup.serve.api)/propose/thanks").text.contains("Редактор посмотрит"))

            // Not a delta, not a record: nowhere a reader or a peer could see it.
            #expect((try setup.node.json("status") as? [String: Any])?["deltas"] as? Int == deltas)
            #expect(try !setup.jobs().contains { "\($0)".contains("Предложенная вакансия") })
            #expect(try !HTTPClient.request("GET", "\(setup.serve.api)/api/v1/jobs").text.contains("Предложенная"))
            #expect(try !SiteJobTests.page("\(setup.serve.api)/").text.contains("Предложенная вакансия"))
            #expect(try !HTTPClient.request("GET", "\(setup.serve.api)/feeds/jobs.json").text.contains("Предложенная"))
            let export = "\(setup.node.artel.data)/all.deltas"
            try setup.node.expectSuccess("export", "--include-private", "--output", export)
            let exported = try Data(contentsOf: URL(fileURLWithPath: export))
            #expect(exported.range(of: Data("Предложенная".utf8)) == nil, "not in a delta export")
            #expect(exported.range(of: Data("Вакансия из консоли".utf8)) != nil, "the export reads as text")

            // Only the editors of the community's jobs see it.
            let anna = try setup.browser("anna")
            let list = try anna.get("/editor/proposals").text
            #expect(list.contains("Предложенная вакансия") && list.contains("hr@runlab.example"))
            let id = try Self.firstWaiting(anna)
            for name in ["olga", "ivan"] {
                let other = try setup.browser(name)
                #expect(try !other.get("/editor/proposals").text.contains("Предложенная вакансия"), "\(name)")
                #expect(try other.get("/editor/proposals/\(id)").status == 404, "\(name)")
                let approve = try other.post(
                    "/editor/proposals/\(id)/approve",
                    [("csrf", try other.formToken()), ("title", "Чужое одобрение")]
                )
                #expect(approve.status == 404, "\(name)")
            }
            let boris = try setup.browser("boris")
            #expect(try boris.get("/editor/proposals").status == 403)
            #expect(try boris.post("/editor/proposals/\(id)/approve", [("csrf", try boris.formToken())]).status == 403)

            // The editor approves it, changing the title on the way.
            let review = try anna.get("/editor/proposals/\(id)")
            #expect(review.status == 200 && review.text.contains(#"value="Предложенная вакансия""#))
            let approved = try anna.post(
                "/editor/proposals/\(id)/approve",
                [
                    ("csrf", try anna.formToken()), ("title", "Одобренная вакансия"), ("employer", "Runlab"),
                    ("work_mode", "remote"),
                ]
            )
            #expect(approved.status == 303 && approved.headers["location"] == "/editor/proposals?done=approved")
            let job = try #require(
                try setup.jobs().first {
                    ($0["fields"] as? [String: Any])?["title"] as? String == "Одобренная вакансия"
                }
            )
            let log = try setup.node.expectSuccess("log", try #require(job["id"] as? String))
            #expect(log.contains("by key user-anna"), "\(log)")
            #expect(try SiteJobTests.page("\(setup.serve.api)/").text.contains("Одобренная вакансия"))
            #expect(try !setup.browser("olga").get("/").text.contains("Чужое одобрение"))

            // Decided once: it leaves the queue and cannot be approved again.
            let decided = try anna.get("/editor/proposals").text
            #expect(decided.contains("одобрено") && decided.contains("/jobs/\(job["id"] as? String ?? "")"))
            #expect(try anna.get("/editor/proposals/\(id)").status == 404)
            #expect(
                try anna.post("/editor/proposals/\(id)/approve", [("csrf", try anna.formToken()), ("title", "Ещё")])
                    .status == 404
            )
            let audit = try #require(try setup.node.json("user", "log") as? [[String: Any]])
            let lines = audit.filter { $0["target"] as? String == "proposal \(id)" }.map {
                "\($0["account"] as? String ?? "-") \($0["action"]!)"
            }
            #expect(lines.count == 2 && lines.first == "anna proposal.approve", "\(lines)")
            #expect(
                audit.contains {
                    $0["action"] as? String == "proposal.receive" && $0["target"] as? String == "proposal \(id)"
                }
            )
        }
    }

    @Test("Approvals of one proposal sent at once publish one job")
    func approvesOnce() async throws {
        try await EditorSiteTests.served { setup in
            let (visitor, _) = try Self.visitor(setup)
            #expect(try visitor.propose(Self.job(setup.community, "Одна на двоих")).status == 303)
            let anna = try setup.browser("anna")
            let token = try anna.formToken()
            let fields = [("csrf", token), ("title", "Одна на двоих")]
            let answers = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<4 {
                    group.addTask { try anna.post("/editor/proposals/1/approve", fields).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(answers.sorted() == [303, 404, 404, 404], "\(answers)")
            #expect(try setup.jobs().filter { "\($0)".contains("Одна на двоих") }.count == 1)
        }
    }

    @Test("An editor rejects a proposal with a reason, kept in the list of decided ones; no reason, no rejection")
    func rejectsWithAReason() async throws {
        try await EditorSiteTests.served { setup in
            let (visitor, _) = try Self.visitor(setup)
            #expect(try visitor.propose(Self.job(setup.community, "Сомнительная вакансия")).status == 303)
            let anna = try setup.browser("anna")
            let id = try Self.firstWaiting(anna)
            let empty = try anna.post(
                "/editor/proposals/\(id)/reject",
                [("csrf", try anna.formToken()), ("reason", " ")]
            )
            #expect(empty.status == 422)
            #expect(empty.text.contains(#"<p class="error" id="field-reason-error">Заполните это поле"#))
            #expect(try anna.get("/editor/proposals").text.contains("/editor/proposals/\(id)\""))
            let rejected = try anna.post(
                "/editor/proposals/\(id)/reject",
                [("csrf", try anna.formToken()), ("reason", "Нет зарплаты и <ссылки>")]
            )
            #expect(rejected.status == 303 && rejected.headers["location"] == "/editor/proposals?done=rejected")
            let decided = try anna.get("/editor/proposals?done=rejected").text
            #expect(decided.contains("Предложение отклонено.") && decided.contains("Нет зарплаты и &lt;ссылки&gt;"))
            #expect(!decided.contains("/editor/proposals/\(id)\""))
            #expect(try !setup.jobs().contains { "\($0)".contains("Сомнительная") })
            #expect(try Self.logged(setup.node, "anna", "proposal.reject", proposal: id))
        }
    }

    @Test("A filled trap field is thanked for and dropped; each address may send five an hour")
    func trapsAndLimits() async throws {
        try await EditorSiteTests.served { setup in
            let (visitor, _) = try Self.visitor(setup)
            var trapped = Self.job(setup.community, "Спам")
            trapped.removeAll { $0.0 == ProposalFormField.trap }
            trapped.append((ProposalFormField.trap, "https://spam.example"))
            let answer = try visitor.propose(trapped)
            #expect(answer.status == 303 && answer.headers["location"] == "/propose/thanks?kind=job")
            #expect(try Self.received(setup.node) == 0)
            #expect(try !setup.browser("anna").get("/editor/proposals").text.contains("Спам"))
            for number in 1...4 {
                #expect(try visitor.propose(Self.job(setup.community, "Вакансия \(number)")).status == 303)
            }
            #expect(try Self.received(setup.node) == 4)
            let limited = try visitor.propose(Self.job(setup.community, "Шестая"))
            #expect(limited.status == 429)
            #expect(Int(limited.headers["retry-after"] ?? "") ?? 0 > 3_000)
            #expect(limited.text.contains("Слишком много предложений"))
            #expect(try Self.received(setup.node) == 4)
        }
    }

    @Test("Bad forms store nothing: problems beside their fields, too large, not a form, no community")
    func refusesBadForms() async throws {
        try await EditorSiteTests.served { setup in
            let (visitor, communities) = try Self.visitor(setup)
            let bad = try visitor.propose([
                ("community", setup.community), ("title", ""), ("salary_min", "много"),
                ("apply_url", "ftp://example.org"), (ProposalFormField.contact, String(repeating: "к", count: 201)),
            ])
            #expect(bad.status == 422)
            for (field, message) in [
                ("title", "Заполните это поле"), ("salary_min", "Введите целое число"),
                ("apply_url", "Нужна ссылка на сайт, адрес почты целиком (hr@romashka.ru) или @имя в Telegram"),
                ("proposer_contact", "Слишком длинно"),
            ] {
                #expect(bad.text.contains(#"<p class="error" id="field-\#(field)-error">\#(message)"#), "\(field)")
            }
            #expect(bad.text.contains(#"value="много""#), "values are kept")
            let long = try visitor.propose(Self.job(setup.community, String(repeating: "д", count: 400)))
            #expect(long.status == 422 && long.text.contains(#"id="field-title-error">Слишком длинно"#))
            let nobody = try visitor.propose(Self.job(String(repeating: "ab", count: 32), "Никому"))
            #expect(nobody.status == 422 && nobody.text.contains(#"id="field-community-error""#))
            let huge = try visitor.propose(
                Self.job(setup.community, "Огромная") + [("description", String(repeating: "x", count: 270_000))]
            )
            #expect(huge.status == 413)
            let notAForm = try HTTPClient.request(
                "POST",
                "\(setup.serve.api)/propose/job",
                headers: [
                    "Accept": "text/html", "Origin": setup.serve.api, "Content-Type": "application/json",
                    "Cookie": "artel_propose=\(visitor.cookie ?? "")",
                ],
                body: #"{"title": "JSON"}"#
            )
            #expect(notAForm.status == 415)
            #expect(try visitor.propose([], body: "token=%zz&title=%").status != 500)
            #expect(try Self.received(setup.node) == 0)
            #expect(communities.count == 2)
        }
    }

    @Test("A forged proposal or decision changes nothing: no cookie, another token, another origin, no csrf")
    func refusesForgeries() async throws {
        try await EditorSiteTests.served { setup in
            var visitor = ProposalVisitor(setup.serve.api)
            let fields = Self.job(setup.community, "Подделка")
            let expired = try visitor.propose(fields)
            #expect(expired.status == 403, "no cookie, no token")
            #expect(expired.text.contains("Форма устарела") && expired.text.contains(#"value="Подделка""#))
            #expect(expired.headers["set-cookie"]?.hasPrefix("artel_propose=") == true, "a fresh token to send again")
            try visitor.open()
            #expect(try visitor.propose(fields, origin: "http://evil.example").status == 403)
            #expect(try visitor.propose(fields, withToken: false).status == 403)
            #expect(
                try visitor.propose([("token", String(repeating: "0", count: 32))] + fields, withToken: false).status
                    == 403
            )
            var stranger = ProposalVisitor(setup.serve.api)
            try stranger.open()
            stranger.token = visitor.token == stranger.token ? "" : visitor.token
            #expect(try stranger.propose(fields).status == 403, "another visitor's token")
            #expect(try Self.received(setup.node) == 0)

            #expect(try visitor.propose(fields).status == 303)
            let anna = try setup.browser("anna")
            let id = try Self.firstWaiting(anna)
            #expect(try anna.post("/editor/proposals/\(id)/approve", [("title", "Подделка")]).status == 403)
            #expect(try anna.post("/editor/proposals/\(id)/reject", [("reason", "нет")]).status == 403)
            let foreign = try anna.post(
                "/editor/proposals/\(id)/approve",
                [("csrf", try anna.formToken()), ("title", "Подделка")],
                origin: "http://evil.example"
            )
            #expect(foreign.status == 403)
            #expect(try !setup.jobs().contains { "\($0)".contains("Подделка") })
            #expect(try anna.get("/editor/proposals/\(id)").status == 200, "still waiting")
        }
    }

    @Test("Signed out, the editors' proposal pages send the browser to sign in and change nothing")
    func signedOut() async throws {
        try await EditorSiteTests.served { setup in
            let (visitor, _) = try Self.visitor(setup)
            #expect(try visitor.propose(Self.job(setup.community, "Ждёт редактора")).status == 303)
            try Self.expectSignedOutSentToSignIn(setup, posting: [("title", "x"), ("reason", "x")])
            #expect(try setup.browser("anna").get("/editor/proposals/1").status == 200, "still waiting")
        }
    }

    /// Expects every editor's page of the first proposal to send a signed-out browser to sign in,
    /// the posts carrying `fields`.
    static func expectSignedOutSentToSignIn(_ setup: EditorSiteTests.Setup, posting fields: [(String, String)]) throws {
        let browser = SiteBrowser(setup.serve.api)
        for (method, path) in [
            ("GET", "/editor/proposals"), ("GET", "/editor/proposals/1"), ("POST", "/editor/proposals/1/approve"),
            ("POST", "/editor/proposals/1/reject"),
        ] {
            let answer = method == "GET" ? try browser.get(path) : try browser.post(path, fields)
            #expect(answer.status == 303, "\(method) \(path)")
            #expect(answer.headers["location"]?.hasPrefix("/signin?next=") == true, "\(method) \(path)")
        }
    }

    @Test("The queue is bounded: a full queue refuses new proposals with a message; the queue survives a restart")
    func boundsTheQueue() async throws {
        try await TestNode.with { node in
            let added = try UserCLITests.user(
                node,
                stdin: EditorSiteTests.password,
                "add anna --role editor --community tech-leaders --kinds job"
            )
            try #require(added.status == 0, "\(added.error)")
            var serve = try ServeProcess(node.artel)
            defer { serve.stop() }
            var visitor = ProposalVisitor(serve.api)
            let community = try #require(visitor.communities(try visitor.open())["Tech Leaders Moscow"])
            #expect(try visitor.propose(Self.job(community, "До перезапуска")).status == 303)
            _ = serve.stop()
            try await Self.fill(node, community: community)
            serve = try ServeProcess(node.artel)
            var anna = SiteBrowser(serve.api)
            #expect(try anna.signIn("anna", EditorSiteTests.password).status == 303)
            #expect(try anna.get("/editor/proposals").text.contains("До перезапуска"))
            visitor = ProposalVisitor(serve.api)
            try visitor.open()
            let full = try visitor.propose(Self.job(community, "Лишняя"))
            #expect(full.status == 503 && full.text.contains("Очередь заполнена"))
            #expect(try !anna.get("/editor/proposals").text.contains("Лишняя"))
        }
    }

    /// Fills the queue of a stopped node to its capacity, beside the one proposal it holds.
    static func fill(_ node: TestNode, community: String) async throws {
        let replica = try Replica.open(at: "\(node.artel.data)/artel.sqlite")
        let key = try #require(PublicKey(hex: community))
        for number in 2...Proposal.capacity {
            let queued = try await replica.queueProposal(
                .job,
                community: key,
                fields: [("community", community), ("title", "Заполнитель \(number)")],
                contact: nil,
                address: nil,
                now: 1_000
            )
            #expect(queued != nil)
        }
    }

    @Test("A proposal approved on one node reaches a partner node's board", .timeLimit(.minutes(3)))
    func approvedReachesPartners() async throws {
        try await withNetwork(2) { nodes in
            let added = try UserCLITests.user(
                nodes[0],
                stdin: EditorSiteTests.password,
                "add anna --role editor --community own --kinds job"
            )
            try #require(added.status == 0, "\(added.error)")
            let servers = try nodes.map { try ServeProcess($0.artel) }
            defer { for server in servers { server.stop() } }
            try nodes[1].expectSuccess("peer", "add", servers[0].address, try nodes[0].nodeKey())
            var visitor = ProposalVisitor(servers[0].api)
            let community = try #require(visitor.communities(try visitor.open()).values.first)
            #expect(try visitor.propose(Self.job(community, "Вакансия от посетителя")).status == 303)
            var anna = SiteBrowser(servers[0].api)
            #expect(try anna.signIn("anna", EditorSiteTests.password).status == 303)
            let approved = try anna.post(
                "/editor/proposals/1/approve",
                [("csrf", try anna.formToken()), ("title", "Вакансия от посетителя"), ("employer", "Runlab")]
            )
            #expect(approved.status == 303)
            #expect(
                try await eventually {
                    try SiteJobTests.page("\(servers[1].api)/").text.contains("Вакансия от посетителя")
                },
                "\(serveLogs(nodes))"
            )
        }
    }
}

/// The names of the proposal form's own fields, as the site writes them.
enum ProposalFormField {
    static let contact = "proposer_contact"
    static let trap = "website"
}
