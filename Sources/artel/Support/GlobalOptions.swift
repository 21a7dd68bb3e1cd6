import ArgumentParser
import ArtelStore
import Foundation

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .customLong("data"),
        help: ArgumentHelp(
            "The node's data directory.",
            discussion: "Default: $ARTEL_DATA, else $XDG_DATA_HOME/artel, else ~/.local/share/artel.",
            valueName: "path"
        )
    )
    var dataPath: String?

    /// The data directory this invocation uses: `--data`, then `ARTEL_DATA`, then the default.
    var resolvedDataPath: String {
        let environment = ProcessInfo.processInfo.environment
        if let dataPath { return dataPath }
        if let fromEnvironment = environment["ARTEL_DATA"], !fromEnvironment.isEmpty { return fromEnvironment }
        return DataDirectory.defaultPath(environment: environment)
    }

    /// Opens the node's data directory and replica.
    func openNode() throws -> Node {
        let directory = try DataDirectory.open(at: resolvedDataPath)
        return Node(directory: directory, replica: try directory.openReplica())
    }
}

/// The `--json` flag every command takes: reads print what they read, writes what they wrote.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false
}

/// An open node: its data directory and replica.
struct Node {
    let directory: DataDirectory
    let replica: Replica

    /// The wall clock in Unix milliseconds.
    var now: UInt64 { UInt64(Date().timeIntervalSince1970 * 1000) }

    /// Reads from the key store; on a replica this user may only read (another user's node), keys
    /// that cannot be read count as absent, so that inspecting commands still work.
    func readingKeys<T>(_ read: (KeyStore) throws -> T, absent: T) throws -> T {
        guard replica.isReadOnly else { return try read(directory.keys) }
        return (try? read(directory.keys)) ?? absent
    }
}
