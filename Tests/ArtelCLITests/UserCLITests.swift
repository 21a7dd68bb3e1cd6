import ArtelTestKit
import Foundation
import Testing

/// `artel user`: accounts for the site, run as an operator runs them.
@Suite("CLI: user")
struct UserCLITests {
    static let password = "correct horse battery"

    /// Runs `artel user …` with a line on standard input.
    static func user(_ node: TestNode, stdin: String, _ arguments: String) throws -> ArtelProcess.Result {
        try node.artel.shell("printf '%s\\n' '\(stdin)' | \"$ARTEL\" user \(arguments)")
    }

    /// The accounts as `user list --json` prints them.
    static func accounts(_ node: TestNode) throws -> [[String: Any]] {
        try #require(try node.json("user", "list") as? [[String: Any]])
    }

    @Test("Every bad input is refused with a message that names it, and stores nothing", .timeLimit(.minutes(2)))
    func badInput() async throws {
        try await TestNode.with { node in
            let keysBefore = try node.expectSuccess("keys", "list")
            let cases: [(stdin: String, arguments: String, message: String)] = [
                (Self.password, "add anna --role boss", "--role boss is not a role: editor, moderator or operator"),
                (Self.password, "add 'an na' --role moderator", "an account name uses only letters, digits"),
                (
                    Self.password, "add anna --role editor --community Nowhere --kinds job",
                    "no community is named or starts with \"Nowhere\""
                ),
                (Self.password, "add anna --role editor --kinds job", "an editor needs --community"),
                (Self.password, "add anna --role editor --community tech-leaders", "an editor needs --kinds"),
                (
                    Self.password, "add anna --role editor --community tech-leaders --kinds person",
                    "--kinds person is not a kind an editor writes"
                ),
                (
                    Self.password, "add anna --role moderator --community tech-leaders",
                    "only an editor writes for communities"
                ),
                ("", "add anna --role moderator", "the password is empty; nothing was changed"),
                ("short", "add anna --role moderator", "the password has 5 characters; use at least 10"),
                ("aaaaaaaaaaaa", "add anna --role moderator", "repeats one or two characters"),
                (
                    Self.password, "add anna --role moderator --password-file /nonexistent/file",
                    "cannot read the password file /nonexistent/file"
                ),
                (Self.password, "passwd nobody", "no account is named \"nobody\""),
                (Self.password, "remove nobody", "no account is named \"nobody\""),
                (Self.password, "disable nobody", "no account is named \"nobody\""),
            ]
            for (stdin, arguments, message) in cases {
                let result = try Self.user(node, stdin: stdin, arguments)
                #expect(result.status != 0, "user \(arguments) succeeded")
                #expect(result.error.contains(message), "user \(arguments): \(result.error)")
                #expect(!result.error.contains(Self.password))
            }
            let noStdin = try node.run("user", "add", "anna", "--role", "moderator")
            #expect(noStdin.status == 2)
            #expect(noStdin.error.contains("no password on standard input"))
            #expect(try Self.accounts(node).isEmpty)
            #expect(try node.expectSuccess("keys", "list") == keysBefore, "no author key was made")

            #expect(try Self.user(node, stdin: Self.password, "add anna --role moderator").status == 0)
            let duplicate = try Self.user(node, stdin: Self.password, "add ANNA --role operator")
            #expect(duplicate.status == 2)
            #expect(duplicate.error.contains("an account named \"ANNA\" exists already"))
            #expect(try Self.accounts(node).map { $0["role"] as? String } == ["moderator"])
        }
    }

    @Test("An editor gets an author key the community grants its kinds; the password is never shown")
    func editorGetsAGrantedKey() async throws {
        try await TestNode.with { node in
            let path = "\(node.directory)/anna.password"
            try "\(Self.password)\n".write(toFile: path, atomically: true, encoding: .utf8)
            let added = try node.run(
                "user",
                "add",
                "anna",
                "--role",
                "editor",
                "--community",
                "Tech Leaders Moscow",
                "--kinds",
                "job",
                "--kinds",
                "event",
                "--password-file",
                path
            )
            #expect(added.status == 0, "\(added.error)")
            #expect(added.output.contains("Its writes are signed by the author key user-anna"))
            #expect(added.output.contains("Granted event, job in Tech Leaders Moscow until"))
            #expect(!added.output.contains(Self.password))

            let account = try #require(try Self.accounts(node).first)
            #expect(account["name"] as? String == "anna")
            #expect(account["author_key"] as? String == "user-anna")
            let rights = try #require(account["rights"] as? [[String: Any]])
            #expect(Set(rights.compactMap { $0["kind"] as? String }) == ["job", "event"])
            #expect(Set(rights.compactMap { $0["community_name"] as? String }) == ["Tech Leaders Moscow"])
            #expect(account["password"] == nil)

            let grants = try node.expectSuccess("grants", "tech-leaders")
            #expect(grants.contains("event, job"), "\(grants)")
            // The editor's key writes what it was granted, as any granted author key does.
            _ = try node.expectSuccess(
                "job",
                "post",
                "--community",
                "tech-leaders",
                "--title",
                "Редактор",
                "--author",
                "user-anna"
            )
        }
    }

    @Test("Without the community's key, add says which grant to ask for")
    func editorWithoutTheCommunityKey() async throws {
        try await TestNode.with { node in
            try FileManager.default.removeItem(atPath: "\(node.artel.data)/keys/tech-leaders.key")
            let added = try Self.user(
                node,
                stdin: Self.password,
                "add anna --role editor --community 'Tech Leaders Moscow' --kinds job"
            )
            #expect(added.status == 0, "\(added.error)")
            #expect(added.output.contains("This node does not hold the key of Tech Leaders Moscow"))
            #expect(added.output.contains("artel grant "))
            #expect(added.output.contains("--kinds job --until"))
        }
    }

    @Test("passwd, disable, enable and remove change the account and are audited")
    func lifecycle() async throws {
        try await TestNode.with { node in
            #expect(try Self.user(node, stdin: Self.password, "add boris --role operator").status == 0)
            let weak = try Self.user(node, stdin: "short", "passwd boris")
            #expect(weak.status == 2)
            #expect(
                try Self.user(node, stdin: "another good one", "passwd boris").output.contains("sessions have ended")
            )
            #expect(try node.expectSuccess("user", "disable", "boris").contains("Disabled boris"))
            #expect(try Self.accounts(node).first?["disabled"] as? Bool == true)
            #expect(try node.expectSuccess("user", "enable", "boris").contains("Enabled boris"))
            #expect(try Self.accounts(node).first?["disabled"] as? Bool == false)
            #expect(try node.expectSuccess("user", "remove", "boris").contains("Removed boris"))
            #expect(try Self.accounts(node).isEmpty)
            #expect(try node.expectSuccess("user", "list") == "No accounts.\n")
        }
    }
}
