import ArgumentParser
import ArtelNode

/// The root of the command tree.
struct Artel: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "artel",
        abstract: "A sync node for federations of communities: leader networks, job digests and events.",
        discussion: """
            Every change is a delta signed by its author and checked by every node. This node keeps its \
            replica and keys in one data directory (--data, or $ARTEL_DATA).

            Start with:
              artel init --name my-node
              artel community create --name "Tech Leaders Moscow" --kind community \\
                  --area Москва
              artel job post --community "Tech Leaders Moscow" \\
                  --title "Комьюнити-менеджер" --salary-min 50000 --salary-currency RUB
              artel list jobs --query комьюнити

            Exit status: 0 success, 1 failure, 2 usage error (bad flags or values).
            """,
        version: Artel.version,
        subcommands: [
            Init.self, Serve.self, Status.self, ConfigCommand.self, BackupCommand.self, RestoreCommand.self, Keys.self,
            CommunityCommand.self, JobCommand.self, EventCommand.self, PersonCommand.self,
            MembershipCommand.self, TieCommand.self, DigestCommand.self,
            List.self, Log.self, ApplyDeltas.self, ImportCommand.self, Export.self, Purge.self, Check.self,
            Refused.self,
            Follow.self, Unfollow.self, Follows.self, PeerCommand.self, Sync.self,
            StatsCommand.self, GrantCommand.self, RevokeCommand.self, GrantsCommand.self, QuarantineCommand.self,
            BlockCommand.self, UnblockCommand.self, BlocksCommand.self, HideCommand.self, UserCommand.self, Bench.self,
        ]
    )
}

extension Artel {
    /// The version of this build, the one `artel --version`, `artel status`, the hello to peers and
    /// the HTTP `Server` header all give: ``NodeConfiguration/software`` is `artel/VERSION`.
    static let version = String(NodeConfiguration.software.dropFirst("artel/".count))
}
