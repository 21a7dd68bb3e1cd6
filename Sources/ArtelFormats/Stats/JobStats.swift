import ArtelCore
import Foundation

/// A picture of the job market, as associations compare it: vacancies (each counted once, by the
/// digest's rule, however many communities or sources listed it), broken down by month, community,
/// source, city, work mode, employment and tag, each figure with its sample size.
///
/// - A vacancy is a group of listings that ``DigestComposer`` takes for one: the same apply link, or
///   the same employer and title once normalized. It counts in the month it was first posted, in
///   every community and source that listed it, and with the tags any listing gave it.
/// - Its facts (salary, city, work mode, employment) are those of its fullest listing; for the
///   comparison of sources, those of the fullest listing from each source, so that what
///   communities posted stands beside what hh.ru gave for the same vacancies.
/// - Salaries are never mixed across currency, period or basis (gross, take-home, not stated);
///   a vacancy counts with the middle of its range, or with the one end it gives.
/// - Shares have their own sample size: the remote share is of vacancies that state a work mode,
///   the part-time share of those that state an employment.
public struct JobStats: Equatable, Sendable {
    /// The group of what a vacancy does not state (its city, work mode…): `unstated`.
    public static let unstated = "unstated"

    /// Salary quartiles of the vacancies that give a salary in one currency, period and basis.
    public struct Quartiles: Equatable, Sendable {
        public let currency: String
        /// hour, day, month, year, project, or `unstated`.
        public let period: String
        /// `gross` (before tax), `net` (take-home, на руки) or `unstated`.
        public let basis: String
        /// The sample size: vacancies with a salary in these terms.
        public let count: Int
        public let lower: Int64
        public let median: Int64
        public let upper: Int64
    }

    /// A share and its sample size.
    public struct Share: Equatable, Sendable {
        /// Vacancies with the property.
        public let count: Int
        /// Vacancies that say either way.
        public let n: Int
        /// A share of `count` in `n`.
        public init(count: Int, n: Int) {
            self.count = count
            self.n = n
        }

        /// `count / n`, `nil` when no vacancy says.
        public var value: Double? { n == 0 ? nil : Double(count) / Double(n) }
    }

    /// The figures of one group of vacancies: a month, a community, a city…
    public struct Group: Equatable, Sendable {
        /// What the group is: `2026-11`, a community's name, `remote`…
        public let key: String
        /// Vacancies, each counted once.
        public let vacancies: Int
        /// Listings of those vacancies, in this group.
        public let listings: Int
        /// Remote among the vacancies that state a work mode.
        public let remote: Share
        /// Part-time among the vacancies that state an employment.
        public let partTime: Share
        /// Salary quartiles, by currency, period and basis.
        public let salaries: [Quartiles]
        /// For a month: the period covers only part of it, so its count is not comparable.
        public let partial: Bool
    }

    /// What the vacancies are broken down by.
    public enum Dimension: String, CaseIterable, Sendable {
        case month, community, source, city
        case workMode = "work_mode"
        case employment, tag
    }

    /// Listings read, before the same vacancy's listings were counted once.
    public let listings: Int
    /// Every vacancy.
    public let total: Group
    /// Groups by dimension: months in order, sources `communities` then `hh.ru`, the others by
    /// vacancies, most first.
    public let breakdowns: [Dimension: [Group]]
    /// The period asked for, Unix milliseconds, when one was.
    public let period: ClosedRange<Int64>?

    /// The groups of one dimension.
    public subscript(dimension: Dimension) -> [Group] { breakdowns[dimension] ?? [] }

    /// The source class of a listing: `hh.ru` for what was imported from hh.ru, `communities` for
    /// what communities posted (by hand, from Telegram, from their sites).
    public static func sourceClass(_ job: JobListing) -> String {
        job.sources.contains { $0.hasPrefix("hh:") } ? "hh.ru" : "communities"
    }

    /// The figures of some listings.
    ///
    /// - Parameters:
    ///   - jobs: the listings, of any communities and sources.
    ///   - period: the period they were selected by; a month it covers only in part is marked.
    public init(_ jobs: [JobListing], period: ClosedRange<Int64>? = nil) {
        listings = jobs.count
        self.period = period
        // Vacancies hold indices of their listings, and groups the few plain facts their figures
        // need, with salary terms numbered once: no listing is copied, no string retained per member.
        var terms = TermsTable()
        var read: [Facts] = []
        read.reserveCapacity(jobs.count)
        for index in jobs.indices { read.append(Facts(jobs, index, terms: &terms)) }
        let facts = read
        let table = terms
        let vacancies = DigestComposer.groups(jobs).map { Vacancy(jobs, $0, facts: facts) }
        total = Self.group("all", vacancies.map(\.facts), terms: terms, listings: jobs.count, partial: false)
        // The dimensions are counted on every core, each on its own.
        let dimensions = Dimension.allCases
        let counted = Slots<[Group]>(count: dimensions.count)
        DispatchQueue.concurrentPerform(iterations: dimensions.count) { number in
            let dimension = dimensions[number]
            var tallies: [String: Tally] = [:]
            for vacancy in vacancies {
                vacancy.count(in: dimension, of: jobs, facts: facts, into: &tallies)
            }
            let groups = tallies.map { key, tally in
                Self.group(
                    key,
                    tally.members,
                    terms: table,
                    listings: tally.listings,
                    partial: dimension == .month && Self.isPartial(month: key, of: period)
                )
            }
            let sorted =
                switch dimension {
                case .month: groups.sorted { $0.key < $1.key }
                case .source: groups.sorted { $0.key < $1.key }
                default: groups.sorted { ($1.vacancies, $0.key) < ($0.vacancies, $1.key) }
                }
            counted.set(number, sorted)
        }
        self.breakdowns = Dictionary(uniqueKeysWithValues: zip(dimensions, counted.all))
    }

    /// `YYYY-MM` of a moment, UTC.
    static func month(_ milliseconds: Int64) -> String {
        let time = CivilTime(milliseconds: milliseconds)
        return CivilTime.digits(time.year, 4) + "-" + CivilTime.digits(time.month, 2)
    }

    /// Whether a period leaves out part of a month.
    static func isPartial(month: String, of period: ClosedRange<Int64>?) -> Bool {
        guard let period else { return false }
        return Self.month(period.lowerBound) == month && !isFirstMoment(period.lowerBound)
            || Self.month(period.upperBound) == month && !isLastMoment(period.upperBound)
    }

    private static func isFirstMoment(_ milliseconds: Int64) -> Bool {
        let time = CivilTime(milliseconds: milliseconds)
        return time.day == 1 && milliseconds.isMultiple(of: 86_400_000)
    }

    private static func isLastMoment(_ milliseconds: Int64) -> Bool {
        Self.month(milliseconds) != Self.month(milliseconds + 1)
    }

    private static func group(
        _ key: String,
        _ members: [Facts],
        terms table: TermsTable,
        listings: Int,
        partial: Bool
    ) -> Group {
        var amounts: [Int: [Int64]] = [:]
        var remote = 0
        var modes = 0
        var partTime = 0
        var employments = 0
        for facts in members {
            if let (terms, amount) = facts.salary { amounts[terms, default: []].append(amount) }
            if let isRemote = facts.remote {
                modes += 1
                if isRemote { remote += 1 }
            }
            if let isPartTime = facts.partTime {
                employments += 1
                if isPartTime { partTime += 1 }
            }
        }
        let salaries = amounts.keys.sorted { table.terms[$0] < table.terms[$1] }.map { number in
            let terms = table.terms[number]
            let sorted = amounts[number]!.sorted()
            return Quartiles(
                currency: terms.currency,
                period: terms.period,
                basis: terms.basis,
                count: sorted.count,
                lower: quantile(sorted, 0.25),
                median: quantile(sorted, 0.5),
                upper: quantile(sorted, 0.75)
            )
        }
        return Group(
            key: key,
            vacancies: members.count,
            listings: listings,
            remote: Share(count: remote, n: modes),
            partTime: Share(count: partTime, n: employments),
            salaries: salaries,
            partial: partial
        )
    }

    static func middle(_ job: borrowing JobListing) -> Int64? {
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

/// What a group's figures need of the listing whose facts count: its salary in its terms (their
/// number in a ``TermsTable``), and whether it is remote and part-time (nil where it does not say).
/// Plain values only, so that appending them to groups costs no reference counting.
struct Facts {
    let salary: (terms: Int, amount: Int64)?
    let remote: Bool?
    let partTime: Bool?

    /// The facts of `jobs[index]`, read in place: a listing passed on its own would be copied.
    init(_ jobs: [JobListing], _ index: Int, terms: inout TermsTable) {
        salary =
            jobs[index].salaryCurrency != nil
            ? JobStats.middle(jobs[index]).map { (terms.number(of: Terms(jobs[index])), $0) } : nil
        remote = jobs[index].workMode.map { $0 == "remote" }
        partTime = jobs[index].employment.isEmpty ? nil : jobs[index].employment.contains("part_time")
    }
}

/// What a group gathers while the vacancies are counted: the facts of each member, and its listings.
struct Tally {
    private(set) var members: [Facts] = []
    private(set) var listings = 0

    /// Counts a vacancy with its facts and how many of its listings the group has.
    mutating func add(_ facts: Facts, listings: Int) {
        members.append(facts)
        self.listings += listings
    }
}

/// Salary terms, each numbered once.
struct TermsTable {
    /// The terms by number.
    private(set) var terms: [Terms] = []
    private var numbers: [Terms: Int] = [:]

    /// The number of some terms, given on first sight.
    mutating func number(of terms: Terms) -> Int {
        if let number = numbers[terms] { return number }
        numbers[terms] = self.terms.count
        self.terms.append(terms)
        return self.terms.count - 1
    }
}

/// The terms a salary is given in: currency, period, basis.
struct Terms: Hashable, Comparable {
    let currency: String
    let period: String
    let basis: String

    init(currency: String, period: String, basis: String) {
        self.currency = currency
        self.period = period
        self.basis = basis
    }

    init(_ job: borrowing JobListing) {
        currency = job.salaryCurrency ?? JobStats.unstated
        period = job.salaryPeriod ?? JobStats.unstated
        basis =
            switch job.salaryGross {
            case true?: "gross"
            case false?: "net"
            case nil: JobStats.unstated
            }
    }

    static func < (lhs: Terms, rhs: Terms) -> Bool {
        (lhs.currency, lhs.period, lhs.basis) < (rhs.currency, rhs.period, rhs.basis)
    }
}
