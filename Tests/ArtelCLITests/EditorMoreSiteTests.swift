import ArtelTestKit
import Foundation
import Testing

/// The editor's events, job renewals and digests over real HTTP, on the accounts of
/// ``EditorSiteTests/served(_:)``, with `dina` who may publish the test community's digests.
@Suite("Site: editor's events, renewals and digests")
struct EditorMoreSiteTests {
    typealias Setup = EditorSiteTests.Setup
    static let password = EditorSiteTests.password

    /// A served node as ``EditorSiteTests/served(_:)`` makes it, with `dina`, an editor of the
    /// test community's digests, and an event of the test community posted at the command line.
    static func served(_ body: (Setup, _ event: String) async throws -> Void) async throws {
        try await EditorSiteTests.served { setup in
            let added = try UserCLITests.user(
                setup.node,
                stdin: password,
                "add dina --role editor --community tech-leaders --kinds digest"
            )
            try #require(added.status == 0, "\(added.error)")
            let posted = try setup.node.artel.run([
                "event", "post", "--community", "tech-leaders", "--title", "Событие из консоли", "--start",
                "2099-03-01 19:00", "--timezone", "Europe/Moscow",
            ])
            try #require(posted.status == 0, "\(posted.error)")
            try await body(setup, TestNode.createdID(posted.output))
        }
    }

    /// Every route of this file, as (method, path).
    static func routes(job: String, event: String) -> [(String, String)] {
        [
            ("GET", "/editor/events/new"), ("POST", "/editor/events/new"), ("GET", "/editor/jobs/\(job)/renew"),
            ("POST", "/editor/jobs/\(job)/renew"), ("GET", "/editor/digests/new"), ("POST", "/editor/digests/new"),
        ]
            + ["edit", "cancel", "delete"].flatMap {
                [("GET", "/editor/events/\(event)/\($0)"), ("POST", "/editor/events/\(event)/\($0)")]
            }
    }

    static func events(_ setup: Setup) throws -> [[String: Any]] {
        try #require(
            try setup.node.json("list", "events", "--from", "2000-01-01", "--until", "2100-01-01") as? [[String: Any]]
        )
    }

    static func digests(_ setup: Setup) throws -> [[String: Any]] {
        try #require(try setup.node.json("list", "digests") as? [[String: Any]])
    }

    /// The deltas of a record, as `artel log` prints them.
    static func log(_ setup: Setup, _ id: String) throws -> String { try setup.node.expectSuccess("log", id) }

    /// What the audit log holds for a record: `account action`, newest first.
    static func audit(_ setup: Setup, _ id: String) throws -> [String] {
        let audit = try #require(try setup.node.json("user", "log") as? [[String: Any]])
        return audit.filter { $0["target"] as? String == id }.map { "\($0["account"]!) \($0["action"]!)" }
    }

    /// Everything the routes may change: events, digests and the job's deltas.
    static func state(_ setup: Setup) throws -> String {
        "\(try events(setup).count) \(try digests(setup).count) \(try log(setup, setup.job))"
    }

    @Test("Signed out, every route sends the browser to sign in and changes nothing", .timeLimit(.minutes(2)))
    func signedOut() async throws {
        try await Self.served { setup, event in
            let before = try Self.state(setup)
            let browser = SiteBrowser(setup.serve.api)
            for (method, path) in Self.routes(job: setup.job, event: event) {
                let answer =
                    method == "GET"
                    ? try browser.get(path)
                    : try browser.post(path, [("title", "Чужое"), ("community", setup.community), ("step", "publish")])
                #expect(answer.status == 303, "\(method) \(path)")
                #expect(answer.headers["location"]?.hasPrefix("/signin?next=") == true, "\(method) \(path)")
            }
            #expect(try Self.state(setup) == before)
        }
    }

    @Test("A moderator and editors without the right are refused each route; nothing changes", .timeLimit(.minutes(2)))
    func refusesOtherAccounts() async throws {
        try await Self.served { setup, event in
            let before = try Self.state(setup)
            // boris moderates; olga edits another community's jobs; anna may not write digests;
            // ivan writes events only, so not jobs; dina writes digests only.
            let refused: [String: (String) -> Bool] = [
                "boris": { _ in true }, "olga": { _ in true }, "anna": { $0.contains("/digests/") },
                "ivan": { $0.contains("/jobs/") || $0.contains("/digests/") }, "dina": { !$0.contains("/digests/") },
            ]
            for (name, isRefused) in refused {
                let browser = try setup.browser(name)
                let token = try browser.formToken()
                for (method, path) in Self.routes(job: setup.job, event: event) where isRefused(path) {
                    let answer =
                        method == "GET"
                        ? try browser.get(path)
                        : try browser.post(
                            path,
                            [
                                ("csrf", token), ("community", setup.community), ("title", "Чужое"),
                                ("start", "2099-01-01 10:00"), ("step", "publish"), ("publisher", setup.community),
                            ]
                        )
                    #expect(answer.status == 403, "\(name): \(method) \(path) → \(answer.status)")
                    #expect(answer.text.contains("Нет доступа"), "\(name): \(method) \(path)")
                }
            }
            #expect(try Self.state(setup) == before)
        }
    }

    @Test("A form without its token or from another origin changes nothing")
    func refusesForgedForms() async throws {
        try await Self.served { setup, event in
            let before = try Self.state(setup)
            let anna = try setup.browser("anna")
            let dina = try setup.browser("dina")
            let fields = [("community", setup.community), ("title", "Подделка"), ("start", "2099-01-01 10:00")]
            #expect(try anna.post("/editor/events/new", fields).status == 403)
            #expect(
                try anna.post(
                    "/editor/events/new",
                    [("csrf", try anna.formToken())] + fields,
                    origin: "http://evil.example"
                )
                .status == 403
            )
            for action in ["cancel", "delete", "edit"] {
                #expect(try anna.post("/editor/events/\(event)/\(action)", fields).status == 403)
            }
            #expect(try anna.post("/editor/jobs/\(setup.job)/renew", []).status == 403)
            #expect(
                try anna.post("/editor/jobs/\(setup.job)/renew", [("csrf", "0"), ("x", "y")]).status == 403
            )
            let publish = [
                ("publisher", setup.community), ("title", "Подделка"), ("step", "publish"), ("from", "2000-01-01"),
            ]
            #expect(try dina.post("/editor/digests/new", publish).status == 403)
            #expect(
                try dina.post(
                    "/editor/digests/new",
                    [("csrf", try dina.formToken())] + publish,
                    origin: "http://evil.example"
                )
                .status == 403
            )
            // A digest for a community whose digests dina may not write is refused, whatever the form says.
            let communities = try #require(try setup.node.json("list", "communities") as? [[String: Any]])
            let other = try #require(
                communities.compactMap { $0["community"] as? String }.first { $0 != setup.community }
            )
            let foreign = [
                ("csrf", try dina.formToken()), ("publisher", other), ("title", "Чужой дайджест"), ("step", "publish"),
                ("from", "2000-01-01"),
            ]
            #expect(try dina.post("/editor/digests/new", foreign).status == 403)
            #expect(try Self.state(setup) == before)
        }
    }

    @Test("An event with errors shows each message beside its field, keeps the values and stores nothing")
    func eventProblems() async throws {
        try await Self.served { setup, _ in
            let before = try Self.events(setup).count
            let anna = try setup.browser("anna")
            let form = try anna.get("/editor/events/new?community=\(setup.community)")
            #expect(form.status == 200)
            #expect(form.text.contains(#"type="datetime-local" id="field-start""#))
            #expect(form.text.contains(#"value="Europe/Moscow""#), "a new event's zone is the default one")
            let answer = try anna.post(
                "/editor/events/new",
                [
                    ("csrf", try anna.formToken()), ("community", setup.community), ("title", ""),
                    ("start", "завтра"), ("end", "2099-01-01T10:00"), ("timezone", "Mars/Olympus"),
                    ("registration_url", "ftp://example.org"), ("online_urls", "javascript:alert(1)"),
                    ("capacity", "много"), ("attendance", "space"), ("place.name", "Клуб <b>"),
                ]
            )
            #expect(answer.status == 422)
            let page = answer.text
            for (field, message) in [
                ("title", "Заполните это поле"), ("start", "Введите дату и время в виде ГГГГ-ММ-ДД ЧЧ:ММ"),
                ("timezone", "Нет такого часового пояса"), ("registration_url", "Нужна ссылка http(s), mailto или tg"),
                ("online_urls", "Нужна ссылка http(s), mailto или tg"), ("capacity", "Введите целое число"),
                ("attendance", "Выберите значение из списка"),
            ] {
                #expect(page.contains(#"<p class="error" id="field-\#(field)-error">\#(message)"#), "\(field)")
                #expect(page.contains("<a href=\"#field-\(field)\">"), "the summary links to \(field)")
            }
            #expect(page.contains(#"value="Клуб &lt;b&gt;""#), "values are kept, escaped")
            let inverted = try anna.post(
                "/editor/events/new",
                [
                    ("csrf", try anna.formToken()), ("community", setup.community), ("title", "Наоборот"),
                    ("start", "2099-01-02T10:00"), ("end", "2099-01-01T10:00"), ("timezone", "Europe/Moscow"),
                ]
            )
            #expect(inverted.status == 422)
            #expect(inverted.text.contains(#"id="field-end-error">Конец раньше начала"#))
            #expect(try Self.events(setup).count == before)
        }
    }

    @Test("An editor posts, edits, cancels and deletes an event, its times in its zone, seen on /events")
    func writesEvents() async throws {
        try await Self.served { setup, _ in
            let anna = try setup.browser("anna")
            let posted = try anna.post(
                "/editor/events/new",
                [
                    ("csrf", try anna.formToken()), ("community", setup.community), ("title", "Мастермайнд"),
                    ("type", "mastermind"), ("start", "2099-12-10T19:00"), ("end", "2099-12-10 21:00"),
                    ("timezone", "Asia/Yekaterinburg"), ("attendance", "online"),
                    ("online_urls", "https://meet.example.org/cm"), ("registration_url", "https://example.org/r"),
                    ("price", "бесплатно"), ("capacity", "30"), ("tags", "community, online"),
                ]
            )
            #expect(posted.status == 303)
            #expect(posted.headers["location"] == "/editor?done=eventCreated")
            let event = try #require(
                try Self.events(setup).first { ($0["fields"] as? [String: Any])?["title"] as? String == "Мастермайнд" }
            )
            let id = try #require(event["id"] as? String)
            let fields = try #require(event["fields"] as? [String: Any])
            #expect("\(fields["start"] ?? "")".hasPrefix("2099-12-10T14:00"), "19:00 in Yekaterinburg: \(fields)")
            #expect(fields["timezone"] as? String == "Asia/Yekaterinburg")
            let next = try anna.get("/editor/events/new?community=\(setup.community)").text
            #expect(
                next.contains(#"value="Asia/Yekaterinburg""#),
                "a new event starts in the zone of the community's latest"
            )
            #expect(try Self.log(setup, id).contains("by key user-anna"))
            #expect(try SiteJobTests.page("\(setup.serve.api)/events/\(id)").text.contains("Мастермайнд"))
            let dashboard = try anna.get("/editor?done=eventCreated").text
            #expect(dashboard.contains("Событие опубликовано."))
            // "Событие из консоли" has no status: nothing dangles after its date.
            #expect(!dashboard.contains(" · </span>"), "no separator without a status")
            for action in ["edit", "cancel", "delete"] {
                #expect(dashboard.contains(#"href="/editor/events/\#(id)/\#(action)""#), "\(action)")
            }

            let edit = try anna.get("/editor/events/\(id)/edit").text
            #expect(edit.contains(#"value="2099-12-10T19:00""#), "times shown in the event's zone")
            let changed = try anna.post(
                "/editor/events/\(id)/edit",
                [
                    ("csrf", try anna.formToken()), ("title", "Мастермайнд"), ("type", "mastermind"),
                    ("start", "2099-12-10T20:00"), ("end", "2099-12-10T21:00"), ("timezone", "Asia/Yekaterinburg"),
                    ("attendance", "online"), ("online_urls", "https://meet.example.org/cm"),
                    ("registration_url", "https://example.org/r"), ("price", "бесплатно"), ("capacity", "30"),
                    ("tags", "community, online"),
                ]
            )
            #expect(changed.headers["location"] == "/editor?done=eventChanged")
            let second = try Self.log(setup, id).components(separatedBy: "by key user-anna").last ?? ""
            #expect(second.contains("set start = "), "\(second)")
            #expect(!second.contains("price"), "only what changed is written: \(second)")

            #expect(try anna.get("/editor/events/\(id)/cancel").text.contains("Отменить событие?"))
            #expect(try anna.post("/editor/events/\(id)/cancel", [("csrf", try anna.formToken())]).status == 303)
            let cancelled = try Self.events(setup).first { $0["id"] as? String == id }
            #expect((cancelled?["fields"] as? [String: Any])?["status"] as? String == "cancelled")
            #expect(try SiteJobTests.page("\(setup.serve.api)/events/\(id)").text.contains("отменено"))

            let asked = try anna.get("/editor/events/\(id)/delete").text
            #expect(
                asked.contains("событие исчезнет на всех узлах") && !asked.contains("вакансия"),
                "an event, not a job"
            )
            #expect(try anna.post("/editor/events/\(id)/delete", [("csrf", try anna.formToken())]).status == 303)
            #expect(try anna.get("/editor/events/\(id)/edit").status == 404)
            #expect(try !Self.events(setup).contains { $0["id"] as? String == id })
            #expect(
                try Self.audit(setup, id) == [
                    "anna event.delete", "anna event.cancel", "anna event.edit", "anna event.create",
                ]
            )
        }
    }

    @Test("An editor renews a job: every field republished with a fresh expiry, audited")
    func renewsJobs() async throws {
        try await Self.served { setup, _ in
            let anna = try setup.browser("anna")
            let dashboard = try anna.get("/editor").text
            #expect(dashboard.contains(#"href="/editor/jobs/\#(setup.job)/renew""#))
            let question = try anna.get("/editor/jobs/\(setup.job)/renew")
            #expect(question.status == 200)
            #expect(question.text.contains("Продлить вакансию?") && question.text.contains("будет храниться"))
            #expect(try anna.get("/editor/jobs/\(String(repeating: "f", count: 32))/renew").status == 404)
            #expect(try !Self.log(setup, setup.job).contains("by key user-anna"))
            let renewed = try anna.post("/editor/jobs/\(setup.job)/renew", [("csrf", try anna.formToken())])
            #expect(renewed.status == 303)
            #expect(renewed.headers["location"] == "/editor?done=renewed")
            #expect(try anna.get("/editor?done=renewed").text.contains("Вакансия продлена."))
            let after = try Self.log(setup, setup.job)
            let renewal = after.components(separatedBy: "by key user-anna").last ?? ""
            #expect(renewal.contains("set title = Вакансия из консоли"), "every field republished: \(after)")
            #expect(try Self.audit(setup, setup.job) == ["anna job.renew"])
        }
    }

    @Test("An editor composes a digest, sees what was merged and why, reorders it and publishes it")
    func composesDigests() async throws {
        try await Self.served { setup, _ in
            let link = "https://example.org/apply/cm"
            let first = try SiteJobTests.post(setup.node, "Первая вакансия", "--employer", "Альфа", "--apply-url", link)
            let other = try setup.node.artel.run([
                "job", "post", "--community", "Other", "--title", "Повтор первой", "--apply-url",
                link + "/?utm_source=tg",
            ])
            try #require(other.status == 0, "\(other.error)")
            let second = try SiteJobTests.post(setup.node, "Вторая вакансия", "--employer", "Бета")
            let dina = try setup.browser("dina")
            #expect(try dina.get("/editor").text.contains(#"href="/editor/digests/new""#))
            let empty = try dina.get("/editor/digests/new")
            #expect(empty.status == 200 && !empty.text.contains("Вакансии дайджеста"))
            let bad = try dina.get("/editor/digests/new?from=вчера&until=")
            #expect(bad.status == 422)
            #expect(bad.text.contains(#"<p class="error" id="digest-from-error">Введите дату в виде ГГГГ-ММ-ДД"#))

            let composed = try dina.get("/editor/digests/new?from=2000-01-01&until=2100-01-01").text
            #expect(composed.contains("Вакансий: 3; повторов объединено: 1."), "\(composed)")
            #expect(composed.contains("Объединена с Повтор первой"))
            #expect(composed.contains("та же ссылка для отклика"))
            let order = try #require(Self.items(composed))
            #expect(order.count == 3)

            // Reordering keeps the choice and lists the vacancies by the positions typed.
            let base = [
                ("csrf", try dina.formToken()), ("from", "2000-01-01"), ("until", "2100-01-01"),
                ("publisher", setup.community),
            ]
            let reversed = zip(order, [3, 2, 1]).flatMap { [("item", $0), ("position", String($1))] }
            let reordered = try dina.post("/editor/digests/new", base + reversed + [("step", "reorder")])
            #expect(reordered.status == 200)
            #expect(Self.items(reordered.text) == order.reversed())

            let before = try Self.digests(setup).count
            let untitled = try dina.post(
                "/editor/digests/new",
                base + reversed + [("title", " "), ("step", "publish")]
            )
            #expect(untitled.status == 422)
            #expect(untitled.text.contains(#"<p class="error" id="digest-title-error">Заполните это поле"#))
            let nothing = try dina.post(
                "/editor/digests/new",
                [
                    ("csrf", try dina.formToken()), ("from", "2000-01-01"), ("until", "2000-01-02"), ("title", "Пусто"),
                    ("publisher", setup.community), ("step", "publish"),
                ]
            )
            #expect(nothing.status == 422)
            #expect(nothing.text.contains("Нечего публиковать"))
            #expect(try Self.digests(setup).count == before)

            let published = try dina.post(
                "/editor/digests/new",
                base + reversed + [("title", "Вакансии недели <b>"), ("step", "publish")]
            )
            #expect(published.status == 303)
            let location = try #require(published.headers["location"])
            #expect(location.hasPrefix("/digests/"))
            let id = String(location.dropFirst("/digests/".count))
            let list = try SiteJobTests.page("\(setup.serve.api)/digests").text
            #expect(list.contains("Вакансии недели &lt;b&gt;"))
            let page = try SiteJobTests.page("\(setup.serve.api)\(location)").text
            // Newest first as composed (second, first, the console's), reversed by the positions typed.
            let positions = [first, second].map { job in page.range(of: job)?.lowerBound }
            #expect(positions[0] != nil && positions[1] != nil && positions[0]! < positions[1]!, "\(page)")
            #expect(try Self.log(setup, id).contains("by key user-dina"))
            #expect(try Self.audit(setup, id) == ["dina digest.publish"])
            let shown = try setup.node.expectSuccess("digest", "show", id)
            let at = ["Первая вакансия", "Вторая вакансия"].map { shown.range(of: $0)?.lowerBound }
            #expect(at[0] != nil && at[1] != nil && at[0]! < at[1]!, "the order chosen: \(shown)")
            #expect(shown.contains("Other"), "where else it was listed: \(shown)")
        }
    }

    /// The items of a digest page's form, in order.
    static func items(_ page: String) -> [String]? {
        let pattern = #"name="item" value="[0-9a-f:]+""#
        var found: [String] = []
        var rest = page[...]
        while let range = rest.range(of: pattern, options: .regularExpression) {
            found.append(String(rest[range].dropFirst(#"name="item" value=""#.count).dropLast()))
            rest = rest[range.upperBound...]
        }
        return found
    }
}
