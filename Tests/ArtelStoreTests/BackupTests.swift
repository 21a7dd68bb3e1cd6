import ArtelCore
import ArtelStore
import ArtelTestKit
import Foundation
import GRDB
import Testing

@Suite("Backup and restore")
struct BackupTests {
    @Test(
        "A backup taken while the replica is being written restores to a sound replica holding a whole prefix of the writes"
    )
    func backupWhileWriting() async throws {
        try await TestFiles.withTemporaryDirectory { directory in
            let (data, _, replica) = try DataDirectory.initialize(at: "\(directory)/node", nodeName: "node")
            let factory = DeltaFactory()
            let batches = (0..<20).map { batch in (0..<500).map { factory.job(UInt64(batch * 500 + $0)) } }
            // The backup starts once the first batch is stored, while the others are being written.
            let (stored, storedInput) = AsyncStream.makeStream(of: Void.self)
            let writing = Task {
                defer { storedInput.finish() }
                for batch in batches {
                    _ = try await replica.apply(batch.map(\.bytes), now: DeltaFactory.epoch, source: "test")
                    storedInput.yield()
                }
            }
            for await _ in stored { break }
            _ = try await replica.backup(to: "\(directory)/backup.sqlite")
            try await writing.value
            let all = try await ReplicaSnapshot(replica).keptIDs
            try replica.close()

            let kept = try await Replica.restore("\(directory)/backup.sqlite", into: data, now: 1)
            #expect(FileManager.default.fileExists(atPath: kept))
            let restored = try data.openReplica()
            #expect(try await restored.check().problems == [])
            let ids = try await ReplicaSnapshot(restored).keptIDs
            #expect(ids.isSubset(of: all) && ids.count % 500 == 0, "whole batches: \(ids.count)")
            try restored.close()
        }
    }

    @Test(
        "A damaged backup, a file that is no replica, and a backup from a newer Artel are refused, and the replica stays"
    )
    func refusals() async throws {
        try await TestFiles.withTemporaryDirectory { directory in
            let (data, _, replica) = try DataDirectory.initialize(at: "\(directory)/node", nodeName: "node")
            _ = try await replica.apply([DeltaFactory().job(1).bytes], now: DeltaFactory.epoch, source: "test")
            _ = try await replica.backup(to: "\(directory)/newer.sqlite")
            _ = try await replica.backup(to: "\(directory)/damaged.sqlite")
            let before = try await ReplicaSnapshot(replica)
            try replica.close()

            try Data("not a database".utf8).write(to: URL(fileURLWithPath: "\(directory)/garbage.sqlite"))
            let newer = try DatabaseQueue(path: "\(directory)/newer.sqlite")
            try await newer.write {
                try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('2099-01-01 future')")
            }
            try newer.close()
            let damaged = try DatabaseQueue(path: "\(directory)/damaged.sqlite")
            try await damaged.write { try $0.execute(sql: "UPDATE deltas SET bytes = x'00'") }
            try damaged.close()

            for (file, message) in [
                ("garbage.sqlite", "is not an Artel replica backup"), ("newer.sqlite", "newer version of Artel"),
                ("damaged.sqlite", "is damaged"), ("missing.sqlite", "cannot read"),
            ] {
                await #expect {
                    _ = try await Replica.restore("\(directory)/\(file)", into: data, now: 1)
                } throws: { error in
                    (error as? StoreError)?.message.contains(message) == true
                }
            }
            let reopened = try data.openReplica()
            #expect(try await ReplicaSnapshot(reopened) == before)
            try reopened.close()
            #expect(!FileManager.default.fileExists(atPath: data.replicaPath + ".restoring"))
        }
    }
}
