import ArtelTestKit
import Foundation
import Testing

/// The editor's import over real HTTP: who may reach it, the upload's problems, the dry run that
/// stores nothing, and the import that stores what the dry run listed, signed and audited.
@Suite("Site: editor's import")
struct ImportSiteTests {
    typealias Setup = EditorSiteTests.Setup

    static let telegram = TestFiles.path("Tests/Fixtures/telegram/result.json")
    /// The vacancies `artel import telegram --dry-run` reads from ``telegram``.
    static let vacancies = [
        "Комьюнити менеджер для сообщества руководителей Яндекс",
        "Комьюнити менеджер в Федерацию компьютерного спорта России",
        "Комьюнити-менеджер в закрытое сообщество от Studio-29", "Комьюнити-менеджер в Fashion Factory School",
    ]

    static func file(_ path: String, field: String = "file") throws -> SiteBrowser.UploadedFile {
        SiteBrowser.UploadedFile(
            field: field,
            name: URL(fileURLWithPath: path).lastPathComponent,
            text: try String(contentsOfFile: path, encoding: .utf8)
        )
    }

    /// The uploads the node keeps for their commit.
    static func kept(_ setup: Setup) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: "\(setup.node.artel.data)/imports")) ?? []
    }

    /// Uploads a Telegram export as `browser` would from the import page.
    static func uploadTelegram(
        _ browser: SiteBrowser,
        _ setup: Setup,
        channel: String = "community_managers",
        file: SiteBrowser.UploadedFile? = nil,
        csrf: String? = nil,
        origin: String? = nil
    ) throws -> HTTPClient.Response {
        try browser.upload(
            "/editor/import",
            [
                ("csrf", try csrf ?? browser.formToken()), ("format", "telegram"), ("community", setup.community),
                ("channel", channel),
            ],
            files: [try file ?? Self.file(telegram)],
            origin: origin
        )
    }

    /// The token of the kept upload a dry run's form carries.
    static func token(_ page: String) throws -> String {
        let range = try #require(page.range(of: #"name="token" value="[0-9a-f]{32}""#, options: .regularExpression))
        return String(page[range].dropFirst(#"name="token" value=""#.count).dropLast())
    }

    @Test("Signed out, the import sends the browser to sign in and keeps nothing", .timeLimit(.minutes(2)))
    func signedOut() async throws {
        try await EditorSiteTests.served { setup in
            let browser = SiteBrowser(setup.serve.api)
            #expect(try browser.get("/editor/import").headers["location"] == "/signin?next=/editor/import")
            let upload = try Self.uploadTelegram(browser, setup, csrf: "")
            #expect(upload.status == 303 && upload.headers["location"]?.hasPrefix("/signin?next=") == true)
            let commit = try browser.post("/editor/import/commit", [("token", String(repeating: "0", count: 32))])
            #expect(commit.status == 303 && commit.headers["location"]?.hasPrefix("/signin?next=") == true)
            #expect(Self.kept(setup).isEmpty)
            #expect(try setup.jobs().count == 1)
        }
    }

    @Test("A moderator, another community's editor and an events-only editor importing jobs are refused")
    func refusesOtherAccounts() async throws {
        try await EditorSiteTests.served { setup in
            let boris = try setup.browser("boris")
            #expect(try boris.get("/editor/import").status == 403)
            #expect(try Self.uploadTelegram(boris, setup).status == 403)
            #expect(
                try boris.post("/editor/import/commit", [("csrf", try boris.formToken()), ("token", "0")]).status
                    == 403
            )
            let olga = try setup.browser("olga")
            #expect(try !olga.get("/editor/import").text.contains(setup.community), "olga sees only her community")
            let foreign = try Self.uploadTelegram(olga, setup)
            #expect(foreign.status == 403 && foreign.text.contains("Нет доступа"))
            let ivan = try setup.browser("ivan")
            #expect(try Self.uploadTelegram(ivan, setup).status == 403, "ivan writes events, not jobs")
            #expect(Self.kept(setup).isEmpty)
            #expect(try setup.jobs().count == 1)
        }
    }

    @Test("An upload or a commit without its token or from another origin keeps and stores nothing")
    func refusesForgedForms() async throws {
        try await EditorSiteTests.served { setup in
            let anna = try setup.browser("anna")
            #expect(try Self.uploadTelegram(anna, setup, csrf: "").status == 403)
            #expect(try Self.uploadTelegram(anna, setup, csrf: "0123456789abcdef0123456789abcdef").status == 403)
            #expect(try Self.uploadTelegram(anna, setup, origin: "http://evil.example").status == 403)
            #expect(Self.kept(setup).isEmpty)
            let dryRun = try Self.uploadTelegram(anna, setup)
            let token = try Self.token(dryRun.text)
            #expect(try anna.post("/editor/import/commit", [("token", token)]).status == 403)
            let foreign = try anna.post(
                "/editor/import/commit",
                [("csrf", try anna.formToken()), ("token", token)],
                origin: "http://evil.example"
            )
            #expect(foreign.status == 403)
            #expect(try setup.jobs().count == 1)
        }
    }

    @Test("A file over the limit is refused with its size, and nothing is kept")
    func oversizedFile() async throws {
        try await EditorSiteTests.served { setup in
            let anna = try setup.browser("anna")
            let huge = SiteBrowser.UploadedFile(
                field: "file",
                name: "result.json",
                text: String(repeating: "x", count: 21 * 1024 * 1024)
            )
            let answer = try Self.uploadTelegram(anna, setup, file: huge)
            #expect(answer.status == 413)
            #expect(answer.text.contains(#"id="import-file-error">Файл больше 20 МБ. Ничего не сохранено."#))
            #expect(Self.kept(setup).isEmpty)
        }
    }

    @Test("A malformed file, a missing file or channel: the message beside its field, and nothing kept or stored")
    func malformedFiles() async throws {
        try await EditorSiteTests.served { setup in
            let anna = try setup.browser("anna")
            let broken = SiteBrowser.UploadedFile(field: "file", name: "result.json", text: #"{"messages": [{"id": 5,"#)
            let answer = try Self.uploadTelegram(anna, setup, file: broken)
            #expect(answer.status == 422)
            #expect(
                answer.text.contains(
                    #"id="import-file-error">Файл не читается как Экспорт Telegram-канала (result.json): "#
                ),
                "\(answer.text)"
            )
            #expect(answer.text.contains("Ничего не сохранено."))
            #expect(answer.text.contains(#"value="community_managers""#), "the values are kept")
            let calendar = try anna.upload(
                "/editor/import",
                [("csrf", try anna.formToken()), ("format", "ics"), ("community", setup.community)],
                files: [
                    SiteBrowser.UploadedFile(field: "file", name: "x.ics", text: "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n")
                ]
            )
            #expect(calendar.status == 422 && calendar.text.contains(#"id="import-file-error">"#))
            let noChannel = try Self.uploadTelegram(anna, setup, channel: "t.me/x y")
            #expect(noChannel.status == 422 && noChannel.text.contains(#"id="import-channel-error">"#))
            let noFile = try anna.upload(
                "/editor/import",
                [("csrf", try anna.formToken()), ("format", "hh"), ("community", setup.community)],
                files: [SiteBrowser.UploadedFile(field: "file", name: "", text: "")]
            )
            #expect(noFile.status == 422 && noFile.text.contains(#"id="import-file-error">Выберите файл"#))
            #expect(Self.kept(setup).isEmpty)
            #expect(try setup.jobs().count == 1)
            #expect((try setup.node.json("list", "events") as? [Any])?.isEmpty == true)
        }
    }

    @Test("A whole account's export with several channels asks which one, and imports the chat named")
    func accountExport() async throws {
        try await EditorSiteTests.served { setup in
            let anna = try setup.browser("anna")
            let channel = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.telegram)))
                    as? [String: Any]
            )
            var other = channel
            (other["name"], other["id"], other["messages"]) = ("Другой канал", 1_700_000_009, [Any]())
            let account = ["chats": ["list": [channel, other]]]
            let export = String(decoding: try JSONSerialization.data(withJSONObject: account), as: UTF8.self)
            func upload(chat: String) throws -> HTTPClient.Response {
                try anna.upload(
                    "/editor/import",
                    [
                        ("csrf", try anna.formToken()), ("format", "telegram"), ("community", setup.community),
                        ("channel", "community_managers"), ("chat", chat),
                    ],
                    files: [SiteBrowser.UploadedFile(field: "file", name: "result.json", text: export)]
                )
            }
            let unchosen = try upload(chat: "")
            #expect(unchosen.status == 422)
            #expect(
                unchosen.text.contains(
                    #"id="import-chat-error">В выгрузке несколько подходящих чатов: Комьюнити-менеджеры (id "#
                ),
                "\(unchosen.text)"
            )
            #expect(unchosen.text.contains("Другой канал (id 1700000009). Впишите имя или id нужного."))
            #expect(
                unchosen.text.contains(#"id="import-chat" name="chat" value="" autocomplete="off" aria-invalid="true""#)
            )
            #expect(unchosen.text.contains(##"href="#import-chat">Чат в выгрузке аккаунта: "##))
            #expect(!unchosen.text.contains("--chat"))
            let missing = try upload(chat: "Третий канал")
            #expect(missing.status == 422 && missing.text.contains("В выгрузке нет чата «Третий канал». В ней есть: "))
            #expect(Self.kept(setup).isEmpty)

            let chosen = try upload(chat: "Комьюнити-менеджеры")
            #expect(chosen.status == 200)
            #expect(chosen.text.contains("Будет создано: 4"), "\(chosen.text)")
            #expect(chosen.text.contains(#"id="import-chat""#) == false, "the dry run is no form")
            let commit = try anna.post(
                "/editor/import/commit",
                [("csrf", try anna.formToken()), ("token", try Self.token(chosen.text))]
            )
            #expect(commit.status == 303)
            let titles = try setup.jobs().compactMap { ($0["fields"] as? [String: Any])?["title"] as? String }
            #expect(Set(Self.vacancies).isSubset(of: Set(titles)))
        }
    }

    @Test("With the channel's announcements, a post that announces an event shows its event, not a skip")
    func announcedEvents() async throws {
        try await EditorSiteTests.served { setup in
            let anna = try setup.browser("anna")
            let dryRun = try anna.upload(
                "/editor/import",
                [
                    ("csrf", try anna.formToken()), ("format", "telegram"), ("community", setup.community),
                    ("channel", "community_managers"), ("events", "yes"),
                ],
                files: [try Self.file(Self.telegram)]
            )
            #expect(dryRun.status == 200)
            let page = dryRun.text
            #expect(page.contains("Митап комьюнити-менеджеров в Москве <span class=\"meta\">будет создано</span>"))
            #expect(!page.contains("<strong>Пост 410</strong> <span class=\"meta\">пропущен"), "post 410 is the meetup")
            #expect(page.contains("Будет создано: 6, обновлено: 0, продлено: 0; без изменений: 0; пропущено: 3."))
        }
    }

    @Test("The dry run lists each post and stores nothing; the import stores what it listed, signed and audited")
    func dryRunThenImport() async throws {
        try await EditorSiteTests.served { setup in
            let anna = try setup.browser("anna")
            let dryRun = try Self.uploadTelegram(anna, setup)
            #expect(dryRun.status == 200)
            let page = dryRun.text
            for title in Self.vacancies { #expect(page.contains("\(title) <span class=\"meta\">будет создана</span>")) }
            #expect(page.contains("<strong>Пост 1</strong> <span class=\"meta\">пропущен: служебное сообщение"))
            #expect(page.contains("<strong>Пост 200</strong> <span class=\"meta\">пропущен: нет хэштега вакансии"))
            #expect(page.contains("Будет создано: 4, обновлено: 0, продлено: 0; без изменений: 0; пропущено: 5."))
            #expect(try setup.jobs().count == 1, "the dry run stores nothing")
            #expect(Self.kept(setup).count == 2, "the upload is kept for the commit: the file and what was chosen")
            // The link back opens the form with what was chosen, for another file.
            let back = "/editor/import?format=telegram&community=\(setup.community)&channel=community_managers"
            #expect(page.contains("href=\"\(back.replacingOccurrences(of: "&", with: "&amp;"))\""), "\(page)")
            let form = try anna.get(back).text
            #expect(form.contains(#"id="import-channel" name="channel" value="community_managers""#))

            // Another session of the same account cannot commit it.
            let token = try Self.token(page)
            let other = try setup.browser("anna")
            let stolen = try other.post("/editor/import/commit", [("csrf", try other.formToken()), ("token", token)])
            #expect(stolen.status == 410)
            #expect(try setup.jobs().count == 1)

            let commit = try anna.post("/editor/import/commit", [("csrf", try anna.formToken()), ("token", token)])
            #expect(commit.status == 303 && commit.headers["location"] == "/editor?done=imported")
            #expect(try anna.get("/editor?done=imported").text.contains("Импорт выполнен."))
            let titles = try setup.jobs().compactMap { ($0["fields"] as? [String: Any])?["title"] as? String }
            #expect(Set(titles) == Set(Self.vacancies + ["Вакансия из консоли"]))
            let imported = try #require(
                try setup.jobs().first { ($0["fields"] as? [String: Any])?["title"] as? String == Self.vacancies[0] }
            )
            #expect(
                try setup.node.expectSuccess("log", try #require(imported["id"] as? String)).contains(
                    "by key user-anna"
                )
            )
            #expect(Self.kept(setup).isEmpty, "the upload is removed once imported")
            let board = try SiteJobTests.page("\(setup.serve.api)/").text
            #expect(board.contains("Комьюнити-менеджер в Fashion Factory School"))
            let audit = try #require(try setup.node.json("user", "log") as? [[String: Any]])
            #expect(
                audit.contains {
                    $0["account"] as? String == "anna" && $0["action"] as? String == "import.telegram"
                        && $0["target"] as? String == setup.community && $0["address"] as? String == "127.0.0.1"
                }
            )

            let again = try anna.post("/editor/import/commit", [("csrf", try anna.formToken()), ("token", token)])
            #expect(again.status == 410 && again.text.contains("Загрузите его снова"))
            let second = try Self.uploadTelegram(anna, setup).text
            #expect(second.contains("без изменений: 4") && !second.contains("/editor/import/commit"))
            #expect(second.contains("В файле нет ничего нового для импорта."))
        }
    }

    @Test("After a digest post is edited, its dry run shows the vacancies left unchanged, and the import moves none")
    func editedDigest() async throws {
        try await EditorSiteTests.served { setup in
            let anna = try setup.browser("anna")
            typealias Vacancy = TelegramImportTests.DigestVacancy
            let skyeng = Vacancy(title: "Комьюнити-менеджер в Skyeng", salary: "от 80 000 ₽", minimum: 80_000)
            let runlab = Vacancy(title: "Модератор чатов в Лабораторию Бега", salary: "60 000 ₽", minimum: 60_000)
            let litres = Vacancy(title: "Контент-менеджер в Литрес", salary: "100 000 ₽", minimum: 100_000)
            let yandex = Vacancy(title: "Ведущий мероприятий в Яндекс", salary: "120 000 ₽", minimum: 120_000)
            func upload(_ vacancies: [Vacancy]) throws -> String {
                let export = String(decoding: try TelegramImportTests.digest(vacancies), as: UTF8.self)
                let file = SiteBrowser.UploadedFile(field: "file", name: "result.json", text: export)
                let response = try Self.uploadTelegram(anna, setup, channel: "cm_jobs", file: file)
                return response.text
            }
            func commit(_ page: String) throws {
                let token = try Self.token(page)
                let done = try anna.post("/editor/import/commit", [("csrf", try anna.formToken()), ("token", token)])
                #expect(done.status == 303)
            }
            try commit(try upload([skyeng, runlab, litres]))

            // The second vacancy removed from the post: nothing to import.
            let removed = try upload([skyeng, litres])
            #expect(removed.contains("Будет создано: 0, обновлено: 0, продлено: 0; без изменений: 2"), "\(removed)")
            #expect(removed.contains("\(litres.title) <span class=\"meta\">уже такая же — пропущена</span>"))
            #expect(removed.contains("Больше нет в посте — вакансии останутся на сайте, пока их не удалят:"))
            #expect(removed.contains("<li>\(runlab.title)</li>"))

            // One added at the top: it alone is new, and the import stores it beside the others.
            let added = try upload([yandex, skyeng, litres])
            #expect(added.contains("Будет создано: 1, обновлено: 0, продлено: 0; без изменений: 2"), "\(added)")
            #expect(added.contains("\(yandex.title) <span class=\"meta\">будет создана</span>"))
            try commit(added)
            var salaries: [String: Int] = [:]
            for job in try setup.jobs() {
                guard let fields = job["fields"] as? [String: Any], let title = fields["title"] as? String else {
                    continue
                }
                salaries[title] = (fields["salary_min"] as? NSNumber)?.intValue
            }
            for vacancy in [skyeng, runlab, litres, yandex] { #expect(salaries[vacancy.title] == vacancy.minimum) }

            // An edit made here since the import: the same file again keeps it, and says so.
            let litresJob = try #require(
                try setup.jobs().first { ($0["fields"] as? [String: Any])?["title"] as? String == litres.title }
            )
            try setup.node.expectSuccess("job", "edit", try #require(litresJob["id"] as? String), "--salary-min", "1")
            let edited = try upload([yandex, skyeng, litres])
            #expect(edited.contains("Будет создано: 0, обновлено: 0, продлено: 0; без изменений: 3"), "\(edited)")
            #expect(
                edited.contains(
                    "\(litres.title) <span class=\"meta\">в файле та же, но изменена здесь после импорта — правка сохранится</span>"
                )
            )
        }
    }

    @Test("A calendar and hh.ru vacancies are imported the same way")
    func calendarAndHeadHunter() async throws {
        try await EditorSiteTests.served { setup in
            let anna = try setup.browser("anna")
            for (format, path, title, created) in [
                ("ics", "Tests/Fixtures/ics/google.ics", "Мастермайнд лидеров сообществ", "будет создано"),
                ("hh", "Tests/Fixtures/hh/search-page.json", "Координатор сообщества амбассадоров", "будет создана"),
            ] {
                let dryRun = try anna.upload(
                    "/editor/import",
                    [("csrf", try anna.formToken()), ("format", format), ("community", setup.community)],
                    files: [try Self.file(TestFiles.path(path))]
                )
                #expect(dryRun.status == 200, "\(format): \(dryRun.text)")
                #expect(dryRun.text.contains("\(title) <span class=\"meta\">\(created)</span>"), "\(format)")
                let commit = try anna.post(
                    "/editor/import/commit",
                    [("csrf", try anna.formToken()), ("token", try Self.token(dryRun.text))]
                )
                #expect(commit.status == 303, "\(format)")
            }
            let events = try #require(
                try setup.node.json("list", "events", "--until", "2099-01-01") as? [[String: Any]]
            )
            #expect(
                events.contains {
                    ($0["fields"] as? [String: Any])?["title"] as? String == "Мастермайнд лидеров сообществ"
                }
            )
            #expect(
                try setup.jobs().contains {
                    ($0["fields"] as? [String: Any])?["title"] as? String == "Координатор сообщества амбассадоров"
                }
            )
            let actions = try #require(try setup.node.json("user", "log") as? [[String: Any]]).compactMap {
                $0["action"] as? String
            }
            #expect(actions.contains("import.ics") && actions.contains("import.hh"))
        }
    }

    @Test("An upload an hour old can no longer be imported, and the next upload removes it")
    func uploadsExpire() async throws {
        try await EditorSiteTests.served { setup in
            let anna = try setup.browser("anna")
            let token = try Self.token(try Self.uploadTelegram(anna, setup).text)
            let metadata = "\(setup.node.artel.data)/imports/\(token).json"
            var kept = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: metadata)))
                    as? [String: Any]
            )
            let uploaded = try #require(kept["uploaded"] as? Int64)
            kept["uploaded"] = uploaded - 3_600_000
            try JSONSerialization.data(withJSONObject: kept).write(to: URL(fileURLWithPath: metadata))
            let late = try anna.post("/editor/import/commit", [("csrf", try anna.formToken()), ("token", token)])
            #expect(late.status == 410 && late.text.contains("прошёл час"))
            #expect(try setup.jobs().count == 1)
            let next = try Self.token(try Self.uploadTelegram(anna, setup).text)
            #expect(Set(Self.kept(setup)) == ["\(next).json", "\(next).upload"])
        }
    }

    @Test("What an editor imports on one node reaches a partner node's board", .timeLimit(.minutes(3)))
    func reachesPartners() async throws {
        try await EditorPartners.with { nodes, servers, anna, community in
            let dryRun = try anna.upload(
                "/editor/import",
                [("csrf", try anna.formToken()), ("format", "hh"), ("community", community)],
                files: [try Self.file(TestFiles.path("Tests/Fixtures/hh/search-page.json"))]
            )
            let commit = try anna.post(
                "/editor/import/commit",
                [("csrf", try anna.formToken()), ("token", try Self.token(dryRun.text))]
            )
            #expect(commit.status == 303)
            #expect(
                try await eventually {
                    try SiteJobTests.page("\(servers[1].api)/").text.contains(
                        "Комьюнити-менеджер (частичная занятость)"
                    )
                },
                "\(serveLogs(nodes))"
            )
        }
    }
}
