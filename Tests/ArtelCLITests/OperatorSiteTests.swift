import ArtelTestKit
import Foundation
import Testing

/// The operator's pages over real HTTP: who may reach them, forged forms, bad input, and every
/// change they make, checked with the command line.
@Suite("Site: operator", .timeLimit(.minutes(5)))
struct OperatorSiteTests {
    static let password = SignInSiteTests.password
    static let peerKey = "8cffba609d29fecbdec9e8fcbbd32508f49f9c2a99a6ba870124234fbd8bc7d5"

    /// A served node with `root` (operator), `anna` (editor of the test community's jobs, granted by
    /// the node, which holds the community's key), `boris` (moderator) and one configured peer.
    struct Setup {
        let node: TestNode
        let serve: ServeProcess
        let community: String
        /// anna's grant.
        let grant: String

        func browser(_ name: String, _ password: String = OperatorSiteTests.password) throws -> SiteBrowser {
            var browser = SiteBrowser(serve.api)
            let answer = try browser.signIn(name, password)
            try #require(answer.status == 303, "\(name) could not sign in: \(answer.status)")
            return browser
        }

        func peers() throws -> [[String: Any]] { try #require(try node.json("peer", "list") as? [[String: Any]]) }
        func accounts() throws -> [[String: Any]] { try UserCLITests.accounts(node) }
        func grants() throws -> [[String: Any]] {
            try #require(try node.json("grants", "tech-leaders") as? [[String: Any]])
        }

        /// What the operator's pages may change, as the command line reads it.
        func state() throws -> String {
            try [
                node.expectSuccess("peer", "list", "--json"), node.expectSuccess("user", "list", "--json"),
                node.expectSuccess("grants", "tech-leaders", "--json"), node.expectSuccess("follows", "--json"),
            ].joined(separator: "\n")
        }

        /// The audit log's lines.
        func log() throws -> String { try node.expectSuccess("user", "log") }
    }

    static func served(_ body: (Setup) async throws -> Void) async throws {
        try await TestNode.with { node in
            for arguments in [
                "add root --role operator", "add anna --role editor --community tech-leaders --kinds job",
                "add boris --role moderator",
            ] {
                let added = try UserCLITests.user(node, stdin: password, arguments)
                try #require(added.status == 0, "\(added.error)")
            }
            try node.expectSuccess("peer", "add", "127.0.0.1:1", peerKey)
            let communities = try #require(try node.json("list", "communities") as? [[String: Any]])
            let community = try #require(communities.first?["community"] as? String)
            let grants = try #require(try node.json("grants", "tech-leaders") as? [[String: Any]])
            let grant = try #require(grants.first?["id"] as? String)
            let serve = try ServeProcess(node.artel)
            defer { serve.stop() }
            try await body(Setup(node: node, serve: serve, community: community, grant: grant))
        }
    }

    /// Every route of the operator, as (method, path).
    static func routes(_ setup: Setup) -> [(String, String)] {
        let pages = ["/operator", "/operator/peers", "/operator/follows", "/operator/accounts", "/operator/grants"]
        let asks = [
            "/operator/peers/\(peerKey)/remove", "/operator/accounts/anna/passwd", "/operator/accounts/anna/remove",
            "/operator/grants/\(setup.grant)/revoke",
        ]
        let posts = [
            "/operator/backup", "/operator/peers", "/operator/peers/\(peerKey)/remove", "/operator/follows",
            "/operator/accounts", "/operator/accounts/anna/passwd", "/operator/accounts/anna/remove",
            "/operator/accounts/anna/disable", "/operator/accounts/anna/enable", "/operator/grants",
            "/operator/grants/\(setup.grant)/revoke",
        ]
        return (pages + asks).map { ("GET", $0) } + posts.map { ("POST", $0) }
    }

    /// Fields that would change something on every route that takes them.
    static func fields(_ setup: Setup, csrf: String) -> [(String, String)] {
        [
            ("csrf", csrf), ("address", "127.0.0.1:2"), ("key", String(repeating: "ab", count: 32)),
            ("community", setup.community), ("kinds", "job"), ("action", "unfollow"), ("name", "mallory"),
            ("role", "operator"), ("password", "another long password"), ("again", "another long password"),
            ("grantee", String(repeating: "cd", count: 32)), ("until", "2027-01-01"),
        ]
    }

    @Test("Signed out, every operator route sends the browser to sign in and changes nothing")
    func signedOut() async throws {
        try await Self.served { setup in
            let before = try setup.state()
            let browser = SiteBrowser(setup.serve.api)
            for (method, path) in Self.routes(setup) {
                let answer =
                    method == "GET" ? try browser.get(path) : try browser.post(path, Self.fields(setup, csrf: ""))
                #expect(answer.status == 303, "\(method) \(path)")
                let next = method == "GET" ? path : "/operator"
                #expect(answer.headers["location"] == "/signin?next=\(next)", "\(method) \(path)")
            }
            #expect(try setup.state() == before)
        }
    }

    @Test("An editor and a moderator get 403 on every operator route, and change nothing")
    func otherRolesRefused() async throws {
        try await Self.served { setup in
            let before = try setup.state()
            for name in ["anna", "boris"] {
                let browser = try setup.browser(name)
                let token = try browser.formToken()
                #expect(try !browser.get("/").text.contains(#"href="/operator""#), "\(name) sees no operator link")
                for (method, path) in Self.routes(setup) {
                    let answer =
                        method == "GET"
                        ? try browser.get(path) : try browser.post(path, Self.fields(setup, csrf: token))
                    #expect(answer.status == 403, "\(name): \(method) \(path) → \(answer.status)")
                    #expect(answer.text.contains("Нет доступа"), "\(name): \(method) \(path)")
                }
            }
            #expect(try setup.state() == before)
        }
    }

    @Test("A forged form (wrong token, or from another origin) changes nothing on any operator route")
    func forgedForms() async throws {
        try await Self.served { setup in
            let before = try setup.state()
            let root = try setup.browser("root")
            let token = try root.formToken()
            for (method, path) in Self.routes(setup) where method == "POST" {
                let wrong = try root.post(path, Self.fields(setup, csrf: String(repeating: "0", count: 32)))
                #expect(wrong.status == 403 && wrong.text.contains("Форма отклонена"), "\(path) → \(wrong.status)")
                let foreign = try root.post(path, Self.fields(setup, csrf: token), origin: "http://evil.example")
                #expect(
                    foreign.status == 403 && foreign.text.contains("Форма отклонена"),
                    "\(path) → \(foreign.status)"
                )
            }
            #expect(try setup.state() == before)
            #expect(try root.isSignedIn(as: "root"))
        }
    }

    @Test("The operator signs in to the dashboard: the node's health and the header's link")
    func dashboard() async throws {
        try await Self.served { setup in
            var root = SiteBrowser(setup.serve.api)
            #expect(try root.signIn("root", Self.password).headers["location"] == "/operator")
            let page = try root.get("/operator")
            #expect(page.status == 200)
            let key = try setup.node.nodeKey()
            for text in [key, "работает", "0.2.0", #"href="/operator/peers""#, #"action="/operator/backup""#] {
                #expect(page.text.contains(text), "\(text)")
            }
            let size = try #require(page.text.range(of: #"<dd>\d+,\d\x{00A0}МБ</dd>"#, options: .regularExpression))
            #expect(!page.text[size].isEmpty, "the replica's size in megabytes, as Russian writes a tenth")
            #expect(try root.get("/").text.contains(#"<a href="/operator">Управление узлом</a>"#))
        }
    }

    @Test("Adding a peer checks its address and key as `artel peer add` does; removing asks first")
    func peers() async throws {
        try await Self.served { setup in
            let root = try setup.browser("root")
            let token = try root.formToken()
            let before = try setup.state()
            let own = try setup.node.nodeKey()
            for (address, key, field, message) in [
                ("127.0.0.1:7400", "xyz", "key", "Ключ узла — 64 шестнадцатеричные цифры"),
                ("", Self.peerKey, "address", "Нужен адрес вида хост:порт"),
                ("127.0.0.1:99999", Self.peerKey, "address", "Нужен адрес вида хост:порт"),
                ("127.0.0.1:7400", own, "key", "Это ключ самого этого узла"),
            ] {
                let answer = try root.post("/operator/peers", [("csrf", token), ("address", address), ("key", key)])
                #expect(answer.status == 422, "\(address) \(key)")
                #expect(answer.text.contains(#"<p class="error" id="field-\#(field)-error">\#(message)"#), "\(field)")
                #expect(answer.text.contains("value=\"\(address)\""), "the address typed is kept")
            }
            #expect(try setup.state() == before)

            let other = String(repeating: "ab", count: 32)
            let added = try root.post(
                "/operator/peers",
                [("csrf", token), ("address", " 127.0.0.1:7402 "), ("key", other.uppercased())]
            )
            #expect(added.status == 303 && added.headers["location"] == "/operator/peers?done=peerAdded")
            let peer = try #require(try setup.peers().first { $0["key"] as? String == other })
            #expect(peer["address"] as? String == "127.0.0.1:7402" && peer["configured"] as? Bool == true)
            let page = try root.get("/operator/peers?done=peerAdded").text
            #expect(page.contains("127.0.0.1:7402") && page.contains("Пир добавлен"))

            let ask = try root.get("/operator/peers/\(other)/remove")
            #expect(ask.status == 200 && ask.text.contains("Удалить пира?"))
            #expect(try setup.peers().contains { $0["key"] as? String == other }, "asking removes nothing")
            let removed = try root.post("/operator/peers/\(other)/remove", [("csrf", token)])
            #expect(removed.status == 303)
            #expect(try !setup.peers().contains { $0["key"] as? String == other })
            #expect(try root.get("/operator/peers/\(other)/remove").status == 404)
            let log = try setup.log()
            #expect(
                log.contains("root  peer.add  \(other) 127.0.0.1:7402") && log.contains("root  peer.remove  \(other)")
            )
        }
    }

    @Test("Follows change as `artel follow` and `artel unfollow` change them; a bad community changes nothing")
    func follows() async throws {
        try await Self.served { setup in
            let root = try setup.browser("root")
            let token = try root.formToken()
            let before = try setup.state()
            let bad = try root.post(
                "/operator/follows",
                [("csrf", token), ("community", "nothing"), ("kinds", "job"), ("action", "follow")]
            )
            #expect(bad.status == 422 && bad.text.contains("Выберите сообщество из списка"))
            let badKind = try root.post(
                "/operator/follows",
                [("csrf", token), ("community", setup.community), ("kinds", "spaceship"), ("action", "follow")]
            )
            #expect(badKind.status == 422 && badKind.text.contains(#"id="field-kinds-error">Выберите виды из списка"#))
            #expect(try setup.state() == before)
            let unfollowed = try root.post(
                "/operator/follows",
                [("csrf", token), ("community", setup.community), ("kinds", "event"), ("action", "unfollow")]
            )
            #expect(unfollowed.status == 303)
            let follows = try #require(try setup.node.json("follows") as? [[String: Any]])
            let entry = try #require(follows.first { $0["community"] as? String == setup.community })
            #expect((entry["kinds"] as? [String])?.contains("event") == false)
            #expect((entry["kinds"] as? [String])?.contains("job") == true)
            #expect(try setup.log().contains("root  unfollow  \(setup.community) event"))
        }
    }

    @Test("Grants: bad dates, keys and kinds get messages and change nothing; one issued, then revoked")
    func grants() async throws {
        try await Self.served { setup in
            let root = try setup.browser("root")
            let token = try root.formToken()
            let before = try setup.state()
            let grantee = String(repeating: "cd", count: 32)
            for (fields, field, message) in [
                (
                    [("grantee", grantee), ("kinds", "job"), ("until", "скоро")], "until",
                    "Введите дату в виде ГГГГ-ММ-ДД"
                ),
                (
                    [("grantee", grantee), ("kinds", "job"), ("from", "2027-02-30"), ("until", "2027-03-01")], "from",
                    "Введите дату в виде ГГГГ-ММ-ДД"
                ),
                (
                    [("grantee", grantee), ("kinds", "job"), ("from", "2027-03-01"), ("until", "2027-02-01")], "until",
                    "Конец раньше начала"
                ),
                (
                    [("grantee", grantee), ("kinds", "job"), ("from", "2027-01-01"), ("until", "2028-06-01")], "until",
                    "Грант длится не больше года"
                ),
                ([("grantee", "nobody"), ("kinds", "job"), ("until", "2027-06-01")], "grantee", "Нужны 64"),
                (
                    [("grantee", grantee), ("kinds", "grant"), ("until", "2027-06-01")], "kinds",
                    "Выберите хотя бы один вид"
                ),
                ([("grantee", grantee), ("until", "2027-06-01")], "kinds", "Выберите хотя бы один вид"),
            ] {
                let answer = try root.post(
                    "/operator/grants",
                    [("csrf", token), ("community", setup.community)] + fields
                )
                #expect(answer.status == 422, "\(fields)")
                #expect(answer.text.contains(#"<p class="error" id="field-\#(field)-error">\#(message)"#), "\(fields)")
            }
            #expect(try setup.state() == before)

            let issued = try root.post(
                "/operator/grants",
                [
                    ("csrf", token), ("community", setup.community), ("grantee", grantee), ("kinds", "job"),
                    ("kinds", "event"), ("from", "2027-01-01"), ("until", "2027-06-01"),
                ]
            )
            #expect(issued.status == 303)
            let grant = try #require(try setup.grants().first { $0["grantee"] as? String == grantee })
            #expect(grant["kinds"] as? [String] == ["event", "job"])
            #expect(grant["valid_from"] as? String == "2027-01-01T00:00:00Z")
            #expect((grant["valid_until"] as? String)?.hasPrefix("2027-06-01T23:59:59") == true)
            let id = try #require(grant["id"] as? String)
            #expect(try root.get("/operator/grants/\(id)/revoke").text.contains("Отозвать грант?"))
            #expect(try root.post("/operator/grants/\(id)/revoke", [("csrf", token)]).status == 303)
            let revoked = try #require(try setup.grants().first { $0["id"] as? String == id })
            #expect((revoked["standing"] as? String)?.hasPrefix("revoked from") == true)
            let log = try setup.log()
            #expect(log.contains("root  grant  \(id)") && log.contains("root  revoke  \(id)"))
        }
    }

    @Test("Accounts: the rules of `artel user add`; a made-up password is shown once and signs in")
    func accounts() async throws {
        try await Self.served { setup in
            let root = try setup.browser("root")
            let token = try root.formToken()
            let before = try setup.state()
            for (fields, field, message) in [
                ([("name", ".hidden"), ("role", "moderator")], "name", "Только латинские буквы"),
                ([("name", "Anna"), ("role", "moderator")], "name", "Это имя уже занято"),
                ([("name", "vera"), ("role", "boss")], "role", "Выберите роль из списка"),
                (
                    [("name", "vera"), ("role", "editor"), ("kinds", "job")], "communities",
                    "Выберите хотя бы одно сообщество"
                ),
                (
                    [("name", "vera"), ("role", "editor"), ("communities", setup.community)], "kinds",
                    "Выберите хотя бы один вид"
                ),
                (
                    [("name", "vera"), ("role", "moderator"), ("communities", setup.community)], "communities",
                    "Сообщества и виды задаются только редактору"
                ),
                (
                    [("name", "vera"), ("role", "moderator"), ("password", "short"), ("again", "short")], "password",
                    "Слишком простой"
                ),
                (
                    [
                        ("name", "vera"), ("role", "moderator"), ("password", "long enough one"),
                        ("again", "long enough two"),
                    ],
                    "again", "Пароли не совпадают"
                ),
            ] {
                let answer = try root.post("/operator/accounts", [("csrf", token)] + fields)
                #expect(answer.status == 422, "\(fields)")
                #expect(answer.text.contains(#"<p class="error" id="field-\#(field)-error">\#(message)"#), "\(fields)")
            }
            #expect(try setup.state() == before)

            let added = try root.post(
                "/operator/accounts",
                [
                    ("csrf", token), ("name", "vera"), ("role", "editor"), ("communities", setup.community),
                    ("kinds", "job"), ("kinds", "event"),
                ]
            )
            #expect(added.status == 200 && added.text.contains("Учётная запись добавлена"))
            let range = try #require(
                added.text.range(of: #"id="made-password">[A-Za-z0-9]+<"#, options: .regularExpression)
            )
            let made = String(added.text[range].dropFirst(#"id="made-password">"#.count).dropLast())
            #expect(try !root.get("/operator/accounts").text.contains(made), "shown once")
            let vera = try #require(try setup.accounts().first { $0["name"] as? String == "vera" })
            #expect(vera["role"] as? String == "editor" && vera["author_key"] as? String == "user-vera")
            #expect(
                try setup.grants().contains { ($0["kinds"] as? [String]) == ["event", "job"] },
                "the node granted it"
            )
            var veraBrowser = try setup.browser("vera", made)
            #expect(try veraBrowser.isSignedIn(as: "vera"))

            let typed = try root.post(
                "/operator/accounts",
                [
                    ("csrf", token), ("name", "gleb"), ("role", "moderator"), ("password", "a typed password"),
                    ("again", "a typed password"),
                ]
            )
            #expect(typed.status == 200 && !typed.text.contains("made-password"))
            #expect(try setup.browser("gleb", "a typed password").isSignedIn(as: "gleb"))

            #expect(try root.post("/operator/accounts/vera/disable", [("csrf", token)]).status == 303)
            #expect(try !veraBrowser.isSignedIn(as: "vera"), "disabling ends the sessions")
            #expect(try veraBrowser.signIn("vera", made).status == 403)
            #expect(try root.post("/operator/accounts/vera/enable", [("csrf", token)]).status == 303)
            #expect(try veraBrowser.signIn("vera", made).status == 303)

            let mismatch = try root.post(
                "/operator/accounts/vera/passwd",
                [("csrf", token), ("password", "the newest password"), ("again", "another")]
            )
            #expect(mismatch.status == 422 && mismatch.text.contains("Пароли не совпадают"))
            #expect(try veraBrowser.isSignedIn(as: "vera"))
            let changed = try root.post(
                "/operator/accounts/vera/passwd",
                [("csrf", token), ("password", "the newest password"), ("again", "the newest password")]
            )
            #expect(changed.status == 303)
            #expect(try !veraBrowser.isSignedIn(as: "vera"), "a new password ends the sessions")
            #expect(try setup.browser("vera", "the newest password").isSignedIn(as: "vera"))

            #expect(try root.get("/operator/accounts/vera/remove").text.contains("Удалить учётную запись?"))
            #expect(try root.post("/operator/accounts/vera/remove", [("csrf", token)]).status == 303)
            #expect(try !setup.accounts().contains { $0["name"] as? String == "vera" })
            #expect(try root.get("/operator/accounts/nobody/passwd").status == 404)

            for action in ["disable", "remove"] {
                #expect(try root.post("/operator/accounts/root/\(action)", [("csrf", token)]).status == 403)
            }
            #expect(try root.isSignedIn(as: "root"))
            let log = try setup.log()
            for action in [
                "user.add  vera", "user.add  gleb", "user.disable  vera", "user.enable  vera", "user.passwd  vera",
                "user.remove  vera",
            ] {
                #expect(log.contains("root  \(action)"), "\(action)")
            }
        }
    }

    @Test("The backup downloaded is an SQLite replica that `artel restore` takes back, with no key in it")
    func backup() async throws {
        try await Self.served { setup in
            let root = try setup.browser("root")
            try setup.node.expectSuccess("job", "post", "--community", "tech-leaders", "--title", "До копии")
            let answer = try root.post("/operator/backup", [("csrf", try root.formToken())])
            #expect(answer.status == 200)
            #expect(answer.headers["content-type"] == "application/vnd.sqlite3")
            #expect(answer.headers["content-disposition"]?.hasPrefix("attachment; filename=\"artel-") == true)
            #expect(answer.body.starts(with: Array("SQLite format 3\0".utf8)))
            let file = "\(setup.node.directory)/downloaded.sqlite"
            try Data(answer.body).write(to: URL(fileURLWithPath: file))
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: setup.node.artel.data)
            #expect(!leftovers.contains { $0.hasPrefix("backup-") }, "the copy is not left in the data directory")
            #expect(try setup.log().contains("root  backup.download"))
            #expect(setup.serve.stop() == 0)
            try setup.node.expectSuccess("job", "post", "--community", "tech-leaders", "--title", "После копии")
            try setup.node.expectSuccess("restore", file)
            let jobs = try setup.node.expectSuccess("list", "jobs")
            #expect(jobs.contains("До копии") && !jobs.contains("После копии"))
            #expect(try setup.node.run("check").status == 0)
            #expect(try setup.accounts().count == 3)
        }
    }

    @Test("A peer added on the site is dialed without a restart, shows as connected, and both nodes count the bytes")
    func addedPeerConnects() async throws {
        try await withNetwork(2) { nodes in
            let added = try UserCLITests.user(nodes[0], stdin: Self.password, "add root --role operator")
            try #require(added.status == 0, "\(added.error)")
            let servers = try nodes.map { try ServeProcess($0.artel) }
            defer { for server in servers { server.stop() } }
            var root = SiteBrowser(servers[0].api)
            try #require(try root.signIn("root", Self.password).status == 303)
            let other = try nodes[1].nodeKey()
            let answer = try root.post(
                "/operator/peers",
                [("csrf", try root.formToken()), ("address", servers[1].address), ("key", other)]
            )
            #expect(answer.status == 303)
            #expect(
                try await eventually {
                    let page = try root.get("/operator/peers").text
                    return page.contains(other) && page.contains("<dd>да</dd>")
                },
                "\(serveLogs(nodes))"
            )
            #expect(try await eventually { try nodes[0].expectSuccess("list", "communities").contains("Сообщество 1") })
            let keys = [try nodes[0].nodeKey(), other]
            for (index, node) in nodes.enumerated() {
                #expect(
                    try await eventually { try Self.countsBytes(node, with: keys[1 - index]) },
                    "node \(index) has not counted bytes with its peer: \(serveLogs(nodes))"
                )
            }
            let page = try root.get("/operator/peers").text
            #expect(page.contains("<dt>Трафик</dt><dd>получено ") && !page.contains("получено 0 Б"), "\(page)")
        }
    }

    /// Whether a node's `artel peer list` has bytes both ways with a peer.
    static func countsBytes(_ node: TestNode, with peer: String) throws -> Bool {
        let peers = try #require(try node.json("peer", "list") as? [[String: Any]])
        guard let record = peers.first(where: { $0["key"] as? String == peer }) else { return false }
        return (record["bytes_in"] as? Int ?? 0) > 0 && (record["bytes_out"] as? Int ?? 0) > 0
    }
}
