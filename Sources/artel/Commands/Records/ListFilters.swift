import ArgumentParser
import ArtelCore
import ArtelStore

/// The filters of `artel list` and the per-kind list commands.
struct ListFilters: ParsableArguments {
    @Option(
        name: [.customShort("q"), .long],
        help: "Words to search for (every word must match; Cyrillic and prefixes work)."
    )
    var query: String?
    @Option(help: "Only this community: name, key name or id prefix (repeatable).") var community: [String] = []
    @Option(help: "Only records with this tag (topics for communities and people; repeatable).") var tags: [String] = []
    @Option(help: "Only jobs with this work mode (repeatable): \(KindSchema.choices(.job, "work_mode")).")
    var workMode: [String] = []
    @Option(help: "Only jobs paying at least this much.") var salaryMin: Int64?
    @Option(help: "Only jobs whose pay starts at or below this.") var salaryMax: Int64?
    @Option(help: "Only jobs paid in this currency (ISO 4217, e.g. RUB).") var salaryCurrency: String?
    @Option(help: "From this date (jobs: posted; events: not ended; digests: period).") var from: Moment?
    @Option(help: "Up to this date (jobs: posted; events: starting; digests: period).") var until: Moment?
    @Option(help: "Only this status (jobs, events); jobs list only open ones unless given (all: every status).")
    var status: String?
    @Option(help: "Only this type (event type, community kind, tie type).") var type: String?
    @Option(help: "Only memberships and ties of this person (id or prefix).") var person: String?
    @Option(help: "Only this visibility (repeatable).") var visibility: [String] = []
    @Option(help: "At most this many.") var limit: Int = 50
    @Option(help: "Skip this many first.") var offset: Int = 0

    func validate() throws {
        guard (1...10_000).contains(limit) else { throw ValidationError("--limit must be between 1 and 10000") }
        guard offset >= 0 else { throw ValidationError("--offset cannot be negative") }
        for name in visibility where Visibility(rawValue: name) == nil {
            throw ValidationError("--visibility \(name) is not one of private, federation, public")
        }
        if let from, let until, from.milliseconds() > until.milliseconds() {
            throw ValidationError("--from is later than --until")
        }
    }

    /// The query these filters describe.
    func query(_ kind: RecordKind, resolver: Resolver) async throws -> RecordQuery {
        var query = RecordQuery(kind: kind)
        query.text = self.query
        for name in community { query.communities.append(try await resolver.community(name)) }
        query.tags = tags
        query.workModes = workMode
        query.salaryAtLeast = salaryMin
        query.salaryAtMost = salaryMax
        query.currency = salaryCurrency
        query.from = from?.milliseconds()
        query.until = until.map { $0.isDateOnly ? $0.milliseconds() + 86_399_999 : $0.milliseconds() }
        switch (kind, status) {
        case (.job, nil): query.openAt = Int64(resolver.node.now)
        case (.job, "all"): break
        default: query.status = status
        }
        query.type = type
        if let person { query.person = try await resolver.reference(.person, person) }
        query.visibilities = visibility.compactMap(Visibility.init(rawValue:))
        query.limit = limit
        query.offset = offset
        return query
    }
}
