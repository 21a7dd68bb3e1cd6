import ArtelTestKit
import Foundation
import Testing

@Suite("artel backup and restore", .serialized)
struct BackupCLITests {
    @Test("A backup taken while the node serves restores after it stops; restoring under a serving node is refused")
    func backupWhileServing() async throws {
        try await TestNode.with { node in
            try node.expectSuccess("job", "post", "--community", "Tech Leaders Moscow", "--title", "Комьюнити-менеджер")
            let server = try ServeProcess(node.artel)
            let backup = "\(node.directory)/backup.sqlite"
            #expect(try node.expectSuccess("backup", backup).contains("Keys are not in it"))
            let again = try node.run("backup", backup)
            #expect(again.status != 0 && again.error.contains("already exists"))
            let refused = try node.run("restore", backup)
            #expect(refused.status != 0 && refused.error.contains("stop it before restoring"), "\(refused.error)")
            try node.expectSuccess("job", "post", "--community", "Tech Leaders Moscow", "--title", "Модератор чата")
            #expect(server.stop() == 0)

            let restored = try node.expectSuccess("restore", backup)
            #expect(restored.contains("kept as"))
            let jobs = try node.expectSuccess("list", "jobs")
            #expect(jobs.contains("Комьюнити-менеджер") && !jobs.contains("Модератор чата"))
            try node.expectSuccess("check")
        }
    }

    @Test("Private records stay out of exports unless asked for; exports and backups are readable by their owner only")
    func privateDataStaysHome() async throws {
        try await TestNode.with { node in
            _ = try node.addPerson(
                "Анна Скрытная",
                ["--contacts", "email:anna@example.org", "--visibility", "private"]
            )
            _ = try node.addPerson("Илья Открытый")
            func mode(_ path: String) throws -> Int {
                try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) & 0o777
            }
            func holdsSecret(_ path: String) throws -> Bool {
                try Data(contentsOf: URL(fileURLWithPath: path)).range(of: Data("anna@example.org".utf8)) != nil
            }
            let plain = "\(node.directory)/plain.deltas"
            let exported = try node.run("export", "--output", plain)
            #expect(exported.status == 0 && !exported.error.contains("private"), "\(exported.error)")
            #expect(try !holdsSecret(plain) && (try mode(plain)) == 0o600)
            let everything = "\(node.directory)/everything.deltas"
            let withPrivate = try node.run("export", "--include-private", "--output", everything)
            #expect(withPrivate.status == 0 && withPrivate.error.contains("private records too"))
            #expect(try holdsSecret(everything) && (try mode(everything)) == 0o600)
            let backup = "\(node.directory)/node.backup"
            try node.expectSuccess("backup", backup)
            #expect(try mode(backup) == 0o600)
            let misused = try node.run(
                "export",
                "--format",
                "csv",
                "--include-private",
                "--output",
                "\(node.directory)/x.csv"
            )
            #expect(misused.status == 2 && misused.error.contains("--include-private goes with --format deltas"))
        }
    }

    @Test("The node refuses to start on a bad artel.toml and says why; config check explains every mistake")
    func badConfig() async throws {
        try await TestNode.with { node in
            let path = "\(node.artel.data)/artel.toml"
            try "[node]\nlisten = \"10.0.0.1:99999\"\nmax_connections = 0\n".write(
                toFile: path,
                atomically: true,
                encoding: .utf8
            )
            let check = try node.run("config", "check")
            #expect(check.status != 0 && check.error.contains("line 2: listen must be host:port"), "\(check.error)")
            #expect(check.error.contains("line 3: max_connections must be a whole number"))
            let serve = try node.run("serve", "--listen", "127.0.0.1:0")
            #expect(
                serve.status != 0 && serve.error.contains("will not start") && serve.error.contains("line 3"),
                "\(serve.error)"
            )
            let networkKey = String(repeating: "5d", count: 32)
            try "[node]\nmax_connections = 8\nnetwork_key = \"\(networkKey)\"\n".write(
                toFile: path,
                atomically: true,
                encoding: .utf8
            )
            let sound = try node.expectSuccess("config", "check")
            #expect(sound.contains("max_connections = 8") && sound.contains("network_key = \"<64 hex digits, set"))
            #expect(!sound.contains(networkKey), "config check must not print the network key")
            let flag = try node.run("serve", "--max-connections", "0")
            #expect(
                flag.status != 0 && flag.error.contains("--max-connections must be a whole number"),
                "\(flag.error)"
            )
            for (option, value) in [("--api", "http://127.0.0.1:7480"), ("--listen", "127.0.0.1")] {
                let address = try node.run("serve", option, value)
                #expect(address.status != 0 && address.error.contains("port written out"), "\(address.error)")
            }
        }
    }
}
