import ArtelNode
import ArtelStore
import ArtelTestKit
import Foundation
import Hummingbird
import Prometheus
import Testing

@testable import ArtelAPI

/// Every route of the site that needs an account, tried over real HTTP signed out and as each role:
/// refused unless the role may use it, and a form of the role that may, without its token, changes
/// nothing. The list is checked against the routes the server's router registers.
@Suite("Site: who may reach what", .timeLimit(.minutes(5)))
struct SiteAccessMatrixTests {
    enum Role: String, CaseIterable {
        case editor, moderator, `operator`

        /// The account of the role on ``served(_:)``'s node.
        var account: String { ["editor": "anna", "moderator": "boris", "operator": "root"][rawValue]! }
        /// Where an account of the role lands after signing in.
        var home: String { ["editor": "/editor", "moderator": "/moderation", "operator": "/operator"][rawValue]! }
    }

    /// Every route that is not public, as the router names it, with the roles that may use it.
    static let routes: [(method: String, path: String, allowed: Set<Role>)] = {
        let editor: [(String, String)] =
            [
                ("GET", "/editor"), ("GET", "/editor/import"), ("POST", "/editor/import"),
                ("POST", "/editor/import/commit"), ("GET", "/editor/proposals"), ("GET", "/editor/proposals/{id}"),
                ("POST", "/editor/proposals/{id}/approve"), ("POST", "/editor/proposals/{id}/reject"),
            ]
            + both(["/editor/jobs/new", "/editor/events/new", "/editor/digests/new"])
            + both(["edit", "close", "renew", "delete"].map { "/editor/jobs/{id}/\($0)" })
            + both(["edit", "cancel", "delete"].map { "/editor/events/{id}/\($0)" })
        let moderation: [(String, String)] =
            ["/moderation", "/moderation/quarantine", "/moderation/refusals", "/moderation/records/{id}"].map {
                ("GET", $0)
            } + both(["block", "unblock", "hide", "unhide"].map { "/moderation/\($0)" })
        let operation: [(String, String)] =
            [
                ("GET", "/operator"), ("POST", "/operator/backup"), ("POST", "/operator/accounts/{name}/disable"),
                ("POST", "/operator/accounts/{name}/enable"),
            ]
            + both([
                "/operator/peers", "/operator/peers/{key}/remove", "/operator/follows", "/operator/accounts",
                "/operator/accounts/{name}/passwd", "/operator/accounts/{name}/remove", "/operator/grants",
                "/operator/grants/{id}/revoke",
            ])
        return editor.map { ($0.0, $0.1, [.editor]) } + moderation.map { ($0.0, $0.1, [.moderator, .operator]) }
            + operation.map { ($0.0, $0.1, [.operator]) }
    }()

    /// A GET and a POST of each path.
    private static func both(_ paths: [String]) -> [(String, String)] {
        paths.flatMap { [("GET", $0), ("POST", $0)] }
    }

    /// A served node with an account of each role: `anna` edits the test community's jobs, events and
    /// digests, `boris` moderates, `root` operates; a job and an event of the community posted at the
    /// command line, a visitor's proposal, a configured peer and anna's grant.
    struct Setup {
        let node: TestNode
        let serve: ServeProcess
        let community: String
        /// The path of each route of ``routes`` with the stored records' ids in it.
        let paths: [String: String]

        /// What any route may change, as the command line reads it, with the audit log's actions
        /// besides signing in.
        func state() throws -> String {
            let log = try #require(try node.json("user", "log") as? [[String: Any]])
            let actions = log.compactMap { $0["action"] as? String }.filter { !$0.hasPrefix("signin") }
            return try [
                node.expectSuccess("list", "jobs", "--status", "all", "--json"),
                node.expectSuccess("list", "events", "--from", "2000-01-01", "--until", "2100-01-01", "--json"),
                node.expectSuccess("list", "digests", "--json"), node.expectSuccess("user", "list", "--json"),
                node.expectSuccess("peer", "list", "--json"), node.expectSuccess("grants", "tech-leaders", "--json"),
                node.expectSuccess("follows", "--json"), node.expectSuccess("blocks", "--json"),
            ].joined(separator: "\n") + "\n" + actions.joined(separator: " ")
        }

        /// Fields that would change something on every route that takes them, with `csrf`.
        func fields(csrf: String) -> [(String, String)] {
            [
                ("csrf", csrf), ("community", community), ("title", "Чужая запись"), ("employer", "Runlab"),
                ("start", "2099-04-01T19:00"), ("timezone", "Europe/Moscow"), ("from", "2000-01-01"),
                ("until", "2099-01-01"), ("target", "community"), ("key", community), ("id", paths["job"] ?? ""),
                ("reason", "спам"), ("address", "127.0.0.1:2"), ("kinds", "job"), ("action", "unfollow"),
                ("name", "mallory"), ("role", "operator"), ("password", "another long password"),
                ("again", "another long password"), ("grantee", String(repeating: "cd", count: 32)),
            ]
        }
    }

    static func served(_ body: (Setup) async throws -> Void) async throws {
        try await TestNode.with { node in
            for arguments in [
                "add anna --role editor --community tech-leaders --kinds job --kinds event --kinds digest",
                "add boris --role moderator", "add root --role operator",
            ] {
                let added = try UserCLITests.user(node, stdin: SignInSiteTests.password, arguments)
                try #require(added.status == 0, "\(added.error)")
            }
            try node.expectSuccess("peer", "add", "127.0.0.1:1", OperatorSiteTests.peerKey)
            let job = try SiteJobTests.post(node, "Вакансия из консоли")
            let event = TestNode.createdID(
                try node.expectSuccess(
                    "event",
                    "post",
                    "--community",
                    "tech-leaders",
                    "--title",
                    "Событие из консоли",
                    "--start",
                    "2099-03-01 19:00",
                    "--timezone",
                    "Europe/Moscow"
                )
            )
            let communities = try #require(try node.json("list", "communities") as? [[String: Any]])
            let community = try #require(communities.first?["community"] as? String)
            let grants = try #require(try node.json("grants", "tech-leaders") as? [[String: Any]])
            let grant = try #require(grants.first?["id"] as? String)
            let serve = try ServeProcess(node.artel)
            defer { serve.stop() }

            var visitor = ProposalVisitor(serve.api)
            try visitor.open()
            let proposed = try visitor.propose(ProposalSiteTests.job(community, "Предложенная вакансия"))
            try #require(proposed.status == 303, "\(proposed.text)")
            let queue = try SiteBrowser.signedIn(serve.api, "anna").get("/editor/proposals").text
            let found = try #require(queue.range(of: #"/editor/proposals/[0-9]+"#, options: .regularExpression))
            let proposal = String(queue[found].split(separator: "/").last!)

            var paths: [String: String] = ["job": job]
            for route in routes {
                var path = route.path.replacingOccurrences(of: "{name}", with: "anna")
                    .replacingOccurrences(of: "{key}", with: OperatorSiteTests.peerKey)
                let id =
                    path.hasPrefix("/editor/events")
                    ? event
                    : path.hasPrefix("/editor/proposals") ? proposal : path.hasPrefix("/operator/grants") ? grant : job
                path = path.replacingOccurrences(of: "{id}", with: id)
                paths[route.path] = path
            }
            try await body(Setup(node: node, serve: serve, community: community, paths: paths))
        }
    }

    /// The query a GET of a confirming page needs to name what it asks about.
    static func query(_ path: String, _ setup: Setup) -> String {
        let job = setup.paths["job"] ?? ""
        return [
            "/moderation/block": "?target=community&key=\(setup.community)",
            "/moderation/unblock": "?key=\(setup.community)", "/moderation/hide": "?id=\(job)",
            "/moderation/unhide": "?id=\(job)",
        ][path] ?? ""
    }

    /// Posts the form of `route` as its page would, but without the form's token; the upload of a
    /// file to import as a browser sends one.
    static func postWithoutToken(
        _ browser: SiteBrowser,
        _ route: String,
        _ path: String,
        _ setup: Setup
    ) throws -> HTTPClient.Response {
        let fields = setup.fields(csrf: "").filter { $0.0 != "csrf" }
        guard route == "/editor/import" else { return try browser.post(path, fields) }
        let file =
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Чужое\r\nDTSTART:20990401T190000Z\r\n"
            + "END:VEVENT\r\nEND:VCALENDAR\r\n"
        return try browser.upload(
            path,
            [("format", "ics"), ("community", setup.community)],
            files: [SiteBrowser.UploadedFile(field: "file", name: "x.ics", text: file)]
        )
    }

    @Test("Every route that needs an account: signed out → sign in; other roles → 403; its roles → the page")
    func matrix() async throws {
        try await Self.served { setup in
            let before = try setup.state()
            let signedOut = SiteBrowser(setup.serve.api)
            for route in Self.routes {
                let path = try #require(setup.paths[route.path])
                let label = "signed out: \(route.method) \(path)"
                if route.method == "GET" {
                    let answer = try signedOut.get(path)
                    #expect(answer.status == 303 && answer.headers["location"] == "/signin?next=\(path)", "\(label)")
                } else {
                    let answer = try signedOut.post(path, setup.fields(csrf: ""))
                    #expect(answer.status == 303, "\(label) → \(answer.status)")
                    #expect(answer.headers["location"]?.hasPrefix("/signin?next=/") == true, "\(label)")
                }
            }
            #expect(try setup.state() == before, "signed out, nothing changed")

            for role in Role.allCases {
                let browser = try SiteBrowser.signedIn(setup.serve.api, role.account)
                let token = try browser.formToken()
                for route in Self.routes {
                    let path = try #require(setup.paths[route.path])
                    let label = "\(role.account) (\(role.rawValue)): \(route.method) \(path)"
                    switch (route.method, route.allowed.contains(role)) {
                    case ("GET", true):
                        let answer = try browser.get(path + Self.query(route.path, setup))
                        // Nothing is blocked, so there is nothing to unblock.
                        let expected = route.path == "/moderation/unblock" ? 404 : 200
                        #expect(answer.status == expected, "\(label) → \(answer.status)")
                    case ("GET", false):
                        #expect(try browser.get(path).status == 403, "\(label)")
                    case (_, true):
                        let answer = try Self.postWithoutToken(browser, route.path, path, setup)
                        #expect(answer.status == 403, "\(label) → \(answer.status)")
                        #expect(answer.headers["location"] == nil, "\(label)")
                    case (_, false):
                        let answer = try browser.post(path, setup.fields(csrf: token))
                        #expect(answer.status == 403, "\(label) → \(answer.status)")
                    }
                }
                #expect(try setup.state() == before, "\(role.account): nothing changed")
            }
        }
    }

    @Test("After signing in, each role lands on its own home, unless a page of the site asked for it")
    func landsHome() async throws {
        try await Self.served { setup in
            for role in Role.allCases {
                var browser = SiteBrowser(setup.serve.api)
                let home = try browser.signIn(role.account, SignInSiteTests.password)
                #expect(home.status == 303 && home.headers["location"] == role.home, "\(role.account)")
                #expect(try browser.get(role.home).status == 200, "\(role.account) may see \(role.home)")
                for (next, landing) in [("/events", "/events"), ("//evil.example/", role.home)] {
                    let answer = try browser.post(
                        "/signin",
                        [("name", role.account), ("password", SignInSiteTests.password), ("next", next)]
                    )
                    #expect(answer.headers["location"] == landing, "\(role.account), next=\(next)")
                }
            }
        }
    }

    @Test("The list above names every route under /editor, /moderation and /operator the router registers")
    func listIsComplete() async throws {
        try await TestFiles.withTemporaryDirectory { directory in
            let (data, key, replica) = try DataDirectory.initialize(at: "\(directory)/node", nodeName: "routes")
            let context = APIContext(
                directory: data,
                replica: replica,
                hub: Hub(maximumConnections: 1, nodeKey: key.publicKey),
                token: "",
                registry: PrometheusCollectorRegistry()
            )
            // As "GET /editor/jobs/{id}/edit"; HEAD answers wherever GET does.
            let registered = APIServer.router(context).routes.map { "\($0)" }.filter { route in
                ["GET", "POST"].contains { method in
                    ["/editor", "/moderation", "/operator"].contains { route.hasPrefix("\(method) \($0)") }
                }
            }
            let listed = Self.routes.map { "\($0.method) \($0.path)" }
            #expect(Set(registered).subtracting(listed).isEmpty, "not listed: \(Set(registered).subtracting(listed))")
            #expect(
                Set(listed).subtracting(registered).isEmpty,
                "not registered: \(Set(listed).subtracting(registered))"
            )
            #expect(listed.count == Set(listed).count, "each route is listed once")
        }
    }
}
