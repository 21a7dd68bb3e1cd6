import ArgumentParser
import ArtelStore
import Foundation

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the replica to a file, even while the node serves.",
        discussion: """
            The copy is taken from one snapshot: what the node writes meanwhile goes to the next \
            backup. Keys are not in it: back them up on purpose, with `artel keys export`. Restore \
            with `artel restore FILE`.

            Example:
              artel backup /backups/artel-2026-11-21.sqlite
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The file to write; it must not exist.")
    var file: String

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let node = try global.openNode()
        let size = try await node.replica.backup(to: file)
        output.emit(
            "Backed up the replica to \(file) (\(size / 1_000) kB). Keys are not in it: `artel keys export` copies them.",
            json: .object([("file", .string(file)), ("bytes", .number(Int64(size)))])
        )
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the replica with a backup, after checking the backup whole.",
        discussion: """
            Refuses while a node serves from the data directory (stop it first). The backup must \
            open as an Artel replica (one from an older version is migrated) and pass `artel check`; \
            the replica it replaces is kept beside it as artel.sqlite.before-restore-TIME. Peers \
            bring back whatever changed since the backup at the next reconciliation.

            Example:
              artel restore /backups/artel-2026-11-21.sqlite
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The backup file.")
    var file: String

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let directory = try DataDirectory.open(at: global.resolvedDataPath)
        if let pid = ServingNode.pid(in: directory.path) {
            throw StoreError(
                .invalidInput,
                "a node (process \(pid)) serves from \(directory.path); stop it before restoring"
            )
        }
        let now = UInt64(Date().timeIntervalSince1970 * 1000)
        let kept = try await Replica.restore(file, into: directory, now: now)
        output.emit(
            "Restored the replica from \(file); the one it replaced is kept as \(kept).",
            json: .object([("file", .string(file)), ("replaced", .string(kept))])
        )
    }
}
