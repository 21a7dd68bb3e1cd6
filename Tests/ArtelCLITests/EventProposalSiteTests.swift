import ArtelTestKit
import Foundation
import Testing

/// Visitors' proposals of events over real HTTP: the same form and defences as a vacancy's, the
/// event form's checks, and the queue where only the editors of the community's events see and
/// decide them. On ``EditorSiteTests/Setup``'s accounts: `anna` and `ivan` edit the test
/// community's events, `olga` only the other community's jobs; `petr`, added here, only the test
/// community's jobs.
@Suite("Site: event proposals")
struct EventProposalSiteTests {
    /// A start a month from now, as a `datetime-local` input writes it, so that `/events` lists it.
    static let start: String = {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Europe/Moscow")
        return String(formatter.string(from: Date().addingTimeInterval(30 * 86_400)).prefix(16))
    }()

    /// An event proposal's fields for a community.
    static func event(_ community: String, _ title: String) -> [(String, String)] {
        [
            ("community", community), ("title", title), ("type", "meetup"), ("start", start),
            ("timezone", "Asia/Yekaterinburg"), ("attendance", "offline"), ("place.city", "Екатеринбург"),
            (ProposalFormField.contact, "org@meetup.example"), (ProposalFormField.trap, ""),
        ]
    }

    @Test("A visitor proposes an event; an editor of the community's jobs only neither sees nor decides it")
    func proposesAndApproves() async throws {
        try await EditorSiteTests.served { setup in
            let added = try UserCLITests.user(
                setup.node,
                stdin: EditorSiteTests.password,
                "add petr --role editor --community tech-leaders --kinds job"
            )
            try #require(added.status == 0, "\(added.error)")
            let (visitor, communities) = try ProposalSiteTests.visitor(setup, kind: "event")
            #expect(Array(communities.keys) == ["Tech Leaders Moscow"], "Other has no editor of its events")
            #expect(try SiteJobTests.page("\(setup.serve.api)/events").text.contains(#"href="/propose/event""#))
            let communityPage = try SiteJobTests.page("\(setup.serve.api)/communities/\(setup.community)").text
            #expect(communityPage.contains("/propose/event?community=\(setup.community)"))
            #expect(communityPage.contains("/propose/job?community=\(setup.community)"))

            let sent = try visitor.propose(Self.event(setup.community, "Митап посетителя"))
            #expect(sent.status == 303 && sent.headers["location"] == "/propose/thanks?kind=event")
            let thanks = try SiteJobTests.page("\(setup.serve.api)/propose/thanks?kind=event").text
            #expect(thanks.contains("Редактор посмотрит ваше событие") && thanks.contains(#"href="/propose/event""#))
            #expect(try !EditorMoreSiteTests.events(setup).contains { "\($0)".contains("Митап посетителя") })

            let ivan = try setup.browser("ivan")
            let id = try ProposalSiteTests.firstWaiting(ivan)
            #expect(try ivan.get("/editor/proposals").text.contains("событие · Tech Leaders Moscow"))
            for name in ["petr", "olga"] {
                let other = try setup.browser(name)
                #expect(try !other.get("/editor/proposals").text.contains("Митап посетителя"), "\(name)")
                #expect(try other.get("/editor/proposals/\(id)").status == 404, "\(name)")
                for action in ["approve", "reject"] {
                    let answer = try other.post(
                        "/editor/proposals/\(id)/\(action)",
                        [("csrf", try other.formToken()), ("title", "Чужое"), ("start", Self.start), ("reason", "нет")]
                    )
                    #expect(answer.status == 404, "\(name) \(action)")
                }
            }

            // The review shows the event form with the visitor's values; a bad change is refused beside its field.
            let review = try ivan.get("/editor/proposals/\(id)")
            #expect(review.status == 200 && review.text.contains(#"value="Asia/Yekaterinburg""#))
            #expect(review.text.contains(#"value="\#(Self.start)""#) && review.text.contains("org@meetup.example"))
            var fields = Self.event(setup.community, "Митап выпускников").filter { $0.0 != "community" }
            let refused = try ivan.post(
                "/editor/proposals/\(id)/approve",
                [("csrf", try ivan.formToken())] + fields.map { $0.0 == "timezone" ? ($0.0, "Луна/Море") : $0 }
            )
            #expect(refused.status == 422 && refused.text.contains(#"id="field-timezone-error""#))
            #expect(try ivan.get("/editor/proposals/\(id)").status == 200, "still waiting")

            fields.append(("csrf", try ivan.formToken()))
            let approved = try ivan.post("/editor/proposals/\(id)/approve", fields)
            #expect(approved.status == 303 && approved.headers["location"] == "/editor/proposals?done=approved")
            let event = try #require(
                try EditorMoreSiteTests.events(setup).first {
                    ($0["fields"] as? [String: Any])?["title"] as? String == "Митап выпускников"
                }
            )
            let record = try #require(event["id"] as? String)
            #expect(try setup.node.expectSuccess("log", record).contains("by key user-ivan"))
            #expect((event["fields"] as? [String: Any])?["timezone"] as? String == "Asia/Yekaterinburg")
            #expect(try SiteJobTests.page("\(setup.serve.api)/events").text.contains("Митап выпускников"))
            let decided = try ivan.get("/editor/proposals").text
            #expect(decided.contains("/events/\(record)") && decided.contains("одобрено"))
            #expect(try setup.browser("anna").get("/editor/proposals/\(id)").status == 404, "decided once")
            #expect(try ProposalSiteTests.logged(setup.node, "ivan", "proposal.approve", proposal: id))

            // The next visitor's form for the community starts in the zone of its latest event, as an editor's does.
            var next = ProposalVisitor(setup.serve.api, kind: "event")
            #expect(try next.open("?community=\(setup.community)").text.contains(#"value="Asia/Yekaterinburg""#))
        }
    }

    @Test("A bad event proposal stores nothing: the event form's messages beside their fields, a trap, one limit")
    func refusesBadProposals() async throws {
        try await EditorSiteTests.served { setup in
            let (visitor, _) = try ProposalSiteTests.visitor(setup, kind: "event")
            let bad = try visitor.propose([
                ("community", setup.community), ("title", ""), ("start", "завтра вечером"),
                ("timezone", "Mars/Olympus"), ("capacity", "много"), ("registration_url", "ftp://example.org"),
                (ProposalFormField.contact, String(repeating: "к", count: 201)),
            ])
            #expect(bad.status == 422)
            for field in ["title", "start", "timezone", "capacity", "registration_url", "proposer_contact"] {
                #expect(bad.text.contains(#"<p class="error" id="field-\#(field)-error">"#), "\(field)")
            }
            #expect(bad.text.contains(#"value="завтра вечером""#), "values are kept")
            let other = try #require(
                try setup.node.json("list", "communities") as? [[String: Any]]
            ).compactMap { $0["community"] as? String }.first { $0 != setup.community }
            let nobody = try visitor.propose(Self.event(try #require(other), "Без редактора событий"))
            #expect(nobody.status == 422 && nobody.text.contains(#"id="field-community-error""#))
            #expect(try ProposalSiteTests.received(setup.node) == 0)

            var trapped = Self.event(setup.community, "Спам-событие").filter { $0.0 != ProposalFormField.trap }
            trapped.append((ProposalFormField.trap, "https://spam.example"))
            let answer = try visitor.propose(trapped)
            #expect(answer.status == 303 && answer.headers["location"] == "/propose/thanks?kind=event")
            #expect(try ProposalSiteTests.received(setup.node) == 0)
            #expect(try !setup.browser("anna").get("/editor/proposals").text.contains("Спам-событие"))

            // Events and vacancies from one address count against one limit.
            var jobs = ProposalVisitor(setup.serve.api)
            try jobs.open()
            for number in 1...2 {
                #expect(try jobs.propose(ProposalSiteTests.job(setup.community, "Вакансия \(number)")).status == 303)
                #expect(try visitor.propose(Self.event(setup.community, "Событие \(number)")).status == 303)
            }
            let limited = try visitor.propose(Self.event(setup.community, "Шестое"))
            #expect(limited.status == 429 && limited.text.contains("Слишком много предложений"))
            #expect(try ProposalSiteTests.received(setup.node) == 4)
        }
    }

    @Test("Signed out or forged, an event proposal's decision changes nothing; its editor rejects it with a reason")
    func refusesSignedOutAndForged() async throws {
        try await EditorSiteTests.served { setup in
            var visitor = ProposalVisitor(setup.serve.api, kind: "event")
            #expect(try visitor.propose(Self.event(setup.community, "Подделка")).status == 403, "no form token")
            try visitor.open()
            #expect(
                try visitor.propose(Self.event(setup.community, "Подделка"), origin: "http://evil.example").status
                    == 403
            )
            #expect(try ProposalSiteTests.received(setup.node) == 0)
            #expect(try visitor.propose(Self.event(setup.community, "Ждёт редактора")).status == 303)

            try ProposalSiteTests.expectSignedOutSentToSignIn(
                setup,
                posting: Self.event(setup.community, "Чужое") + [("reason", "x")]
            )
            let ivan = try setup.browser("ivan")
            let fields = Self.event(setup.community, "Подделка").filter { $0.0 != "community" }
            #expect(try ivan.post("/editor/proposals/1/approve", fields).status == 403, "no csrf")
            #expect(try ivan.post("/editor/proposals/1/reject", [("reason", "нет")]).status == 403, "no csrf")
            let foreign = try ivan.post(
                "/editor/proposals/1/approve",
                [("csrf", try ivan.formToken())] + fields,
                origin: "http://evil.example"
            )
            #expect(foreign.status == 403)
            #expect(try !EditorMoreSiteTests.events(setup).contains { "\($0)".contains("Подделка") })
            #expect(try ivan.get("/editor/proposals/1").status == 200, "still waiting")

            // With its token, the editor of the community's events rejects it, for a reason.
            let rejected = try ivan.post(
                "/editor/proposals/1/reject",
                [("csrf", try ivan.formToken()), ("reason", "Уже есть такая встреча")]
            )
            #expect(rejected.status == 303 && rejected.headers["location"] == "/editor/proposals?done=rejected")
            #expect(try ivan.get("/editor/proposals").text.contains("Уже есть такая встреча"))
            #expect(try !EditorMoreSiteTests.events(setup).contains { "\($0)".contains("Ждёт редактора") })
            #expect(try ProposalSiteTests.logged(setup.node, "ivan", "proposal.reject", proposal: "1"))
        }
    }
}
