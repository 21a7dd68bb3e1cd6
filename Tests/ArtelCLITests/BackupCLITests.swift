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
}
