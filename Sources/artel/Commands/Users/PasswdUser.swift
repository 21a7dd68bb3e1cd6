import ArgumentParser
import ArtelCore
import ArtelStore

/// `artel user passwd NAME`: a new password, which signs the account out everywhere.
struct PasswdUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passwd",
        abstract: "Give an account a new password; its open sessions end.",
        discussion: """
            Example:
              artel user passwd anna --password-file anna.password
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The account's name.")
    var name: String

    @OptionGroup var password: PasswordOption
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let node = try global.openNode()
        guard try await node.replica.credentials(of: name) != nil else {
            throw StoreError(.notFound, "no account is named \"\(name.prefix(64))\"; see `artel user list`")
        }
        let hash = PasswordHash.hash(try PasswordInput.read(file: password.passwordFile))
        try await node.replica.setPassword(of: name, hash: hash, audit: node.audit("user.passwd", name))
        output.emit(
            "Changed the password of \(name); its sessions have ended.",
            json: .object([("name", .string(name)), ("sessions_ended", .bool(true))])
        )
    }
}
