import ArtelCore
import CSQLiteConfig
import Foundation
import GRDB

/// The node's SQLite replica: kept deltas, the records materialized from them, and the refusal log.
///
/// The file is in WAL mode with `synchronous = NORMAL`: a crash or kill never leaves it inconsistent
/// (every batch is one transaction), and readers never wait for the writer. Every write goes through
/// one serial writer; reads run concurrently.
public final class Replica: Sendable {
    /// The path of the SQLite file.
    public let path: String
    /// Whether this process may only read the replica (see ``open(at:)``).
    public let isReadOnly: Bool
    let pool: DatabasePool

    private init(path: String, pool: DatabasePool, isReadOnly: Bool = false) {
        self.path = path
        self.pool = pool
        self.isReadOnly = isReadOnly
    }

    /// Creates a new, empty replica.
    ///
    /// - Parameter path: where the SQLite file goes; nothing may exist there.
    /// - Throws: ``StoreError`` when the file exists or cannot be created.
    public static func create(at path: String) throws -> Replica {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw StoreError(.alreadyInitialized, "a replica already exists at \(path)")
        }
        try setPageSize(path)
        do {
            // The replica holds private records: its owner alone reads it (SQLite gives its -wal and
            // -shm files the same mode). An operator shares it on purpose, with chmod.
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        } catch {
            throw StoreError(.io, "cannot make \(path) private to its owner", cause: error)
        }
        let replica = try Replica(path: path, pool: makePool(path))
        try replica.guarding("creating the replica") { try Migrations.migrator.migrate(replica.pool) }
        return replica
    }

    /// Opens an existing replica, upgrading its schema when this version adds migrations. Only
    /// ``create(at:)`` makes a new one: an empty file, or an SQLite database that never held a
    /// replica, is refused rather than turned into an empty replica that would lose the node's
    /// name, follows and peers without a word.
    ///
    /// A replica this process may not write (a backup on read-only media, another user's node) is
    /// opened read-only, and reading it changes no byte: a live node's write-ahead log is read
    /// through the node's own index; a file without one is taken as frozen (SQLite's `immutable`).
    /// Commands that write then fail with a message saying the replica is read-only.
    ///
    /// - Parameter path: the SQLite file.
    /// - Throws: ``StoreError`` when the file is missing, empty, is not an Artel replica, is corrupt,
    ///   or was written by a newer version of Artel; or, when it is read-only, by an older one.
    public static func open(at path: String) throws -> Replica {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw StoreError(.notADataDirectory, "there is no replica at \(path); run `artel init` to make one")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int
        guard size != 0 else {
            throw StoreError(
                .corruptReplica,
                "\(path) is empty, not an Artel replica (was it truncated?); restore a backup with `artel restore FILE`, "
                    + "or move it away and run `artel init` to start a new node"
            )
        }
        let access = FileAccess(replica: path)
        let replica = try Replica(path: path, pool: makePool(path, access: access), isReadOnly: access != .readWrite)
        try replica.guarding("opening the replica") {
            let migrator = Migrations.migrator
            let (superseded, applied) = try replica.pool.read { db in
                (try migrator.hasBeenSuperseded(db), try migrator.appliedIdentifiers(db))
            }
            if superseded {
                throw StoreError(
                    .newerReplica,
                    "\(path) was written by a newer version of Artel; upgrade artel to open it (or restore an older backup)"
                )
            }
            let hasMigrations = try replica.pool.read { try $0.tableExists("grdb_migrations") }
            if applied.isEmpty && !hasMigrations {
                throw StoreError(
                    .corruptReplica,
                    "\(path) is an SQLite database but not an Artel replica; restore a backup with `artel restore FILE`"
                )
            }
            // Only a replica that needs an upgrade is written to on opening, so that reading works on a full disk.
            let upToDate = try replica.pool.read(migrator.hasCompletedMigrations)
            if replica.isReadOnly {
                guard upToDate else {
                    throw StoreError(
                        .io,
                        "\(path) was written by an older version of Artel and is read-only here; open it once "
                            + "with write access (as its owner) to upgrade it"
                    )
                }
            } else if !upToDate {
                try migrator.migrate(replica.pool)
            }
        }
        return replica
    }

    /// The page size of new replicas. Deltas are a few hundred bytes each; larger pages waste less
    /// of each page on headers and free space (measured in `BENCHMARKS.md`).
    static let pageSize = 16_384

    /// Fixes the page size of a new, empty database file; it cannot change once the file is in WAL mode.
    private static func setPageSize(_ path: String) throws {
        precondition(configured)
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA page_size = \(pageSize); VACUUM") }
            try queue.close()
        } catch {
            throw StoreError.from(error, doing: "creating \(path)", file: path)
        }
    }

    /// Process-wide SQLite settings, applied once before the first connection opens.
    private static let configured: Bool = {
        _ = artel_sqlite_disable_memory_statistics()
        _ = artel_sqlite_enable_uri_filenames()
        return true
    }()

    private static func makePool(_ path: String, access: FileAccess = .readWrite) throws -> DatabasePool {
        precondition(configured)
        var configuration = Configuration()
        configuration.readonly = access != .readWrite
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.maximumReaderCount = 4
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY")
            db.add(function: SearchText.function)
            try SearchTokenizer.register(on: db)
        }
        do {
            return try DatabasePool(path: access.sqlitePath(path), configuration: configuration)
        } catch {
            throw StoreError.from(error, doing: "opening \(path)", file: path)
        }
    }

    /// Runs database work, turning SQLite errors into ``StoreError``s that say what to do.
    func guarding<T>(_ doing: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw storeError(error, doing: doing)
        }
    }

    /// Reads from the replica on a reader connection.
    func reading<T: Sendable>(_ doing: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw storeError(error, doing: doing)
        }
    }

    /// Writes to the replica in one transaction on the writer connection.
    func writing<T: Sendable>(_ doing: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        guard !isReadOnly else {
            throw StoreError(
                .io,
                "\(doing) needs to write, but \(path) is read-only for this user; it can be inspected "
                    + "(status, list, show, log, check), and changed only by its owner"
            )
        }
        do {
            return try await pool.write(body)
        } catch {
            throw storeError(error, doing: doing)
        }
    }

    /// Runs work on the writer connection in a transaction that is rolled back, whatever it does.
    func inspecting<T: Sendable>(_ doing: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T
    {
        do {
            return try await pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction {
                    result = try body(db)
                    return .rollback
                }
                return result!
            }
        } catch {
            throw storeError(error, doing: doing)
        }
    }

    /// A store error passes through; anything else says what failed on this replica.
    func storeError(_ error: any Error, doing: String) -> StoreError {
        error as? StoreError ?? StoreError.from(error, doing: "\(doing) at \(path)", file: path)
    }

    /// Checkpoints the WAL into the main file and closes every connection.
    public func close() throws {
        try guarding("closing the replica") {
            if !isReadOnly { try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) } }
            try pool.close()
        }
    }
}
