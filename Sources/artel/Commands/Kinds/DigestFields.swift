import ArgumentParser
import ArtelCore

/// The fields of a digest, as options named after them.
struct DigestFields: FieldGroup {
    typealias Kind = DigestKind
    static let createVerb = "create"
    static let createExample = """
        artel digest create --community "HR Association" \\
            --title "Вакансии недели" --period-start 2026-11-16 \\
            --period-end 2026-11-22 \\
            --items 019a4c2e71b3 --items 019a4c2f0c55
        """
    static let editExample = "artel digest edit 019a4c40c1e9 --intro \"Пять вакансий этой недели\""

    @Option(help: "Digest title.") var title: String?
    @Option(help: "First day covered (YYYY-MM-DD).") var periodStart: Moment?
    @Option(help: "Last day covered.") var periodEnd: Moment?
    @Option(help: "Introduction.") var intro: String?
    @Option(help: "A job's id or prefix, in order (repeatable; on edit, replaces the list).") var items: [String] = []
    @Option(help: "A tag (repeatable).") var tags: [String] = []
    @Option(
        help: ArgumentHelp(
            "Where else an item's vacancy was listed: \"<item> <job> <community name>\", references as community:record (repeatable; digest publish writes these).",
            valueName: "text"
        )
    ) var alsoListed: [String] = []
    @Option(help: "Who it is for.") var audience: String?
    @Option(help: "\(Visibility.allCases.map(\.rawValue).joined(separator: ", ")) (default public).") var visibility:
        String?

    func apply(to builder: inout OperationBuilder, context: FieldContext) async throws {
        builder.set("title", title)
        builder.set("period_start", moment: periodStart?.milliseconds())
        builder.set("period_end", moment: periodEnd?.milliseconds())
        builder.set("intro", intro)
        if !items.isEmpty {
            var references: [Reference] = []
            for item in items { references.append(try await context.resolver.reference(.job, item)) }
            builder.set("items", .references(references))
        }
        builder.add("tags", tags)
        builder.add("also_listed", alsoListed)
        builder.set("audience", audience)
        builder.set("visibility", visibility)
    }
}

struct DigestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Create, edit, renew, delete and show digests: curated lists of jobs.",
        subcommands: [
            CreateRecord<DigestFields>.self, EditRecord<DigestFields>.self, RenewRecord<DigestKind>.self,
            DeleteRecord<DigestKind>.self, ShowDigest.self, ComposeDigest.self, PublishDigest.self,
        ]
    )
}
