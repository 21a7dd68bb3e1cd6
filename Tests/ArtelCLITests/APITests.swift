import ArtelTestKit
import Foundation
import Testing

/// The HTTP API over real HTTP against a real `artel serve` process.
@Suite("HTTP API")
struct APITests {
    /// Runs `body` with a served node holding the test community, and its API token.
    static func served(_ body: (TestNode, ServeProcess, String) async throws -> Void) async throws {
        try await TestNode.with { node in
            let serve = try ServeProcess(node.artel)
            defer { serve.stop() }
            let token = try String(contentsOfFile: "\(node.artel.data)/api.token", encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            try await body(node, serve, token)
        }
    }

    static func json(_ token: String) -> [String: String] {
        ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
    }

    @Test("artel init makes a 64-digit API token readable by its owner only")
    func tokenFile() async throws {
        try await TestNode.with(community: false) { node in
            let path = "\(node.artel.data)/api.token"
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            let token = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(
                in: .whitespacesAndNewlines
            )
            #expect(token.count == 64 && token.allSatisfy(\.isHexDigit))
        }
    }

    @Test(
        "Lists take the filters of artel list, page in a stable order, and show one record with its history",
        .timeLimit(.minutes(2))
    )
    func reads() async throws {
        try await Self.served { node, serve, _ in
            for (title, salary, tag) in [
                ("Руководитель разработки", 350_000, "go"), ("Go-разработчик", 250_000, "go"),
                ("Аналитик данных", 180_000, "data"),
            ] {
                try node.expectSuccess(
                    "job",
                    "post",
                    "--community",
                    "tech-leaders",
                    "--title",
                    title,
                    "--salary-min",
                    "\(salary)",
                    "--salary-currency",
                    "RUB",
                    "--tags",
                    tag
                )
            }
            let all = try HTTPClient.request("GET", "\(serve.api)/api/v1/jobs").object()
            #expect(all["total"] as? Int == 3)

            let search = try HTTPClient.request(
                "GET",
                "\(serve.api)/api/v1/jobs?q=%D1%80%D0%B0%D0%B7%D1%80%D0%B0%D0%B1"
            ).object()
            let titles = (search["items"] as? [[String: Any]] ?? []).compactMap {
                ($0["fields"] as? [String: Any])?["title"] as? String
            }
            #expect(Set(titles) == ["Руководитель разработки", "Go-разработчик"])

            let filtered = try HTTPClient.request("GET", "\(serve.api)/api/v1/jobs?tag=go&salary_min=300000").object()
            #expect(filtered["total"] as? Int == 1)
            let uncounted = try HTTPClient.request("GET", "\(serve.api)/api/v1/jobs?total=false&limit=2").object()
            #expect(uncounted["total"] is NSNull && (uncounted["items"] as? [Any])?.count == 2)
            #expect(uncounted["next"] as? String == "/api/v1/jobs?total=false&limit=2&offset=2")

            // Two pages of two, then one: the same three records, each once, following `next`.
            var seen: [String] = []
            var next: String? = "/api/v1/jobs?limit=2"
            while let path = next {
                let page = try HTTPClient.request("GET", serve.api + path).object()
                seen += (page["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                next = page["next"] as? String
            }
            let listed = try HTTPClient.request("GET", "\(serve.api)/api/v1/jobs").object()
            #expect(seen == (listed["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })

            let id = try #require(seen.first)
            try node.expectSuccess("job", "edit", id, "--title", "Руководитель разработки (Go)")
            let one = try HTTPClient.request("GET", "\(serve.api)/api/v1/jobs/\(id.prefix(12))").object()
            let record = try #require(one["record"] as? [String: Any])
            #expect((record["fields"] as? [String: Any])?["title"] as? String == "Руководитель разработки (Go)")
            let history = try #require(one["history"] as? [[String: Any]])
            #expect(history.count == 2)
            #expect(one["deleted"] as? Bool == false)
        }
    }

    @Test("Without the token only public records are read; with it every record is", .timeLimit(.minutes(2)))
    func publicOnlyWithoutToken() async throws {
        try await Self.served { node, serve, token in
            try node.expectSuccess("job", "post", "--community", "tech-leaders", "--title", "Открытая вакансия")
            let hidden = TestNode.createdID(
                try node.expectSuccess(
                    "job",
                    "post",
                    "--community",
                    "tech-leaders",
                    "--title",
                    "Только для партнёров",
                    "--visibility",
                    "federation"
                )
            )
            let anonymous = try HTTPClient.request("GET", "\(serve.api)/api/v1/jobs").object()
            #expect(anonymous["total"] as? Int == 1)
            #expect(try HTTPClient.request("GET", "\(serve.api)/api/v1/jobs/\(hidden)").status == 404)
            let refused = try HTTPClient.request("GET", "\(serve.api)/api/v1/jobs?visibility=federation")
            #expect(refused.status == 401)
            let authorized = ["Authorization": "Bearer \(token)"]
            let all = try HTTPClient.request("GET", "\(serve.api)/api/v1/jobs", headers: authorized).object()
            #expect(all["total"] as? Int == 2)
            #expect(
                try HTTPClient.request("GET", "\(serve.api)/api/v1/jobs/\(hidden)", headers: authorized).status == 200
            )
            let wrong = ["Authorization": "Bearer " + String(repeating: "0", count: 64)]
            #expect(
                try HTTPClient.request("GET", "\(serve.api)/api/v1/jobs", headers: wrong).object()["total"] as? Int == 1
            )
        }
    }

    @Test(
        "A reader without the token cannot tell a non-public person from a missing one",
        .timeLimit(.minutes(2))
    )
    func noExistenceLeaks() async throws {
        try await Self.served { node, serve, token in
            // UUIDv7 ids made seconds apart share their first 8 hex digits (48 bits of milliseconds),
            // unless a 65-second boundary falls between them; then the next pair does. The prefix is
            // all the pair shares: an id made before both (a first pair's) shares less with them.
            var (hidden, shown) = ("", "")
            func shared() -> Int { zip(hidden, shown).prefix { $0 == $1 }.count }
            for _ in 0..<2 where shared() < 8 || hidden.isEmpty {
                hidden = try node.addPerson("Анна Скрытная", ["--visibility", "private"])
                shown = try node.addPerson("Илья Открытый", ["--visibility", "public"])
            }
            let prefix = String(hidden.prefix(min(shared(), 31)))
            try #require(prefix.count >= 8 && shown.hasPrefix(prefix))
            let anonymous = try HTTPClient.request("GET", "\(serve.api)/api/v1/people/\(prefix)")
            #expect(anonymous.status == 200, "\(anonymous.text)")
            #expect(anonymous.text.contains(shown) && !anonymous.text.contains(hidden))
            let withToken = try HTTPClient.request(
                "GET",
                "\(serve.api)/api/v1/people/\(prefix)",
                headers: ["Authorization": "Bearer \(token)"]
            )
            #expect(withToken.status == 409, "with the token, the prefix is ambiguous")
            let unknown = "0000000000007000800000000000abcd"
            for id in [hidden, unknown] {
                let record = try HTTPClient.request("GET", "\(serve.api)/api/v1/people/\(id)")
                let filter = try HTTPClient.request("GET", "\(serve.api)/api/v1/memberships?person=\(id)")
                for response in [record, filter] {
                    #expect(response.status == 404 && response.text.contains("not_found"), "\(id): \(response.text)")
                }
            }
        }
    }

    @Test(
        "An anonymous reader of every route, stream, feed and export learns nothing of private or non-consenting people",
        .timeLimit(.minutes(3))
    )
    func anonymousWalk() async throws {
        try await Self.served { node, serve, token in
            // Anna is private and Boris withheld his profile: nothing of them may show. Gleb shows,
            // but withheld his memberships: his membership may not.
            var secrets: [String] = []
            for (name, email, options, hidden) in [
                ("Анна Скрытная", "anna@example.org", ["--visibility", "private"], true),
                (
                    "Борис Без Профиля", "boris@example.org", ["--visibility", "public", "--consent-profile", "false"],
                    true
                ),
                (
                    "Глеб Без Членства", "gleb@example.org",
                    ["--visibility", "public", "--consent-memberships", "false"], false
                ),
            ] {
                let id = try node.addPerson(name, ["--contacts", "email:\(email)"] + options)
                let membership = try node.addPublicMembership(of: id)
                secrets += (hidden ? [name, email, id] : []) + [membership]
            }
            // Ilya's membership is the last change: a stream that has sent it has sent all before it.
            let last = try node.addPublicMembership(
                of: try node.addPerson("Илья Открытый", ["--visibility", "public"])
            )
            var paths = ["/health", "/metrics"]
            for kind in ["people", "memberships", "ties", "jobs", "events", "digests", "communities"] {
                paths += ["/api/v1/\(kind)", "/api/v1/\(kind)?visibility=public", "/api/v1/\(kind)?limit=500"]
            }
            var seen = ""
            for path in paths {
                let response = try HTTPClient.request("GET", serve.api + path)
                #expect(response.status < 500, "\(path): \(response.status)")
                seen += "\n\(response.text)"
            }
            // Asked by id, a hidden record answers as an unknown id does (the answer repeats the id asked).
            for secret in secrets where secret.count == 32 && secret.allSatisfy(\.isHexDigit) {
                for path in ["/api/v1/people/", "/api/v1/memberships/", "/api/v1/memberships?person="] {
                    let response = try HTTPClient.request("GET", serve.api + path + secret)
                    #expect(response.status == 404 && response.text.contains("not_found"), "\(path)\(secret)")
                }
            }
            // The change streams, replayed from the start up to that last change.
            for path in ["/api/v1/changes?after=0", "/api/v1/changes/memberships?after=0"] {
                let stream = try HTTPClient.events(serve.api + path)
                #expect(stream.status == 200, "\(path)")
                var streamed = ""
                while !streamed.contains(last), let event = try stream.events(1).first {
                    streamed += "\n\(event.data)"
                }
                #expect(streamed.contains(last), "\(path) never sent the last change")
                seen += streamed
            }
            // The formats others read; `--format deltas` is the operator's copy for another node.
            for format in ["ics", "jsonld", "jsonfeed", "atom", "csv", "markdown"] {
                let file = "\(node.directory)/walk.\(format)"
                try node.expectSuccess("export", "--format", format, "--output", file)
                seen += try String(decoding: Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self)
            }
            for secret in secrets {
                #expect(!seen.contains(secret), "an anonymous reader learned \(secret)")
            }
            #expect(seen.contains("Илья Открытый"), "the public person is shown")
            // With the token the operator reads them all.
            let everyone = try HTTPClient.request(
                "GET",
                "\(serve.api)/api/v1/people?limit=500",
                headers: ["Authorization": "Bearer \(token)"]
            )
            #expect(everyone.text.contains("Анна Скрытная") && everyone.text.contains("Борис Без Профиля"))
        }
    }

    @Test("Writes create, edit, renew and delete records signed with the community key", .timeLimit(.minutes(2)))
    func writes() async throws {
        try await Self.served { node, serve, token in
            let body = """
                {"community": "Tech Leaders Moscow", "fields": {"title": "Backend-разработчик", "employer": "Ромашка",
                 "salary_min": 200000, "salary_currency": "RUB", "tags": ["go", "remote"],
                 "location": {"city": "Москва"}}}
                """
            let created = try HTTPClient.request(
                "POST",
                "\(serve.api)/api/v1/jobs",
                headers: Self.json(token),
                body: body
            )
            #expect(created.status == 201, "\(created.text)")
            let record = try #require(try created.object()["record"] as? [String: Any])
            let id = try #require(record["id"] as? String)
            #expect(created.headers["location"] == "/api/v1/jobs/\(id)")
            let shown = try #require(try node.json("job", "show", id) as? [String: Any])
            let fields = try #require(shown["fields"] as? [String: Any])
            #expect(fields["employer"] as? String == "Ромашка")
            #expect((fields["location"] as? [String: Any])?["city"] as? String == "Москва")

            let edit = """
                {"fields": {"title": "Senior Backend-разработчик", "salary_max": 300000}, "remove": {"tags": ["remote"]}, "clear": ["employer"]}
                """
            let edited = try HTTPClient.request(
                "PATCH",
                "\(serve.api)/api/v1/jobs/\(id)",
                headers: Self.json(token),
                body: edit
            )
            #expect(edited.status == 200, "\(edited.text)")
            let after = try #require((try edited.object()["record"] as? [String: Any])?["fields"] as? [String: Any])
            #expect(after["title"] as? String == "Senior Backend-разработчик")
            #expect(
                after["tags"] as? [String] == ["go"] && after["employer"] == nil
                    && after["salary_max"] as? Int == 300_000
            )

            let renewed = try HTTPClient.request(
                "POST",
                "\(serve.api)/api/v1/jobs/\(id)/renew",
                headers: Self.json(token)
            )
            #expect(renewed.status == 200, "\(renewed.text)")
            let renewal = try #require(try renewed.object()["delta"] as? String)
            let history = try HTTPClient.request("GET", "\(serve.api)/api/v1/jobs/\(id)").object()["history"]
            #expect((history as? [[String: Any]])?.contains { $0["id"] as? String == renewal } == true)

            let deleted = try HTTPClient.request("DELETE", "\(serve.api)/api/v1/jobs/\(id)", headers: Self.json(token))
            #expect(try deleted.status == 200 && deleted.object()["deleted"] as? Bool == true)
            #expect(try HTTPClient.request("GET", "\(serve.api)/api/v1/jobs/\(id)").status == 404)
            let again = try HTTPClient.request("DELETE", "\(serve.api)/api/v1/jobs/\(id)", headers: Self.json(token))
            #expect(again.status == 410)
            #expect(try node.run("check").status == 0)
        }
    }

    @Test(
        "Bad requests get a 4xx with a JSON error that says what is wrong, and store nothing",
        .timeLimit(.minutes(2))
    )
    func badRequests() async throws {
        try await Self.served { node, serve, token in
            let id = TestNode.createdID(
                try node.expectSuccess("job", "post", "--community", "tech-leaders", "--title", "Вакансия")
            )
            let before = try node.exported()
            let wrongToken = ["Authorization": "Bearer nope", "Content-Type": "application/json"]
            let valid = #"{"community": "Tech Leaders Moscow", "fields": {"title": "x"}}"#
            let cases: [(String, String, [String: String], String?, Int, String)] = [
                ("POST", "/api/v1/jobs", ["Content-Type": "application/json"], valid, 401, "token_required"),
                ("POST", "/api/v1/jobs", wrongToken, valid, 401, "token_required"),
                ("PATCH", "/api/v1/jobs/\(id)", [:], #"{"fields": {"title": "y"}}"#, 401, "token_required"),
                ("DELETE", "/api/v1/jobs/\(id)", [:], nil, 401, "token_required"),
                ("POST", "/api/v1/jobs", Self.json(token), "{not json", 400, "malformed_json"),
                ("POST", "/api/v1/jobs", Self.json(token), "[1, 2]", 400, "malformed_json"),
                ("POST", "/api/v1/jobs", ["Authorization": "Bearer \(token)"], valid, 415, "unsupported_media_type"),
                (
                    "POST", "/api/v1/jobs", Self.json(token),
                    #"{"community": "Tech Leaders Moscow", "fields": {"title": "x"}, "secret_key": "00"}"#, 400,
                    "unknown_member"
                ),
                (
                    "POST", "/api/v1/jobs", Self.json(token),
                    #"{"community": "Tech Leaders Moscow", "fields": {"salary": 5}}"#, 422, "unknown_field"
                ),
                (
                    "POST", "/api/v1/jobs", Self.json(token),
                    #"{"community": "Tech Leaders Moscow", "fields": {"title": 5}}"#, 422, "invalid_field"
                ),
                (
                    "POST", "/api/v1/jobs", Self.json(token),
                    #"{"community": "Tech Leaders Moscow", "fields": {"employer": "x"}}"#, 422, "required_field"
                ),
                (
                    "POST", "/api/v1/jobs", Self.json(token),
                    #"{"community": "Tech Leaders Moscow", "fields": {"title": "x", "salary_currency": "рубли"}}"#, 422,
                    "invalid_field"
                ),
                (
                    "POST", "/api/v1/jobs", Self.json(token), #"{"community": "Nobody", "fields": {"title": "x"}}"#,
                    422, "unknown_community"
                ),
                (
                    "POST", "/api/v1/jobs", Self.json(token),
                    #"{"community": "Tech Leaders Moscow", "author": "stranger", "fields": {"title": "x"}}"#, 403,
                    "unknown_author"
                ),
                (
                    "POST", "/api/v1/communities", Self.json(token), #"{"community": "x", "fields": {"name": "x"}}"#,
                    405, "create_community_locally"
                ),
                ("PATCH", "/api/v1/jobs/\(id)", Self.json(token), #"{"fields": {"tags": "go"}}"#, 422, "invalid_field"),
                ("PATCH", "/api/v1/jobs/\(id)", Self.json(token), #"{"fields": {"title": null}}"#, 422, "required"),
                (
                    "PATCH", "/api/v1/jobs/ffffffffffffffff", Self.json(token), #"{"fields": {"title": "y"}}"#, 404,
                    "not_found"
                ),
                ("PATCH", "/api/v1/jobs/xyz", Self.json(token), #"{"fields": {"title": "y"}}"#, 400, "invalid_id"),
                ("GET", "/api/v1/gigs", [:], nil, 404, "no_such_kind"),
                ("GET", "/api/v1/jobs?limit=0", [:], nil, 400, "invalid_parameter"),
                ("GET", "/api/v1/jobs?from=yesterday", [:], nil, 400, "invalid_parameter"),
                ("GET", "/api/v1/jobs?salary_min=lots", [:], nil, 400, "invalid_parameter"),
                ("GET", "/api/v1/jobs?community=abc", [:], nil, 400, "invalid_parameter"),
                ("GET", "/api/v1/events?work_mode=remote", [:], nil, 400, "invalid_input"),
                ("GET", "/api/v1/jobs?sort=title", [:], nil, 400, "invalid_parameter"),
                ("GET", "/api/v1/events?sort=salary", [:], nil, 400, "invalid_input"),
                ("GET", "/api/v1/jobs?employment=forever", [:], nil, 400, "invalid_input"),
                ("GET", "/api/v1/events?attendance=teleport", [:], nil, 400, "invalid_input"),
                ("GET", "/api/v1/jobs?attendance=online", [:], nil, 400, "invalid_input"),
                ("GET", "/api/v1/changes/jobs?sort=salary", [:], nil, 400, "unknown_parameter"),
                ("GET", "/nowhere", [:], nil, 404, "no_such_route"),
                ("PUT", "/api/v1/jobs", [:], nil, 405, "method_not_allowed"),
                ("GET", "/api/v1/nowhere/at/all/x", [:], nil, 404, "no_such_route"),
                ("GET", "/api/v1/jobs?status=opne", [:], nil, 400, "invalid_input"),
                ("GET", "/api/v1/jobs?from=2026-12-02&until=2026-12-01", [:], nil, 422, "inverted_range"),
                ("GET", "/api/v1/events?until=2026-02-30", [:], nil, 422, "invalid_date"),
                ("GET", "/api/v1/changes?tag=go", [:], nil, 400, "invalid_parameter"),
                ("GET", "/api/v1/changes/jobs?after=-1", [:], nil, 400, "invalid_parameter"),
            ]
            for (method, path, headers, body, status, code) in cases {
                let response = try HTTPClient.request(method, serve.api + path, headers: headers, body: body)
                let error = (try? response.object())?["error"] as? [String: Any]
                #expect(response.status == status, "\(method) \(path): \(response.text)")
                #expect((error?["code"] as? String)?.hasPrefix(code) == true, "\(method) \(path): \(response.text)")
                #expect((error?["message"] as? String)?.isEmpty == false, "\(method) \(path)")
                #expect(response.headers["content-type"]?.hasPrefix("application/json") == true)
            }
            #expect(try node.exported() == before, "a refused request changed the replica")
        }
    }

    @Test("Pages of a configured origin may read records and feeds from a browser, never write")
    func crossOriginReads() async throws {
        try await TestNode.with { node in
            let serve = try ServeProcess(node.artel, arguments: ["--cors-origin", "https://tech-leaders.example"])
            defer { _ = serve.stop() }
            let page = ["Origin": "https://tech-leaders.example"]
            for path in ["/api/v1/jobs", "/feeds/jobs.json", "/nowhere"] {
                let read = try HTTPClient.request("GET", serve.api + path, headers: page)
                #expect(read.headers["access-control-allow-origin"] == "https://tech-leaders.example", "\(path)")
                #expect(read.headers["vary"] == "Origin")
            }
            let stranger = try HTTPClient.request(
                "GET",
                serve.api + "/api/v1/jobs",
                headers: ["Origin": "https://x.example"]
            )
            #expect(stranger.status == 200 && stranger.headers["access-control-allow-origin"] == nil)
            var preflight = page
            preflight["Access-Control-Request-Method"] = "GET"
            let asked = try HTTPClient.request("OPTIONS", serve.api + "/feeds/jobs.atom", headers: preflight)
            #expect(asked.status == 204 && asked.headers["access-control-allow-methods"] == "GET, HEAD")
            preflight["Access-Control-Request-Method"] = "POST"
            let write = try HTTPClient.request("OPTIONS", serve.api + "/api/v1/jobs", headers: preflight)
            #expect(write.headers["access-control-allow-origin"] == nil, "a write is never offered across origins")
            let posted = try HTTPClient.request(
                "POST",
                serve.api + "/api/v1/jobs",
                headers: page.merging(["Content-Type": "application/json"]) { $1 },
                body: #"{"community": "Tech Leaders Moscow", "fields": {"title": "x"}}"#
            )
            #expect(posted.status == 401 && posted.headers["access-control-allow-origin"] == nil)
        }
        let refused = try await TestNode.with { node in try node.run("serve", "--cors-origin", "https://x.example/") }
        #expect(refused.status == 2 && refused.error.contains("--cors-origin must be a list of web origins"))
    }

    @Test("Answers of 1 KiB or more go gzipped to clients that accept it; a stored tag still gets 304")
    func compression() async throws {
        try await Self.served { node, serve, _ in
            for number in 1...12 {
                try node.expectSuccess(
                    "job",
                    "post",
                    "--community",
                    "tech-leaders",
                    "--title",
                    "Вакансия \(number) для проверки сжатия"
                )
            }
            let gzip = ["Accept-Encoding": "gzip"]
            let plain = try HTTPClient.request("GET", serve.api + "/feeds/jobs.json")
            #expect(plain.headers["content-encoding"] == nil)
            let packed = try HTTPClient.request("GET", serve.api + "/feeds/jobs.json", headers: gzip)
            #expect(
                packed.headers["content-encoding"] == "gzip"
                    && packed.headers["vary"]?.contains("Accept-Encoding") == true
            )
            #expect(packed.body.prefix(2) == [0x1f, 0x8b] && packed.body.count < plain.body.count)
            let unpacked = try node.artel.shell("curl -s --compressed '\(serve.api)/feeds/jobs.json'")
            #expect(unpacked.output == plain.text, "the gzipped feed reads back as the plain one")
            let tag = try #require(packed.headers["etag"])
            #expect(tag.hasSuffix("-gzip\"") && tag != plain.headers["etag"])
            var conditional = gzip
            conditional["If-None-Match"] = tag
            #expect(try HTTPClient.request("GET", serve.api + "/feeds/jobs.json", headers: conditional).status == 304)
            let refused = try HTTPClient.request(
                "GET",
                serve.api + "/api/v1/jobs",
                headers: ["Accept-Encoding": "gzip;q=0"]
            )
            #expect(refused.headers["content-encoding"] == nil)
            let stream = try HTTPClient.events(serve.api + "/api/v1/changes/jobs?after=0", headers: gzip)
            #expect(
                stream.headers["content-encoding"] == nil
                    && stream.headers["content-type"]?.hasPrefix("text/event-stream") == true
            )
        }
    }

    @Test("A job list shows open jobs unless a status is asked for; status=all shows every job")
    func openJobsByDefault() async throws {
        try await Self.served { node, serve, _ in
            let open = TestNode.createdID(
                try node.expectSuccess("job", "post", "--community", "tech-leaders", "--title", "Открытая")
            )
            let filled = TestNode.createdID(
                try node.expectSuccess("job", "post", "--community", "tech-leaders", "--title", "Закрытая")
            )
            try node.expectSuccess("job", "edit", filled, "--status", "filled")
            func ids(_ query: String) throws -> Set<String> {
                let page = try HTTPClient.request("GET", serve.api + "/api/v1/jobs" + query).object()
                return Set((page["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
            }
            #expect(try ids("") == [open])
            #expect(try ids("?status=all") == [open, filled])
            #expect(try ids("?status=filled") == [filled])
            #expect(try ids("?status=open") == [open])
        }
    }

    @Test("Query values are read as a browser's form sends them: + is a space")
    func formQueries() async throws {
        try await Self.served { node, serve, _ in
            try node.expectSuccess("job", "post", "--community", "tech-leaders", "--title", "Go-разработчик в команду")
            let spaced = try HTTPClient.request(
                "GET",
                serve.api + "/api/v1/jobs?q=go+%D0%BA%D0%BE%D0%BC%D0%B0%D0%BD%D0%B4"
            )
            let items = try #require(try spaced.object()["items"] as? [[String: Any]])
            #expect(items.count == 1, "\(spaced.text)")
        }
    }

    @Test("A request that is not HTTP/1.1, such as raw UTF-8 in its URL, gets the JSON error and a hint")
    func malformedRequest() async throws {
        try await Self.served { node, serve, _ in
            // curl sends the URL's bytes as they are; the test client would percent-encode them.
            let result = try node.artel.shell("curl -s -w ' %{http_code}' '\(serve.api)/api/v1/jobs?q=комьюнити'")
            #expect(result.output.hasSuffix(" 400"), "\(result.output)")
            #expect(result.output.contains(#""code":"malformed_request""#) && result.output.contains("percent-encode"))
        }
    }

    @Test(
        "The change stream sends changes as they are stored and resumes after the last event id",
        .timeLimit(.minutes(2))
    )
    func changeStreamResumes() async throws {
        try await Self.served { node, serve, _ in
            let stream = try HTTPClient.events("\(serve.api)/api/v1/changes/jobs?tag=go")
            #expect(stream.status == 200 && stream.headers["content-type"]?.hasPrefix("text/event-stream") == true)
            try node.expectSuccess(
                "job",
                "post",
                "--community",
                "tech-leaders",
                "--title",
                "Python-разработчик",
                "--tags",
                "python"
            )
            let first = TestNode.createdID(
                try node.expectSuccess(
                    "job",
                    "post",
                    "--community",
                    "tech-leaders",
                    "--title",
                    "Go-разработчик",
                    "--tags",
                    "go"
                )
            )
            let events = try stream.events(1)
            let event = try #require(events.first)
            #expect(event.name == "change")
            #expect(try event.object()["id"] as? String == first, "the python job must be filtered out")
            let lastID = try #require(event.id)

            // Disconnected: two more changes happen; a new stream from the last id gets exactly those.
            let second = TestNode.createdID(
                try node.expectSuccess(
                    "job",
                    "post",
                    "--community",
                    "tech-leaders",
                    "--title",
                    "Go-лид",
                    "--tags",
                    "go"
                )
            )
            try node.expectSuccess("job", "delete", first)
            let resumed = try HTTPClient.events(
                "\(serve.api)/api/v1/changes/jobs?tag=go",
                headers: ["Last-Event-ID": lastID]
            )
            let later = try resumed.events(2)
            #expect(try later.map { try $0.object()["id"] as? String } == [second, first])
            #expect(try later.map { try $0.object()["deleted"] as? Bool } == [false, true])
            #expect(later.compactMap { $0.id.flatMap(Int.init) }.allSatisfy { $0 > Int(lastID)! })
        }
    }

    @Test("Feeds hold only public records and answer 304 to the tag they sent", .timeLimit(.minutes(2)))
    func feeds() async throws {
        try await Self.served { node, serve, token in
            try node.expectSuccess("job", "post", "--community", "tech-leaders", "--title", "Публичная вакансия")
            try node.expectSuccess(
                "job",
                "post",
                "--community",
                "tech-leaders",
                "--title",
                "Закрытая вакансия",
                "--visibility",
                "private"
            )
            try node.expectSuccess(
                "event",
                "post",
                "--community",
                "tech-leaders",
                "--title",
                "Митап лидеров",
                "--type",
                "meetup",
                "--start",
                "2026-12-03 19:00",
                "--timezone",
                "Europe/Moscow"
            )
            try node.expectSuccess(
                "event",
                "post",
                "--community",
                "tech-leaders",
                "--title",
                "Закрытая встреча",
                "--type",
                "meetup",
                "--start",
                "2026-12-04 19:00",
                "--timezone",
                "Europe/Moscow",
                "--visibility",
                "federation"
            )
            let jobs = try HTTPClient.request(
                "GET",
                "\(serve.api)/feeds/jobs.json",
                headers: ["Authorization": "Bearer \(token)"]
            )
            #expect(jobs.status == 200 && jobs.headers["content-type"]?.hasPrefix("application/feed+json") == true)
            #expect(jobs.text.contains("Публичная вакансия") && !jobs.text.contains("Закрытая"))
            let atom = try HTTPClient.request("GET", "\(serve.api)/feeds/jobs.atom")
            #expect(atom.text.contains("Публичная вакансия") && !atom.text.contains("Закрытая"))
            let calendar = try HTTPClient.request("GET", "\(serve.api)/feeds/events.ics")
            #expect(calendar.text.contains("SUMMARY:Митап лидеров") && !calendar.text.contains("Закрытая"))

            let tag = try #require(jobs.headers["etag"])
            let unchanged = try HTTPClient.request(
                "GET",
                "\(serve.api)/feeds/jobs.json",
                headers: ["If-None-Match": tag]
            )
            #expect(unchanged.status == 304 && unchanged.body.isEmpty)
            try node.expectSuccess("job", "post", "--community", "tech-leaders", "--title", "Ещё одна вакансия")
            let changed = try HTTPClient.request("GET", "\(serve.api)/feeds/jobs.json", headers: ["If-None-Match": tag])
            #expect(changed.status == 200 && changed.headers["etag"] != tag)
        }
    }

    @Test(
        "/health reports the node and its version; /metrics, for the operator's token only, the Prometheus text with the gauges",
        .timeLimit(.minutes(2))
    )
    func healthAndMetrics() async throws {
        try await Self.served { node, serve, token in
            let health = try HTTPClient.request("GET", "\(serve.api)/health")
            #expect(health.status == 200)
            let body = try health.object()
            #expect(body["status"] as? String == "serving" && body["node"] as? String == "test-node")
            #expect(body["peers_connected"] as? Int == 0)
            let version = try node.expectSuccess("--version").trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(body["version"] as? String == version, "the version artel --version prints: \(health.text)")
            let anonymous = try HTTPClient.request("GET", "\(serve.api)/metrics")
            #expect(
                anonymous.status == 401 && anonymous.text.contains("token_required")
                    && !anonymous.text.contains("artel_")
            )
            let metrics = try HTTPClient.request(
                "GET",
                "\(serve.api)/metrics",
                headers: ["Authorization": "Bearer \(token)"]
            )
            #expect(metrics.headers["content-type"]?.hasPrefix("text/plain") == true)
            for line in [
                "artel_peers_connected 0", "artel_quarantine_deltas 0", "artel_live_records{kind=\"community\"} 1",
            ] {
                #expect(metrics.text.contains(line), "\(metrics.text)")
            }
        }
    }
}
