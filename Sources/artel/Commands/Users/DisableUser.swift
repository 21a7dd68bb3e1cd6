import ArgumentParser
import ArtelStore

/// `artel user disable NAME`: keeps an account from signing in and ends its sessions.
struct DisableUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable",
        abstract: "Keep an account from signing in, and end its sessions; `artel user enable` undoes it."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The account's name.")
    var name: String

    func run() async throws {
        let node = try global.openNode()
        try await node.replica.setDisabled(name, true, audit: node.audit("user.disable", name))
        print("Disabled \(name); its sessions have ended.")
    }
}

/// `artel user enable NAME`: lets a disabled account sign in again.
struct EnableUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enable",
        abstract: "Let a disabled account sign in again."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The account's name.")
    var name: String

    func run() async throws {
        let node = try global.openNode()
        try await node.replica.setDisabled(name, false, audit: node.audit("user.enable", name))
        print("Enabled \(name).")
    }
}
