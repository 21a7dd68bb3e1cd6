import ArtelCore
import ArtelStore
import ArtelTestKit
import Foundation
import GRDB
import Testing

@Suite("Opening replicas and data directories")
struct ReplicaFileTests {
    @Test("A file that is not SQLite is refused as corrupt, with what to do, and is not changed")
    func corruptFile() async throws {
        try await TestFiles.withTemporaryDirectory { directory in
            let path = "\(directory)/artel.sqlite"
            let garbage = Data(repeating: 0x5a, count: 8_192)
            _ = FileManager.default.createFile(atPath: path, contents: garbage)
            let error = try #require(throws: StoreError.self) { try Replica.open(at: path) }
            #expect(error.code == .corruptReplica)
            #expect(error.message.contains("restore a backup"))
            #expect(FileManager.default.contents(atPath: path) == garbage)
        }
    }

    @Test("A replica written by a newer version is refused and left as it was")
    func newerVersion() async throws {
        try await TestFiles.withTemporaryDirectory { directory in
            let path = "\(directory)/artel.sqlite"
            try Replica.create(at: path).close()
            let queue = try DatabaseQueue(path: path)
            try await queue.write {
                try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('2099-01-01 from the future')")
            }
            try queue.close()
            let error = try #require(throws: StoreError.self) { try Replica.open(at: path) }
            #expect(error.code == .newerReplica && error.message.contains("upgrade artel"))
            let identifiers = try await DatabaseQueue(path: path).read {
                try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations")
            }
            #expect(identifiers.contains("2099-01-01 from the future"))
        }
    }

    @Test("An empty file, or an SQLite database without tables, is refused and stays as it was")
    func emptyFile() async throws {
        try await TestFiles.withTemporaryDirectory { directory in
            let path = "\(directory)/artel.sqlite"
            _ = FileManager.default.createFile(atPath: path, contents: Data())
            let error = try #require(throws: StoreError.self) { try Replica.open(at: path) }
            #expect(error.code == .corruptReplica && error.message.contains("is empty"), "\(error)")
            #expect(FileManager.default.contents(atPath: path) == Data())
            let bare = "\(directory)/bare.sqlite"
            try DatabaseQueue(path: bare).write { try $0.execute(sql: "PRAGMA user_version = 1") }
            let bareError = try #require(throws: StoreError.self) { try Replica.open(at: bare) }
            #expect(bareError.code == .corruptReplica && bareError.message.contains("not an Artel replica"))
        }
    }

    @Test("An SQLite database that is not a replica is refused")
    func foreignDatabase() async throws {
        try await TestFiles.withTemporaryDirectory { directory in
            let path = "\(directory)/other.sqlite"
            try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE notes (text TEXT)") }
            let error = try #require(throws: StoreError.self) { try Replica.open(at: path) }
            #expect(error.code == .corruptReplica && error.message.contains("not an Artel replica"))
        }
    }

    @Test("A data directory that is missing, a file, or holds no replica is refused with the command to make one")
    func notADataDirectory() async throws {
        try await TestFiles.withTemporaryDirectory { directory in
            for path in ["\(directory)/missing", "\(directory)/file", directory] {
                if path.hasSuffix("file") { _ = FileManager.default.createFile(atPath: path, contents: Data("x".utf8)) }
                let error = try #require(throws: StoreError.self) { try DataDirectory.open(at: path) }
                #expect(error.code == .notADataDirectory, "\(path)")
            }
            let error = try #require(throws: StoreError.self) { try DataDirectory.open(at: "\(directory)/missing") }
            #expect(error.message.contains("artel init"))
        }
    }

    @Test("A new data directory holds a private node key and a replica that reopens; a second init is refused")
    func initialize() async throws {
        try await TestFiles.withTemporaryDirectory { directory in
            let path = "\(directory)/node"
            let (data, key, replica) = try DataDirectory.initialize(at: path, nodeName: "тест")
            #expect(try await replica.nodeName() == "тест")
            try replica.close()
            #expect(try data.nodeKey() == key)
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
            #expect(mode & 0o077 == 0)
            #expect(throws: StoreError.self) { try DataDirectory.initialize(at: path, nodeName: "again") }
            try DataDirectory.open(at: path).openReplica().close()
        }
    }

    @Test("Every registered field of a materialized kind is either a column or deliberately left to the deltas")
    func materializedColumns() async throws {
        try await TestFiles.withTemporaryDirectory { directory in
            try Replica.create(at: "\(directory)/artel.sqlite").close()
            let queue = try DatabaseQueue(path: "\(directory)/artel.sqlite")
            for table in MaterializedTable.all {
                let columns = try await queue.read { try $0.columns(in: table.name).map(\.name) }
                #expect(columns == MaterializedTable.metaColumns + table.columns.map(\.name), "\(table.name)")
            }
        }
    }
}
