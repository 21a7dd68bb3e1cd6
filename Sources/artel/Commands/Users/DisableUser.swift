import ArgumentParser
import ArtelCore
import ArtelStore

/// `artel user disable NAME`: keeps an account from signing in and ends its sessions.
struct DisableUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable",
        abstract: "Keep an account from signing in, and end its sessions; `artel user enable` undoes it.",
        discussion: """
            Example:
              artel user disable anna
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The account's name.")
    var name: String

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let node = try global.openNode()
        try await node.replica.setDisabled(name, true, audit: node.audit("user.disable", name))
        output.emit(
            "Disabled \(name); its sessions have ended.",
            json: .object([("name", .string(name)), ("disabled", .bool(true))])
        )
    }
}

/// `artel user enable NAME`: lets a disabled account sign in again.
struct EnableUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enable",
        abstract: "Let a disabled account sign in again.",
        discussion: """
            Example:
              artel user enable anna
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The account's name.")
    var name: String

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let node = try global.openNode()
        try await node.replica.setDisabled(name, false, audit: node.audit("user.enable", name))
        output.emit("Enabled \(name).", json: .object([("name", .string(name)), ("disabled", .bool(false))]))
    }
}
