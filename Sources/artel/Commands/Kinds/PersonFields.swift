import ArgumentParser
import ArtelCore

/// The fields of a person, as options named after them.
struct PersonFields: FieldGroup {
    typealias Kind = PersonKind
    static let createVerb = "add"
    static let createExample = """
        artel person add --community "Tech Leaders Moscow" \\
            --display-name "Анна Смирнова" --locality Москва \\
            --topics "комьюнити-менеджмент" --contacts telegram:@anna_cm
        """
    static let editExample = """
        artel person edit 019a4c31f2d0 --bio "Ведёт клуб лидеров" \\
            --remove contacts=telegram:@anna_cm
        """

    @Option(help: "Name as shown.") var displayName: String?
    @Option(help: "A few words about them.") var bio: String?
    @Option(help: "Where they live or work.") var locality: String?
    @Option(help: "A topic (repeatable).") var topics: [String] = []
    @Option(help: "A language tag, e.g. ru (repeatable).") var languages: [String] = []
    @Option(help: "A contact as kind:value, e.g. telegram:@name (repeatable).") var contacts: [String] = []
    @Option(help: "Consent to show the profile (true or false).") var consentProfile: Bool?
    @Option(help: "Consent to show memberships.") var consentMemberships: Bool?
    @Option(help: "Consent to show ties.") var consentTies: Bool?
    @Option(help: "Consent to public exports.") var consentExport: Bool?
    @Option(help: "\(Visibility.allCases.map(\.rawValue).joined(separator: ", ")) (default federation).")
    var visibility: String?
    @Option(
        help: ArgumentHelp(
            "The person's own key (a key name or a public key in hex): once bound, only it changes consent and visibility, and it may erase them.",
            valueName: "key"
        )
    )
    var subjectKey: String?

    func apply(to builder: inout OperationBuilder, context: FieldContext) async throws {
        builder.set("display_name", displayName)
        builder.set("bio", bio)
        builder.set("locality", locality)
        builder.add("topics", topics)
        builder.add("languages", languages)
        builder.add("contacts", contacts)
        builder.set("consent.profile", consentProfile)
        builder.set("consent.memberships", consentMemberships)
        builder.set("consent.ties", consentTies)
        builder.set("consent.export", consentExport)
        builder.set("visibility", visibility)
        if let subjectKey {
            builder.set("subject_key", .bytes(Array(try context.resolver.publicKey(subjectKey).bytes.bytes)))
        }
    }
}

struct PersonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: "Add, edit, delete and show people: leaders, ambassadors, moderators, organizers.",
        subcommands: [
            CreateRecord<PersonFields>.self, EditRecord<PersonFields>.self, DeleteRecord<PersonKind>.self,
            ShowRecord<PersonKind>.self, ExportPerson.self,
        ]
    )
}
