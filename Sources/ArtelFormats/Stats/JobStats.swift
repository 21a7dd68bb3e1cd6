import ArtelCore

/// A picture of the job market: per month and community, how many vacancies, the salary quartiles
/// per currency and period, the share of remote and part-time work, and the most used tags.
public struct JobStats: Equatable, Sendable {
    /// Salary quartiles of the vacancies that give a salary in one currency and period; a vacancy
    /// counts with the middle of its range, or with the one end it gives.
    public struct Quartiles: Equatable, Sendable {
        public let currency: String
        public let period: String
        public let count: Int
        public let lower: Int64
        public let median: Int64
        public let upper: Int64
    }

    /// One month of one community (or of all of them, `community == nil`).
    public struct Row: Equatable, Sendable {
        public let month: String
        public let community: String?
        public let vacancies: Int
        public let remoteShare: Double
        public let partTimeShare: Double
        public let salaries: [Quartiles]
        public let topTags: [(tag: String, count: Int)]

        public static func == (lhs: Row, rhs: Row) -> Bool {
            lhs.month == rhs.month && lhs.community == rhs.community && lhs.vacancies == rhs.vacancies
                && lhs.salaries == rhs.salaries && lhs.topTags.map(\.tag) == rhs.topTags.map(\.tag)
        }
    }

    /// Rows by month, the total of every community first, then each community by name.
    public let rows: [Row]

    /// The figures of some jobs, by the month they were posted (UTC).
    public init(_ jobs: [JobListing]) {
        var groups: [String: [String?: [JobListing]]] = [:]
        for job in jobs {
            let time = CivilTime(milliseconds: job.datePosted ?? job.updated)
            let month = CivilTime.digits(time.year, 4) + "-" + CivilTime.digits(time.month, 2)
            groups[month, default: [:]][nil, default: []].append(job)
            groups[month, default: [:]][job.communityName ?? job.community.hex, default: []].append(job)
        }
        rows = groups.keys.sorted().flatMap { month in
            groups[month]!.keys.sorted { ($0 ?? "") < ($1 ?? "") }.map { community in
                Self.row(month: month, community: community, jobs: groups[month]![community]!)
            }
        }
    }

    private static func row(month: String, community: String?, jobs: [JobListing]) -> Row {
        var amounts: [String: [Int64]] = [:]
        for job in jobs {
            guard let currency = job.salaryCurrency, let amount = middle(job) else { continue }
            amounts["\(currency)/\(job.salaryPeriod ?? "month")", default: []].append(amount)
        }
        let salaries = amounts.keys.sorted().map { key in
            let sorted = amounts[key]!.sorted()
            let parts = key.split(separator: "/")
            return Quartiles(
                currency: String(parts[0]),
                period: String(parts[1]),
                count: sorted.count,
                lower: quantile(sorted, 0.25),
                median: quantile(sorted, 0.5),
                upper: quantile(sorted, 0.75)
            )
        }
        var tags: [String: Int] = [:]
        for job in jobs { for tag in Set(job.tags) { tags[tag, default: 0] += 1 } }
        let top = tags.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(5).map {
            (tag: $0.key, count: $0.value)
        }
        let count = Double(jobs.count)
        return Row(
            month: month,
            community: community,
            vacancies: jobs.count,
            remoteShare: Double(jobs.count { $0.workMode == "remote" }) / count,
            partTimeShare: Double(jobs.count { $0.employment.contains("part_time") }) / count,
            salaries: salaries,
            topTags: Array(top)
        )
    }

    private static func middle(_ job: JobListing) -> Int64? {
        switch (job.salaryMin, job.salaryMax) {
        case (let low?, let high?): (low + high) / 2
        case (let low?, nil): low
        case (nil, let high?): high
        case (nil, nil): nil
        }
    }

    /// Linear interpolation between closest ranks.
    static func quantile(_ sorted: [Int64], _ fraction: Double) -> Int64 {
        let position = fraction * Double(sorted.count - 1)
        let below = Int(position)
        let above = min(below + 1, sorted.count - 1)
        let weight = position - Double(below)
        return Int64((Double(sorted[below]) * (1 - weight) + Double(sorted[above]) * weight).rounded())
    }
}
