import ArtelTestKit
import Foundation
import Testing

/// The setup of the tests that follow an editor's write from the site to a partner node's board:
/// two served nodes, the second a peer of the first and following its community, and `anna`, an
/// editor of the first node's community, signed in on its site.
enum EditorPartners {
    /// Runs `body` with the nodes, their servers, anna's browser and the community's key in hex.
    static func with(
        _ body: (_ nodes: [TestNode], _ servers: [ServeProcess], _ anna: SiteBrowser, _ community: String)
            async throws -> Void
    ) async throws {
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
            var anna = SiteBrowser(servers[0].api)
            #expect(try anna.signIn("anna", EditorSiteTests.password).status == 303)
            let community = try communityOption(in: try anna.get("/editor/jobs/new").text)
            try await body(nodes, servers, anna, community)
        }
    }

    /// The first community a page's form offers, as its key in hex.
    static func communityOption(in page: String) throws -> String {
        try #require(
            page.range(of: #"option value="[0-9a-f]{64}""#, options: .regularExpression).map {
                String(page[$0].dropFirst(#"option value=""#.count).dropLast())
            }
        )
    }
}
