import ArtelTestKit
import Foundation
import Testing

/// Signing in to the site and out of it, over real HTTP from a real `artel serve` process.
@Suite("Site: sign-in")
struct SignInSiteTests {
    static let password = "correct horse battery"

    /// Runs `body` with a served node that has an editor `anna` of the test community and a
    /// moderator `boris`.
    static func served(_ body: (TestNode, ServeProcess) async throws -> Void) async throws {
        try await TestNode.with { node in
            for arguments in [
                "add anna --role editor --community tech-leaders --kinds job --kinds event",
                "add boris --role moderator",
            ] {
                let added = try UserCLITests.user(node, stdin: password, arguments)
                try #require(added.status == 0, "\(added.error)")
            }
            let serve = try ServeProcess(node.artel)
            defer { serve.stop() }
            try await body(node, serve)
        }
    }

    @Test("A right password signs in with a private, HttpOnly, SameSite cookie; Secure behind TLS")
    func signsIn() async throws {
        try await Self.served { _, serve in
            var browser = SiteBrowser(serve.api)
            let form = try browser.get("/signin")
            #expect(form.status == 200)
            #expect(form.text.contains(#"<form class="signin" method="post" action="/signin">"#))
            #expect(form.headers["cache-control"] == "private, no-store")

            let answer = try browser.signIn("anna", Self.password)
            #expect(answer.status == 303)
            #expect(answer.headers["location"] == "/editor")
            let cookie = try #require(answer.headers["set-cookie"])
            for flag in ["; Path=/", "; HttpOnly", "; SameSite=Lax", "; Max-Age=604800"] {
                #expect(cookie.contains(flag), "\(cookie)")
            }
            #expect(!cookie.contains("Secure"), "plain HTTP gets no Secure cookie: \(cookie)")
            #expect(try browser.isSignedIn(as: "anna"))
            #expect(try browser.get("/").headers["cache-control"] == "private, no-store")

            let behindProxy = try HTTPClient.request(
                "POST",
                serve.api + "/signin",
                headers: [
                    "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-Proto": "https",
                    "Origin": "https://127.0.0.1:\(serve.apiPort)",
                ],
                body: "name=boris&password=correct+horse+battery&next=%2Fevents"
            )
            #expect(behindProxy.status == 303)
            #expect(behindProxy.headers["location"] == "/events")
            #expect(behindProxy.headers["set-cookie"]?.hasSuffix("; Secure") == true)

            let elsewhere = try browser.post(
                "/signin",
                [("name", "boris"), ("password", Self.password), ("next", "//evil.example/")]
            )
            #expect(elsewhere.headers["location"] == "/moderation", "a sign-in never sends the browser to another site")
        }
    }

    @Test("A wrong password or an unknown name is refused alike, with the name kept and no cookie")
    func refusesWrongPasswords() async throws {
        try await Self.served { node, serve in
            var browser = SiteBrowser(serve.api)
            for (name, password) in [("anna", "wrong password"), ("nobody", Self.password)] {
                let answer = try browser.signIn(name, password)
                #expect(answer.status == 401)
                #expect(answer.headers["set-cookie"] == nil)
                #expect(answer.text.contains("Неверное имя или пароль."))
                #expect(answer.text.contains(#"value="\#(name)""#))
                #expect(!answer.text.contains(password))
            }
            let empty = try browser.signIn("anna", "")
            #expect(empty.status == 400)
            #expect(empty.text.contains("Введите имя и пароль."))
            #expect(browser.session == nil)
            let log = try #require(try node.json("user", "log", "--limit", "2") as? [[String: Any]])
            #expect(
                log.map { "\($0["action"]!) \($0["target"]!)" } == ["signin.refused nobody", "signin.refused anna"]
            )
            #expect(log.allSatisfy { $0["account"] is NSNull && $0["address"] as? String == "127.0.0.1" })
        }
    }

    @Test("Guessing is slowed: past five failures even the right password waits, other names do not")
    func throttlesGuessing() async throws {
        try await Self.served { _, serve in
            var browser = SiteBrowser(serve.api)
            for _ in 1...6 { #expect(try browser.signIn("anna", "wrong password").status == 401) }
            let locked = try browser.signIn("anna", Self.password)
            #expect(locked.status == 429)
            #expect(locked.text.contains("Слишком много неудачных попыток"))
            let wait = try #require(locked.headers["retry-after"].flatMap { Int($0) })
            #expect(wait >= 1)
            #expect(locked.headers["set-cookie"] == nil)
            #expect(try browser.signIn("ANNA", Self.password).status == 429, "a name is counted in any case")
            #expect(try browser.signIn("boris", Self.password).status == 303, "another account signs in")
        }
    }

    @Test("Sign-out ends the session: the cookie from before no longer works; so do passwd and disable")
    func revokesSessions() async throws {
        try await Self.served { node, serve in
            var browser = SiteBrowser(serve.api)
            try browser.signIn("anna", Self.password)
            let before = browser
            let out = try browser.post("/signout", [("csrf", try browser.formToken())])
            #expect(out.status == 303)
            #expect(out.headers["set-cookie"]?.hasPrefix("artel_session=; Path=/; Max-Age=0") == true)
            #expect(try !before.isSignedIn(as: "anna"), "the old cookie signs nobody in")
            let log = try #require(try node.json("user", "log", "--limit", "2") as? [[String: Any]])
            #expect(
                log.map { "\($0["account"]!) \($0["action"]!) \($0["target"]!)" } == [
                    "anna signout anna", "anna signin anna",
                ]
            )

            try browser.signIn("anna", Self.password)
            #expect(try browser.isSignedIn(as: "anna"))
            #expect(try UserCLITests.user(node, stdin: "another good one", "passwd anna").status == 0)
            #expect(try !browser.isSignedIn(as: "anna"))
            #expect(try browser.signIn("anna", Self.password).status == 401)

            try browser.signIn("boris", Self.password)
            try node.expectSuccess("user", "disable", "boris")
            #expect(try !browser.isSignedIn(as: "boris"))
            let disabled = try browser.signIn("boris", Self.password)
            #expect(disabled.status == 403)
            #expect(disabled.text.contains("Эта учётная запись отключена"))
        }
    }

    @Test("A form without its token, or from another origin, changes nothing")
    func refusesForgedForms() async throws {
        try await Self.served { _, serve in
            var browser = SiteBrowser(serve.api)
            let forgedSignIn = try browser.post(
                "/signin",
                [("name", "anna"), ("password", Self.password)],
                origin: "http://evil.example"
            )
            #expect(forgedSignIn.status == 403)
            #expect(forgedSignIn.headers["set-cookie"] == nil)
            #expect(forgedSignIn.text.contains("Форма отклонена"))

            try browser.signIn("anna", Self.password)
            let token = try browser.formToken()
            #expect(try browser.post("/signout", []).status == 403)
            #expect(try browser.post("/signout", [("csrf", String(token.reversed()))]).status == 403)
            #expect(try browser.post("/signout", [("csrf", token)], origin: "http://evil.example").status == 403)
            var noOrigin = browser.headers(form: true)
            noOrigin["Origin"] = nil
            let bare = try HTTPClient.request("POST", serve.api + "/signout", headers: noOrigin, body: "csrf=\(token)")
            #expect(bare.status == 403, "a form with neither Origin nor Referer is refused")
            #expect(try browser.isSignedIn(as: "anna"), "still signed in after every forged sign-out")
        }
    }

    @Test("Forms are read as url-encoded text of at most 256 KiB")
    func readsFormsWithLimits() async throws {
        try await Self.served { _, serve in
            let json = try HTTPClient.request(
                "POST",
                serve.api + "/signin",
                headers: ["Content-Type": "application/json", "Origin": serve.api],
                body: #"{"name":"anna"}"#
            )
            #expect(json.status == 415)
            let huge = try HTTPClient.request(
                "POST",
                serve.api + "/signin",
                headers: ["Content-Type": "application/x-www-form-urlencoded", "Origin": serve.api],
                body: "name=anna&password=" + String(repeating: "a", count: 270_000)
            )
            #expect(huge.status == 413)
        }
    }
}
