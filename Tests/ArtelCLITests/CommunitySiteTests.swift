import ArtelTestKit
import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The site's community pages, the leaders' network and the node's page, over real HTTP against a
/// real `artel serve` process.
@Suite("Community and node pages")
struct CommunitySiteTests {
    /// The test community's key.
    static func communityKey(_ node: TestNode) throws -> String {
        let communities = try #require(try node.json("list", "communities") as? [[String: Any]])
        let community = try #require(
            communities.first {
                ($0["fields"] as? [String: Any])?["name"] as? String == "Tech Leaders Moscow"
            }
        )
        return try #require(community["community"] as? String)
    }

    /// Records a tie in the test community, public, confirmed by the people `confirmed` names.
    static func tie(
        _ node: TestNode,
        _ from: String,
        _ to: String,
        _ type: String,
        confirmed: (from: Bool, to: Bool) = (true, true)
    ) throws {
        try node.expectSuccess(
            "tie",
            "add",
            "--community",
            "tech-leaders",
            "--from",
            from,
            "--to",
            to,
            "--type",
            type,
            "--from-confirmed",
            "\(confirmed.from)",
            "--to-confirmed",
            "\(confirmed.to)",
            "--visibility",
            "public"
        )
    }

    /// What an SVG document says once parsed as XML: all its text, and the tooltips of its lines.
    struct ParsedSVG {
        var root = ""
        var attributes: [String: String] = [:]
        var text = ""
        var lineTitles: [String] = []
    }

    static func parse(_ svg: String) throws -> ParsedSVG {
        final class Reader: NSObject, XMLParserDelegate {
            var parsed = ParsedSVG()
            var path: [String] = []
            var current = ""

            func parser(
                _ parser: XMLParser,
                didStartElement name: String,
                namespaceURI: String?,
                qualifiedName: String?,
                attributes: [String: String] = [:]
            ) {
                if path.isEmpty {
                    parsed.root = name
                    parsed.attributes = attributes
                }
                path.append(name)
                current = ""
            }

            func parser(_ parser: XMLParser, foundCharacters string: String) {
                current += string
                parsed.text += string
            }

            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?)
            {
                path.removeLast()
                if name == "title", path.last == "line" { parsed.lineTitles.append(current) }
                current = ""
            }
        }
        let reader = Reader()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        #expect(parser.parse(), "the SVG does not parse as XML: \(String(describing: parser.parserError))")
        return reader.parsed
    }

    @Test(
        "A community's page and its network show public leaders and confirmed public ties only, names as text",
        .timeLimit(.minutes(3))
    )
    func leadersAndTies() async throws {
        try await TestNode.with { node in
            let anna = try node.addPerson("Анна Публичная", ["--visibility", "public", "--locality", "Москва"])
            let boris = try node.addPerson("Борис Публичный", ["--visibility", "public"])
            let federated = try node.addPerson("Виктор Федеративный")
            let withheld = try node.addPerson(
                "Галина Без Согласия",
                ["--visibility", "public", "--consent-memberships", "false"]
            )
            let noTies = try node.addPerson("Дарья Без Связей", ["--visibility", "public", "--consent-ties", "false"])
            let script = try node.addPerson("<script>alert(1)</script> Евгений", ["--visibility", "public"])
            for person in [anna, boris, federated, withheld, noTies, script] {
                _ = try node.addPublicMembership(of: person)
            }
            try Self.tie(node, anna, boris, "mentors")
            try Self.tie(node, anna, script, "collaborates")
            try Self.tie(node, anna, federated, "collaborates")
            try Self.tie(node, boris, script, "co_organizes", confirmed: (true, false))
            try Self.tie(node, anna, noTies, "referred")
            let key = try Self.communityKey(node)

            let serve = try ServeProcess(node.artel)
            defer { serve.stop() }
            let page = try HTTPClient.request("GET", "\(serve.api)/communities/\(key)", headers: ["Cookie": "lang=ru"])
            #expect(page.status == 200)
            let html = page.text
            for shown in [
                "Анна Публичная", "Борис Публичный", "Дарья Без Связей",
                "&lt;script&gt;alert(1)&lt;/script&gt; Евгений",
            ] {
                #expect(html.contains(shown), "the page lacks \(shown)")
            }
            for hidden in ["Виктор", "Галина", "<script>alert(1)"] {
                #expect(!html.contains(hidden), "the page shows \(hidden)")
            }
            #expect(html.contains("<img src=\"/communities/\(key)/network.svg\""))
            #expect(html.contains("Наставничество: Анна Публичная → Борис Публичный"))
            #expect(!html.contains("Совместная организация"), "an unconfirmed tie is listed")

            let picture = try HTTPClient.request("GET", "\(serve.api)/communities/\(key)/network.svg")
            #expect(picture.status == 200)
            #expect(picture.headers["content-type"]?.hasPrefix("image/svg+xml") == true)
            #expect(!picture.text.contains("<script>"))
            let svg = try Self.parse(picture.text)
            #expect(svg.root == "svg" && svg.attributes["role"] == "img" && svg.attributes["aria-label"] != nil)
            #expect(svg.text.contains("<script>alert(1)</script> Евгений"), "the name is not text in the SVG")
            #expect(svg.text.contains("Дарья Без Связей"))
            #expect(!svg.text.contains("Виктор") && !svg.text.contains("Галина"))
            #expect(svg.lineTitles.filter { !$0.isEmpty }.count == 2, "\(svg.lineTitles)")

            let list = try HTTPClient.request("GET", "\(serve.api)/communities?lang=ru").text
            #expect(list.contains("4 публичных лидера"))

            let federation = try HTTPClient.request("GET", "\(serve.api)/communities/network.svg")
            #expect(federation.status == 200)
            let whole = try Self.parse(federation.text)
            #expect(!whole.text.contains("Виктор") && !whole.text.contains("Галина") && !whole.text.contains("Дарья"))
            #expect(whole.lineTitles.count == 2)
        }
    }

    @Test("The list finds public communities by name; one that is not public has neither a card nor a page")
    func searchByName() async throws {
        try await TestNode.with { node in
            try node.expectSuccess(
                "community",
                "create",
                "--name",
                "Клуб аналитиков",
                "--kind",
                "club",
                "--key-name",
                "club"
            )
            try node.expectSuccess(
                "community",
                "create",
                "--name",
                "Закрытый круг",
                "--visibility",
                "federation",
                "--key-name",
                "closed"
            )
            let closed = try #require(
                (try node.json("list", "communities") as? [[String: Any]])?.first {
                    ($0["fields"] as? [String: Any])?["name"] as? String == "Закрытый круг"
                }?["community"] as? String
            )
            let serve = try ServeProcess(node.artel)
            defer { serve.stop() }
            let all = try HTTPClient.request("GET", "\(serve.api)/communities?lang=en").text
            #expect(all.contains("Tech Leaders Moscow") && all.contains("Клуб аналитиков") && all.contains(">club<"))
            #expect(!all.contains("Закрытый"))
            let found = try HTTPClient.request("GET", "\(serve.api)/communities?lang=en&q=%D0%BA%D0%BB%D1%83%D0%B1")
                .text
            #expect(found.contains("Клуб аналитиков") && !found.contains("Tech Leaders Moscow"))
            #expect(found.contains("1 community found"))
            let hidden = try HTTPClient.request("GET", "\(serve.api)/communities/\(closed)")
            #expect(hidden.status == 404)
        }
    }

    @Test("Every text a community carries renders as text wherever the site names it", .timeLimit(.minutes(2)))
    func escaping() async throws {
        try await TestNode.with(community: false) { node in
            let attack = "<script>alert(1)</script>"
            try node.expectSuccess(
                "community",
                "create",
                "--name",
                attack,
                "--description",
                attack,
                "--area",
                attack,
                "--topics",
                attack,
                "--links",
                "https://example.org/?q=</script><script>alert(2)</script>",
                "--contact",
                attack,
                "--language",
                "ru",
                "--key-name",
                "hostile"
            )
            let output = try node.artel.run(["job", "post", "--community", "hostile", "--title", "Вакансия"])
            #expect(output.status == 0)
            let key = try #require(
                (try node.json("list", "communities") as? [[String: Any]])?.first?["community"] as? String
            )
            let serve = try ServeProcess(node.artel)
            defer { serve.stop() }
            for path in [
                "/", "/communities", "/communities/\(key)", "/market", "/events", "/events/calendar", "/embed/jobs",
                "/communities/\(key)/network.svg",
            ] {
                let page = try HTTPClient.request("GET", "\(serve.api)\(path)")
                #expect(page.status == 200, "\(path)")
                #expect(!page.text.contains("<script>alert("), "\(path)")
                #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(path) names the community")
            }
            // The code to embed its lists and the calendar link name the node as the visitor reached it.
            let profile = try HTTPClient.request("GET", "\(serve.api)/communities/\(key)").text
            #expect(
                profile.contains(
                    "&lt;iframe src=&quot;http://127.0.0.1:\(serve.apiPort)/embed/jobs?community=\(key)&quot;"
                )
            )
            #expect(profile.contains("webcal://127.0.0.1:\(serve.apiPort)/feeds/events.ics?community=\(key)"))
        }
    }

    @Test("An address without a community key is a clear 400 page; an unknown key is a 404 page")
    func badAddresses() async throws {
        try await TestNode.with { node in
            let serve = try ServeProcess(node.artel)
            defer { serve.stop() }
            let unknown = String(repeating: "ab", count: 32)
            for path in ["/communities/\(unknown)", "/communities/\(unknown)/network.svg"] {
                let response = try HTTPClient.request("GET", "\(serve.api)\(path)?lang=en")
                #expect(response.status == 404, "\(path)")
                #expect(response.text.contains("This node does not know that community"), "\(path)")
            }
            for path in ["/communities/xyz", "/communities/%3Cb%3E", "/communities/\(unknown)00/network.svg"] {
                let response = try HTTPClient.request("GET", "\(serve.api)\(path)?lang=en")
                #expect(response.status == 400, "\(path)")
                #expect(response.text.contains("is not a community key: a key is 64 hexadecimal digits"), "\(path)")
                #expect(response.headers["content-type"]?.hasPrefix("text/html") == true)
                #expect(!response.text.contains("<b>"))
            }
        }
    }

    @Test("The node's page names the node, its version, its peers and its API, and no secret")
    func nodePage() async throws {
        try await TestNode.with { node in
            let peer = String(repeating: "5a", count: 32)
            try node.expectSuccess("peer", "add", "127.0.0.1:9", peer)
            let serve = try ServeProcess(node.artel)
            defer { serve.stop() }
            let response = try HTTPClient.request("GET", "\(serve.api)/node?lang=en")
            #expect(response.status == 200)
            let html = response.text
            let nodeKey = try node.nodeKey()
            #expect(html.contains("test-node") && html.contains(nodeKey))
            #expect(html.contains(peer) && html.contains("127.0.0.1:9"))
            #expect(html.contains("id=\"api\"") && html.contains("/api/v1") && html.contains("/health"))
            #expect(html.contains("Tech Leaders Moscow"))
            let token = try String(contentsOfFile: "\(node.artel.data)/api.token", encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(!html.contains(token))
            #expect(!html.contains(node.artel.data))
        }
    }

    @Test(
        "Across federation, a peer's community has its page with its public leaders only, and the node's page shows the peer connected",
        .timeLimit(.minutes(5))
    )
    func federated() async throws {
        try await withNetwork(2) { nodes in
            let (origin, reader) = (nodes[0], nodes[1])
            let shown = try TestNode.createdID(
                origin.expectSuccess(
                    "person",
                    "add",
                    "--community",
                    "own",
                    "--display-name",
                    "Ирина Публичная",
                    "--visibility",
                    "public"
                )
            )
            let federated = try TestNode.createdID(
                origin.expectSuccess("person", "add", "--community", "own", "--display-name", "Олег Федеративный")
            )
            for person in [shown, federated] {
                try origin.expectSuccess(
                    "membership",
                    "add",
                    "--person",
                    person,
                    "--community",
                    "own",
                    "--roles",
                    "leader",
                    "--visibility",
                    "public"
                )
            }
            try origin.expectSuccess(
                "tie",
                "add",
                "--community",
                "own",
                "--from",
                shown,
                "--to",
                federated,
                "--type",
                "mentors",
                "--from-confirmed",
                "true",
                "--to-confirmed",
                "true",
                "--visibility",
                "public"
            )
            let communities = try #require(try origin.json("list", "communities") as? [[String: Any]])
            let key = try #require(communities.first?["community"] as? String)
            let source = try ServeProcess(origin.artel)
            defer { source.stop() }
            try reader.expectSuccess("peer", "add", source.address, try origin.nodeKey())
            let served = try ServeProcess(reader.artel)
            defer { served.stop() }
            let originKey = try origin.nodeKey()
            #expect(
                try await eventually {
                    let page = try HTTPClient.request("GET", "\(served.api)/node?lang=en").text
                    return page.contains(originKey) && page.contains("<dd>yes</dd>")
                },
                "\(serveLogs(nodes))"
            )
            #expect(
                try await eventually {
                    try HTTPClient.request("GET", "\(served.api)/communities/\(key)").text.contains("Ирина Публичная")
                },
                "\(serveLogs(nodes))"
            )
            // Олег reached the reader too (federation visibility), yet no page or picture shows him.
            #expect(try reader.expectSuccess("list", "people").contains("Олег Федеративный"))
            let page = try HTTPClient.request("GET", "\(served.api)/communities/\(key)").text
            #expect(!page.contains("Олег"))
            let picture = try Self.parse(
                try HTTPClient.request("GET", "\(served.api)/communities/\(key)/network.svg").text
            )
            #expect(picture.text.contains("Ирина Публичная") && !picture.text.contains("Олег"))
            #expect(picture.lineTitles.isEmpty)
        }
    }
}
