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
    /// - Parameters:
    ///   - path: the directory; it may exist if it holds no replica yet.
    ///   - nodeName: the node's human name, stored in the replica.
    /// - Returns: the directory, the node key's entry, and the open replica.
    public static func initialize(at path: String, nodeName: String) throws -> (DataDirectory, KeyEntry, Replica) {
        let directory = DataDirectory(path: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue {
            throw StoreError(.notADataDirectory, "\(path) is a file, not a directory; choose another --data path")
        }
        if isInitialized(at: path) {
            throw StoreError(.alreadyInitialized, "\(path) already holds a node; use it, or choose another --data path")
        }
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
            try directory.keys.list().first { $0.role == .node }
            ?? directory.keys.create(name: KeyStore.nodeKeyName, role: .node)
        _ = try APIToken.loadOrCreate(in: path)
        let replica = try Replica.create(at: directory.replicaPath)
        try replica.setNodeName(nodeName)
        return (directory, nodeKey, replica)
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
