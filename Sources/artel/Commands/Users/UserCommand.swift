import ArgumentParser
import ArtelStore

/// `artel user`: the accounts of people who write on the node's site.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage the accounts people sign in to the node's site with.",
        discussion: """
            Accounts are local to this node: they are never sent to peers. Roles: editor (writes the \
            kinds it is given in its communities, signed by an author key the node keeps for it), \
            moderator, operator. Passwords are read from --password-file, from standard input, or \
            typed at a prompt without echo; never from the command line.
            """,
        subcommands: [
            AddUser.self, ListUsers.self, RemoveUser.self, PasswdUser.self, DisableUser.self, EnableUser.self,
            UserLog.self,
        ]
    )
}

/// `--password-file`, for the commands that set a password.
struct PasswordOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Read the password from the first line of this file.",
            discussion: "Default: a line of standard input, or a prompt without echo at a terminal.",
            valueName: "path"
        )
    )
    var passwordFile: String?
}

extension Node {
    /// The audit log's line for something the operator did at the command line.
    func audit(_ action: String, _ target: String) -> AuditEntry {
        AuditEntry(time: Int64(now), account: nil, action: action, target: target)
    }
}
