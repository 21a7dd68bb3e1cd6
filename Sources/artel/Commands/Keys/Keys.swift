import ArgumentParser

struct Keys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make, list, export and import Ed25519 keys (node, community, author, subject).",
        discussion: """
            Keys live in the data directory's keys/ folder, one file each, readable only by their owner \
            (mode 0600). A key file that others may read is refused until you run chmod 600 on it. \
            Secret keys never appear in output, logs or errors.
            """,
        subcommands: [NewKey.self, ListKeys.self, ExportKey.self, ImportKey.self, SignRequest.self]
    )
}
