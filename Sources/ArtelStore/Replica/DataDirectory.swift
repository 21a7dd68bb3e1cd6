import ArtelCore
import Foundation

/// A node's data directory: the replica (`artel.sqlite`) and the keys (`keys/`), mode 0700.
public struct DataDirectory: Sendable {
    /// The directory.
    public let path: String

    /// The replica's SQLite file.
    public var replicaPath: String { "\(path)/artel.sqlite" }

    /// The node's keys.
    public var keys: KeyStore { KeyStore(directory: "\(path)/keys") }

    private init(path: String) {
        self.path = path
    }

    /// The data directory used when neither `--data` nor `ARTEL_DATA` says otherwise:
    /// `$XDG_DATA_HOME/artel`, else `~/.local/share/artel`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return "\(xdg)/artel" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return "\(home)/.local/share/artel"
    }

    /// Whether a directory holds a replica.
    public static func isInitialized(at path: String) -> Bool {
        FileManager.default.fileExists(atPath: "\(path)/artel.sqlite")
    }

    /// Makes a new data directory with a node key and an empty replica.
    ///
    /// A node is made whole or not at all: when a step fails (a full disk, a permission) everything
    /// this call made is removed again, and the replica appears under its name only once it is
    /// complete, so that even a crash leaves a directory where `init` can simply run again.
    ///
    /// - Parameters:
    ///   - path: the directory; it may exist if it holds no replica yet.
    ///   - nodeName: the node's human name, stored in the replica.
    /// - Returns: the directory, the node key's entry, and the open replica.
    public static func initialize(at path: String, nodeName: String) throws -> (DataDirectory, KeyEntry, Replica) {
        let directory = DataDirectory(path: path)
        var isDirectory: ObjCBool = false
        let existed = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if existed && !isDirectory.boolValue {
            throw StoreError(.notADataDirectory, "\(path) is a file, not a directory; choose another --data path")
        }
        if isInitialized(at: path) {
            throw StoreError(.alreadyInitialized, "\(path) already holds a node; use it, or choose another --data path")
        }
        let entriesBefore = Set((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
        do {
            return try directory.makeNode(named: nodeName)
        } catch {
            directory.removeHalfMadeNode(existed: existed, entriesBefore: entriesBefore)
            let failure = error as? StoreError ?? StoreError(.io, "\(error)")
            throw StoreError(
                failure.code,
                "no node was made in \(path), and nothing of it was left behind: \(failure.message)",
                cause: failure.cause
            )
        }
    }

    private func makeNode(named nodeName: String) throws -> (DataDirectory, KeyEntry, Replica) {
        do {
            try FileManager.default.createDirectory(
                atPath: "\(path)/keys",
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700]
            )
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: path)
        } catch {
            throw StoreError(.io, "cannot create the data directory \(path)", cause: error)
        }
        let nodeKey =
            try keys.list().first { $0.role == .node }
            ?? keys.create(name: KeyStore.nodeKeyName, role: .node)
        _ = try APIToken.loadOrCreate(in: path)
        let partial = "\(replicaPath).partial"
        for leftover in [partial, "\(partial)-wal", "\(partial)-shm"] {  // from an init that crashed
            try? FileManager.default.removeItem(atPath: leftover)
        }
        let draft = try Replica.create(at: partial)
        try draft.setNodeName(nodeName)
        try draft.close()
        do {
            try FileManager.default.moveItem(atPath: partial, toPath: replicaPath)
        } catch {
            throw StoreError(.io, "cannot move the new replica to \(replicaPath)", cause: error)
        }
        return (self, nodeKey, try Replica.open(at: replicaPath))
    }

    /// Removes what a failed ``initialize(at:nodeName:)`` made: the directory when it made it, else
    /// the entries that were not there before.
    private func removeHalfMadeNode(existed: Bool, entriesBefore: Set<String>) {
        guard existed else {
            try? FileManager.default.removeItem(atPath: path)
            return
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for entry in entries where !entriesBefore.contains(entry) {
            try? FileManager.default.removeItem(atPath: "\(path)/\(entry)")
        }
    }

    /// Opens an existing data directory.
    ///
    /// - Throws: ``StoreError`` with code `notADataDirectory` when the path is missing, is a file,
    ///   or holds no replica, saying how to make one.
    public static func open(at path: String) throws -> DataDirectory {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw StoreError(
                .notADataDirectory,
                "\(path) does not exist; run `artel init --data \(path)` to make a node there"
            )
        }
        guard isDirectory.boolValue else {
            throw StoreError(.notADataDirectory, "\(path) is a file, not an Artel data directory")
        }
        guard isInitialized(at: path) else {
            throw StoreError(
                .notADataDirectory,
                "\(path) is not an Artel data directory (it has no artel.sqlite); run `artel init --data \(path)`"
            )
        }
        return DataDirectory(path: path)
    }

    /// Opens the replica.
    public func openReplica() throws -> Replica {
        try Replica.open(at: replicaPath)
    }

    /// The node's own key.
    public func nodeKey() throws -> KeyEntry {
        try keys.load(KeyStore.nodeKeyName).0
    }
}
