import ArgumentParser
import ArtelCore

/// The fields of a job, as options named after them.
struct JobFields: FieldGroup {
    typealias Kind = JobKind
    static let createVerb = "post"
    static let createExample = """
        artel job post --community "Tech Leaders Moscow" \\
            --title "Комьюнити-менеджер" --employer "Яндекс" \\
            --salary-min 50000 --salary-currency RUB --salary-period month \\
            --work-mode remote --tags remote --apply-url https://example.org/apply
        """
    static let editExample = "artel job edit 019a4c2e71b3 --status filled --remove tags=remote"

    @Option(help: "Job title.") var title: String?
    @Option(help: "Who hires.") var employer: String?
    @Option(name: .customLong("description"), help: "What the job is.") var text: String?
    @Option(help: "What the person will do (\"Что нужно делать\").") var duties: String?
    @Option(help: "What the person needs (\"Какие требования\").") var requirements: String?
    @Option(help: "Lowest pay, whole currency units.") var salaryMin: Int64?
    @Option(help: "Highest pay, whole currency units.") var salaryMax: Int64?
    @Option(help: "ISO 4217 code, e.g. RUB, EUR.") var salaryCurrency: String?
    @Option(help: "Pay period: \(KindSchema.choices(.job, "salary_period")).") var salaryPeriod: String?
    @Option(help: "Whether the salary is before tax (true or false).") var salaryGross: Bool?
    @Option(help: "Employment type (repeatable): \(KindSchema.choices(.job, "employment")).") var employment: [String] =
        []
    @Option(help: "\(KindSchema.choices(.job, "work_mode")).") var workMode: String?
    @Option(help: "Country.") var locationCountry: String?
    @Option(help: "Region.") var locationRegion: String?
    @Option(help: "City.") var locationCity: String?
    @Option(help: "Experience wanted, e.g. \"от 1 года\".") var experience: String?
    @Option(help: "A skill (repeatable).") var skills: [String] = []
    @Option(help: "A tag (repeatable).") var tags: [String] = []
    @Option(help: "Where to apply: an http(s), mailto or tg link.") var applyURL: String?
    @Option(help: "Whom to contact.") var contact: String?
    @Option(help: "When it was posted (YYYY-MM-DD[ HH:MM], UTC unless an offset is given; default: now).")
    var datePosted: Moment?
    @Option(help: "Until when it is open.") var validThrough: Moment?
    @Option(help: "\(KindSchema.choices(.job, "status")).") var status: String?
    @Option(help: "Where it was imported from: system:id [URL] (repeatable).") var sources: [String] = []
    @Option(help: "\(Visibility.allCases.map(\.rawValue).joined(separator: ", ")) (default public).") var visibility:
        String?

    func apply(to builder: inout OperationBuilder, context: FieldContext) async throws {
        builder.set("title", title)
        builder.set("employer", employer)
        builder.set("description", text)
        builder.set("duties", duties)
        builder.set("requirements", requirements)
        builder.set("salary_min", salaryMin)
        builder.set("salary_max", salaryMax)
        builder.set("salary_currency", salaryCurrency)
        builder.set("salary_period", salaryPeriod)
        builder.set("salary_gross", salaryGross)
        builder.add("employment", employment)
        builder.set("work_mode", workMode)
        builder.set("location.country", locationCountry)
        builder.set("location.region", locationRegion)
        builder.set("location.city", locationCity)
        builder.set("experience", experience)
        builder.add("skills", skills)
        builder.add("tags", tags)
        builder.set("apply_url", applyURL)
        builder.set("contact", contact)
        // A new job is posted now unless it says otherwise.
        let posted = datePosted?.milliseconds() ?? (context.current == nil ? Int64(context.now) : nil)
        builder.set("date_posted", moment: posted)
        builder.set("valid_through", moment: validThrough?.milliseconds())
        builder.set("status", status)
        builder.add("sources", sources)
        builder.set("visibility", visibility)
    }
}

struct JobCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "job",
        abstract: "Post, edit, renew, delete and show vacancies.",
        subcommands: [
            CreateRecord<JobFields>.self, EditRecord<JobFields>.self, RenewRecord<JobKind>.self,
            DeleteRecord<JobKind>.self, ShowRecord<JobKind>.self,
        ]
    )
}
