import ArgumentParser
import ArtelNode
import ArtelStore
import Foundation

struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check the node's settings file, artel.toml in the data directory.",
        subcommands: [ConfigCheck.self]
    )
}

struct ConfigCheck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract:
            "Explain every mistake in artel.toml and the ARTEL_ variables, or show the settings the node would run with.",
        discussion: """
            Settings come from `artel serve` flags, then ARTEL_ environment variables (ARTEL_NAME, \
            ARTEL_LISTEN, ARTEL_NETWORK_KEY, ARTEL_ALLOW, ARTEL_PEERS, ARTEL_FOLLOWS, \
            ARTEL_MAX_CONNECTIONS, ARTEL_RECONCILE_INTERVAL, ARTEL_PURGE_INTERVAL, ARTEL_API, \
            ARTEL_LOG_LEVEL, ARTEL_LOG_FORMAT), then artel.toml, then the defaults; the first \
            that gives a setting wins. The node refuses to start on any mistake. \
            examples/artel.toml holds every setting, commented.

            Examples:
              artel config check
              artel config check --file /etc/artel/artel.toml
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "The file to check (default: artel.toml in the data directory).")
    var file: String?

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let path = file ?? "\(global.resolvedDataPath)/\(ConfigFile.fileName)"
        if !FileManager.default.fileExists(atPath: path) {
            if file != nil { throw StoreError(.notFound, "\(path) does not exist") }
            if !output.json { print("\(path) does not exist: the defaults apply (see examples/artel.toml).") }
        }
        let (fileSettings, fileMistakes) = try ConfigFile.load(path: path)
        let (environment, environmentMistakes) = ConfigFile.fromEnvironment(ProcessInfo.processInfo.environment)
        let mistakes = fileMistakes.map { "\(path), \($0)" } + environmentMistakes.map(\.description)
        guard mistakes.isEmpty else {
            throw StoreError(.invalidInput, mistakes.joined(separator: "\n"))
        }
        var settings = environment.over(fileSettings)
        // The network key admits nodes to a closed federation: a terminal or a log is no place for it.
        if settings.networkKey != nil { settings.networkKey = "<64 hex digits, set; not shown>" }
        let rendered = ConfigFile.render(settings)
        output.emit(
            "The settings are sound. Without flags, the node would run with:\n"
                + rendered.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"),
            json: .object([
                ("file", .string(path)), ("exists", .bool(FileManager.default.fileExists(atPath: path))),
                ("sound", .bool(true)), ("settings", .string(rendered)),
            ])
        )
    }
}
