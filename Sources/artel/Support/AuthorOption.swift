import ArgumentParser

/// `--author`: which key signs a write.
struct AuthorOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Sign with this author key (its name or a prefix of its public key), under a grant of the community.",
            discussion: "Default: the community key, when this node holds it. See `artel grant`.",
            valueName: "key"
        )
    )
    var author: String?
}
