import ArtelTestKit
import Foundation
import Testing

@Suite("artel grant, revoke, grants, quarantine and keys sign-request", .serialized)
struct TrustCLITests {
    /// The id at the end of the first line, as `Granted … : grant <id>` prints it.
    static func grantID(_ output: String) -> String {
        String(output.split(separator: "\n")[0].split(separator: " ").last!)
    }

    @Test("A granted author posts the kinds it was given, delegates narrower rights, and stops when revoked")
    func grantAndRevoke() async throws {
        try await TestNode.with { node in
            try node.expectSuccess("keys", "new", "editor", "--role", "author")
            try node.expectSuccess("keys", "new", "volunteer", "--role", "author")
            let granted = try node.expectSuccess(
                "grant",
                "Tech Leaders Moscow",
                "editor",
                "--kinds",
                "job",
                "--kinds",
                "event",
                "--until",
                "2027-06-01",
                "--delegate"
            )
            let editorGrant = Self.grantID(granted)
            try node.expectSuccess(
                "job",
                "post",
                "--community",
                "Tech Leaders Moscow",
                "--title",
                "Комьюнити-менеджер",
                "--author",
                "editor"
            )
            let digest = try node.run(
                "digest",
                "create",
                "--community",
                "Tech Leaders Moscow",
                "--title",
                "Дайджест",
                "--author",
                "editor"
            )
            #expect(digest.status != 0 && digest.error.contains("not digest"), "\(digest.error)")

            let wider = try node.run(
                "grant",
                "Tech Leaders Moscow",
                "volunteer",
                "--kinds",
                "job",
                "--until",
                "2027-12-01",
                "--author",
                "editor"
            )
            #expect(wider.status != 0 && wider.error.contains("holds no grant"), "\(wider.error)")
            let delegated = Self.grantID(
                try node.expectSuccess(
                    "grant",
                    "Tech Leaders Moscow",
                    "volunteer",
                    "--kinds",
                    "job",
                    "--until",
                    "2027-05-01",
                    "--author",
                    "editor"
                )
            )
            let grants = try node.expectSuccess("grants", "Tech Leaders Moscow")
            #expect(grants.contains("under grant \(editorGrant)") && grants.contains("volunteer"))

            try node.expectSuccess("revoke", String(delegated.prefix(20)), "--reason", "left the team")
            #expect(try node.expectSuccess("grants", "Tech Leaders Moscow").contains("revoked from"))
            let after = try node.run(
                "job",
                "post",
                "--community",
                "Tech Leaders Moscow",
                "--title",
                "x",
                "--author",
                "volunteer"
            )
            #expect(after.status != 0 && after.error.contains("revoked"), "\(after.error)")
            #expect(try node.expectSuccess("list", "jobs").contains("Комьюнити-менеджер"))
            try node.expectSuccess("check")
        }
    }

    @Test("A grant is prepared on the serving node, signed where the community key is kept, and imported")
    func offlineSigning() async throws {
        try await TestNode.with { node in
            let keyFile = "\(node.directory)/community.key"
            try node.expectSuccess("keys", "export", "tech-leaders", "--output", keyFile)
            let vault = TestNode(artel: ArtelProcess(data: "\(node.directory)/vault"), directory: node.directory)
            try vault.expectSuccess("init", "--name", "vault")
            try vault.expectSuccess("keys", "import", keyFile)

            let author = "1111111111111111111111111111111111111111111111111111111111111111"
            let request = "\(node.directory)/grant.request"
            try node.expectSuccess(
                "grant",
                "Tech Leaders Moscow",
                author,
                "--kinds",
                "job",
                "--until",
                "2027-01-01",
                "--request",
                request
            )
            #expect(try node.expectSuccess("grants", "Tech Leaders Moscow").contains("has given no grants"))

            let signed = "\(node.directory)/grant.delta"
            let signing = try vault.artel.run(["keys", "sign-request", request, "--output", signed])
            #expect(
                signing.status == 0 && signing.error.contains("grant to 1111111111111111… of job"),
                "\(signing.error)"
            )
            try node.expectSuccess("apply", signed)
            #expect(try node.expectSuccess("grants", "Tech Leaders Moscow").contains("valid"))

            // A request tampered with, or signed by another key, is refused with a reason.
            try Data("ARTEL-SIGNING-REQUEST/1\nzz\n".utf8).write(
                to: URL(fileURLWithPath: "\(node.directory)/bad.request")
            )
            let bad = try vault.artel.run(["keys", "sign-request", "\(node.directory)/bad.request"])
            #expect(bad.status != 0 && bad.error.contains("not a signing request"), "\(bad.error)")
            try vault.expectSuccess("keys", "new", "other", "--role", "author")
            let wrongKey = try vault.artel.run(["keys", "sign-request", request, "--key", "other"])
            #expect(wrongKey.status != 0 && wrongKey.error.contains("not by this key"), "\(wrongKey.error)")
        }
    }

    @Test("Deltas of an author with no grant wait in quarantine, listed with the reason, until a grant arrives")
    func quarantine() async throws {
        try await TestNode.with { node in
            // The editor writes on another node that holds a grant the first node has not seen.
            let other = TestNode(artel: ArtelProcess(data: "\(node.directory)/other"), directory: node.directory)
            try other.expectSuccess("init", "--name", "other")
            try other.expectSuccess("follow", "--every-community")
            let keyFile = "\(node.directory)/community.key"
            try node.expectSuccess("keys", "export", "tech-leaders", "--output", keyFile)
            try other.expectSuccess("keys", "import", keyFile)
            try other.expectSuccess("apply", "--quiet", try Self.exportTo(node, "community.deltas"))
            try other.expectSuccess("keys", "new", "editor", "--role", "author")
            try other.expectSuccess("grant", "Tech Leaders Moscow", "editor", "--kinds", "job", "--until", "2027-06-01")
            try other.expectSuccess(
                "job",
                "post",
                "--community",
                "Tech Leaders Moscow",
                "--title",
                "Ведущий митапов",
                "--author",
                "editor"
            )
            let jobsOnly = "\(node.directory)/jobs.deltas"
            try other.expectSuccess("export", "--output", jobsOnly, "--kinds", "job")
            let applied = try node.expectSuccess("apply", jobsOnly)
            #expect(applied.contains("1 wait in quarantine"), "\(applied)")
            let waiting = try node.expectSuccess("quarantine")
            #expect(waiting.contains("job") && waiting.contains("no grant"), "\(waiting)")
            #expect(!(try node.expectSuccess("list", "jobs")).contains("Ведущий митапов"))

            try node.expectSuccess("apply", try Self.exportTo(other, "all.deltas"))
            #expect(try node.expectSuccess("list", "jobs").contains("Ведущий митапов"))
            #expect(try node.expectSuccess("quarantine").contains("No delta waits"))
            try node.expectSuccess("check")
        }
    }

    @Test("Bad grant commands say what to fix and change nothing")
    func badInput() async throws {
        try await TestNode.with { node in
            try node.expectSuccess("keys", "new", "editor", "--role", "author")
            let before = try node.exported()
            let cases: [([String], String)] = [
                (["grant", "Tech Leaders Moscow", "editor", "--until", "2027-01-01"], "at least one kind"),
                (
                    ["grant", "Tech Leaders Moscow", "editor", "--kinds", "grant", "--until", "2027-01-01"],
                    "not a kind one can be granted"
                ),
                (
                    ["grant", "Tech Leaders Moscow", "editor", "--kinds", "job", "--until", "2028-06-01"],
                    "at most a year"
                ),
                (
                    ["grant", "Tech Leaders Moscow", "nobody", "--kinds", "job", "--until", "2027-01-01"],
                    "no key named"
                ),
                (
                    [
                        "grant", "Tech Leaders Moscow", "editor", "--kinds", "job", "--from", "2027-02-01", "--until",
                        "2027-01-01",
                    ], "before --from"
                ),
                (["revoke", "ffff"], "no grant has an id"),
                (
                    [
                        "grant", "Tech Leaders Moscow", "editor", "--kinds", "job", "--until", "2027-01-01", "--under",
                        "01",
                    ], "--author"
                ),
            ]
            for (arguments, message) in cases {
                let result = try node.artel.run(arguments)
                #expect(result.status != 0, "\(arguments)")
                #expect(result.error.contains(message), "\(arguments): \(result.error)")
            }
            #expect(try node.exported() == before)
        }
    }

    static func exportTo(_ node: TestNode, _ name: String) throws -> String {
        let path = "\(node.directory)/\(UUID().uuidString)-\(name)"
        try node.expectSuccess("export", "--output", path)
        return path
    }

    @Test("block, blocks, unblock and hide, as an operator uses them; refused counts per source and reason")
    func moderation() async throws {
        try await TestNode.with { node in
            let posted = try node.expectSuccess(
                "job",
                "post",
                "--community",
                "Tech Leaders Moscow",
                "--title",
                "Модератор чата"
            )
            let id = TestNode.createdID(posted)
            try node.expectSuccess("hide", String(id.prefix(12)))
            #expect(try node.expectSuccess("list", "jobs").contains("No job records match"))
            try node.expectSuccess("hide", String(id.prefix(12)), "--undo")
            #expect(try node.expectSuccess("list", "jobs").contains("Модератор чата"))

            let exported = try Self.exportTo(node, "before-block.deltas")
            let blocked = try node.expectSuccess("block", "community", "Tech Leaders Moscow", "--reason", "test")
            #expect(blocked.contains("2 of its deltas purged"), "\(blocked)")
            #expect(try node.expectSuccess("blocks").contains("community"))
            let again = try node.run("apply", exported)
            #expect(again.status == 1 && again.output.contains("blocked"))
            let refused = try node.expectSuccess("refused")
            #expect(refused.contains("by reason") && refused.contains("blocked"), "\(refused)")
            #expect(try node.expectSuccess("refused", "--peer", "abcd").contains("No delta from peer abcd"))

            let blocks = try node.expectSuccess("blocks")
            let key = String(blocks.split(separator: " ")[1].prefix(10))
            try node.expectSuccess("unblock", key)
            #expect(try node.expectSuccess("apply", exported).contains("2 accepted"))

            let beforeBadInput = try node.exported()
            for (arguments, message) in [
                (["block", "person", "x"], "neither author nor community"),
                (["unblock", "ffff"], "no blocked key"),
                (["refused", "--peer", "zz"], "start of a node key"),
                (["hide", "ffff"], "no record has an id"),
            ] {
                let result = try node.artel.run(arguments)
                #expect(result.status != 0 && result.error.contains(message), "\(arguments): \(result.error)")
            }
            #expect(try node.exported() == beforeBadInput)
        }
    }

    @Test(
        "person export writes everything held about a person, hidden memberships included, as JSON only its owner reads"
    )
    func personExport() async throws {
        try await TestNode.with { node in
            let anna = TestNode.createdID(
                try node.expectSuccess(
                    "person",
                    "add",
                    "--community",
                    "tech-leaders",
                    "--display-name",
                    "Анна Смирнова"
                )
            )
            let membership = try node.expectSuccess(
                "membership",
                "add",
                "--person",
                anna,
                "--community",
                "tech-leaders",
                "--roles",
                "leader"
            )
            let membershipID = String(membership.split(separator: "\n")[0].split(separator: " ").last!)
            try node.expectSuccess("hide", String(membershipID.prefix(16)))
            let file = "\(node.directory)/anna.json"
            try node.expectSuccess("person", "export", String(anna.prefix(12)), "--output", file)
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any]
            )
            let person = try #require(document["person"] as? [String: Any])
            #expect(person["id"] as? String == anna)
            #expect((document["deltas"] as? [[String: Any]])?.count == 1)
            #expect((document["memberships"] as? [[String: Any]])?.count == 1)
            #expect((document["ties"] as? [Any])?.isEmpty == true)
            let again = try node.run("person", "export", anna, "--output", file)
            #expect(again.status != 0 && again.error.contains("already exists"))
        }
    }
}
