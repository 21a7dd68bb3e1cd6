import Foundation
import GRDB

extension Replica {
    /// Writes a consistent copy of the replica to a new file, online: the copy is read in one
    /// snapshot while the node keeps serving and writing. The file is readable by its owner only,
    /// as the replica holds private records.
    ///
    /// - Parameter path: the file to write; it must not exist.
    /// - Returns: the size of the copy in bytes.
    public func backup(to path: String) async throws -> Int64 {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw StoreError(.invalidInput, "\(path) already exists; choose a new file")
        }
        let pool = self.pool
        // Made private before SQLite writes a byte into it; SQLite keeps the mode it finds.
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw StoreError(.io, "cannot create \(path)")
        }
        do {
            let destination = try DatabaseQueue(path: path)
            try await Task.detached { try pool.backup(to: destination) }.value
            try destination.close()
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw storeError(error, doing: "backing up to \(path)")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
        return size
    }

    /// Replaces a data directory's replica with a backup, after checking the backup: it must open
    /// as an Artel replica (an older one is migrated), and `check` must find it sound. The replica
    /// it replaces is kept beside it, renamed.
    ///
    /// The caller makes sure that no node serves from the directory.
    ///
    /// - Returns: where the replaced replica was kept.
    public static func restore(_ backup: String, into directory: DataDirectory, now: UInt64) async throws -> String {
        guard FileManager.default.fileExists(atPath: backup) else { throw StoreError(.io, "cannot read \(backup)") }
        let staging = directory.replicaPath + ".restoring"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: staging + suffix) }
        do {
            try FileManager.default.copyItem(atPath: backup, toPath: staging)
        } catch {
            throw StoreError(.io, "cannot copy \(backup) into \(directory.path): \(error.localizedDescription)")
        }
        func discardStaging() {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: staging + suffix) }
        }
        let report: CheckReport
        do {
            let replica = try Replica.open(at: staging)
            report = try await replica.check()
            try replica.close()
        } catch let error as StoreError where error.code == .newerReplica {
            discardStaging()
            throw StoreError(
                .newerReplica,
                "\(backup) was written by a newer version of Artel; upgrade artel to restore it"
            )
        } catch {
            discardStaging()
            let cause = (error as? StoreError)?.cause.map { "\($0)" } ?? "\(error)"
            throw StoreError(.invalidInput, "\(backup) is not an Artel replica backup (\(cause)); nothing was restored")
        }
        guard report.problems.isEmpty else {
            discardStaging()
            throw StoreError(
                .corruptReplica,
                "\(backup) is damaged (\(report.problems.count) problems, the first: \(report.problems[0])); nothing was restored"
            )
        }
        let kept = directory.replicaPath + ".before-restore-\(now)"
        let manager = FileManager.default
        try manager.moveItem(atPath: directory.replicaPath, toPath: kept)
        for suffix in ["-wal", "-shm"] where manager.fileExists(atPath: directory.replicaPath + suffix) {
            try manager.moveItem(atPath: directory.replicaPath + suffix, toPath: kept + suffix)
        }
        for suffix in ["-wal", "-shm"] { try? manager.removeItem(atPath: staging + suffix) }
        try manager.moveItem(atPath: staging, toPath: directory.replicaPath)
        return kept
    }
}
