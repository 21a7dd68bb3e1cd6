import ArgumentParser
import ArtelAPI
import ArtelCore
import ArtelFormats
import ArtelStore

/// The jobs a composed digest covers.
struct DigestSelection: ParsableArguments {
    @Option(help: "The first day of the period (default: a week ago).") var from: Moment?
    @Option(help: "The last day of the period (default: today).") var until: Moment?
    @Option(help: "Only jobs of this community (name, key name or id prefix; repeatable).") var community: [String] = []
    @Option(help: "Only jobs with this tag (repeatable: any of them).") var tags: [String] = []
    @Option(help: "Only jobs with this work mode (repeatable): \(KindSchema.choices(.job, "work_mode")).")
    var workMode: [String] = []
    @Option(help: "Only jobs with this employment (repeatable): \(KindSchema.choices(.job, "employment")).")
    var employment: [String] = []
    @Option(help: "Only jobs that may pay at least this much a month, in --salary-currency (default RUB).")
    var salaryMin: Int64?
    @Option(help: "Only jobs paid in this currency (ISO 4217, e.g. RUB); the currency of --salary-min.")
    var salaryCurrency: String?

    func validate() throws {
        for (flag, name, values) in [
            ("--work-mode", "work_mode", workMode), ("--employment", "employment", employment),
        ] {
            for value in values where !KindSchema.choices(.job, name).split(separator: ", ").contains(Substring(value))
            {
                throw ValidationError("\(flag) \(value) is not one of \(KindSchema.choices(.job, name))")
            }
        }
    }

    /// The hashtag of the Markdown digest (``DigestHashtag``): `explicit`, else the `#` topic of
    /// `community` (the publishing community, or the only one the digest is composed from), else the
    /// first `--tags`.
    func hashtag(explicit: String?, community: PublicKey?, node: Node, resolver: Resolver) async throws -> String? {
        var owner = community
        if owner == nil, self.community.count == 1 { owner = try await resolver.community(self.community[0]) }
        return DigestHashtag.choose(
            explicit: explicit,
            topics: try await Self.topics(of: owner, node: node),
            tags: tags
        )
    }

    /// A community's topics, none when it is unknown.
    static func topics(of community: PublicKey?, node: Node) async throws -> [String] {
        guard let community, let view = try await node.replica.record(.community, .community(community))?.view,
            case .set(let values) = view.value(of: "topics")
        else { return [] }
        return values.compactMap { if case .string(let text) = $0 { text } else { nil } }
    }

    /// The period, in Unix milliseconds.
    func period(now: UInt64) -> (start: Int64, end: Int64) {
        let end = until.map { $0.isDateOnly ? $0.milliseconds() + 86_400_000 - 1 : $0.milliseconds() } ?? Int64(now)
        return (from?.milliseconds() ?? end - 7 * 86_400_000, end)
    }

    /// The open, shared jobs the node holds that match, composed into de-duplicated entries.
    func entries(_ node: Node, resolver: Resolver) async throws -> [DigestEntry] {
        var communities: Set<PublicKey> = []
        for name in community { communities.insert(try await resolver.community(name)) }
        let wanted = Set(tags.map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 })
        let jobs = try await DigestCandidates.jobs(
            node.replica,
            communities: communities,
            period: period(now: node.now),
            names: try await resolver.communityNames()
        ) { job in
            if !wanted.isEmpty && wanted.isDisjoint(with: job.tags) { return false }
            if !workMode.isEmpty && !workMode.contains(job.workMode ?? "") { return false }
            if !employment.isEmpty && Set(employment).isDisjoint(with: job.employment) { return false }
            let currency = (salaryCurrency ?? "RUB").uppercased()
            if salaryCurrency != nil && job.salaryCurrency != currency { return false }
            if let floor = salaryMin {
                guard job.salaryCurrency == currency, (job.salaryPeriod ?? "month") == "month",
                    let best = job.salaryMax ?? job.salaryMin, best >= floor
                else { return false }
            }
            return true
        }
        return DigestComposer.compose(jobs)
    }
}
