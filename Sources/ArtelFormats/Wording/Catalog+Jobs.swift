extension Catalog {
    private static let periods: [String: Message] = [
        "hour": .perHour, "day": .perDay, "month": .perMonth, "year": .perYear, "project": .perProject,
    ]
    private static let workModes: [String: Message] = ["remote": .remote, "hybrid": .hybrid, "onsite": .onsite]
    private static let employments: [String: Message] = [
        "full_time": .fullTime, "part_time": .partTime, "contract": .contract, "internship": .internship,
        "volunteer": .volunteer,
    ]

    /// A job's salary in words: `от 150 000 ₽/мес`, `100 000–150 000 ₽/мес на руки`,
    /// `from 2,000 $/month`; `nil` when the job names no amount.
    public func salary(of job: JobListing) -> String? {
        guard job.salaryMin != nil || job.salaryMax != nil else { return nil }
        let amount =
            switch (job.salaryMin, job.salaryMax) {
            case (let low?, let high?) where low == high: grouped(low)
            case (let low?, let high?): "\(grouped(low))–\(grouped(high))"
            case (let low?, nil): "\(self[.salaryFrom]) \(grouped(low))"
            case (nil, let high?): "\(self[.salaryUpTo]) \(grouped(high))"
            case (nil, nil): ""
            }
        var text = amount
        if let currency = job.salaryCurrency {
            text += " " + salaryTerms(currency: currency, period: job.salaryPeriod)
        } else if let period = job.salaryPeriod.flatMap({ Self.periods[$0] }) {
            text += self[period]
        }
        if let gross = job.salaryGross { text += " " + self[gross ? .salaryGross : .salaryTakeHome] }
        return text
    }

    /// A currency and a pay period in words, as a salary ends: `₽/мес`, `$/hour`; the period only
    /// when it is one of a job's (`hour` … `project`).
    public func salaryTerms(currency: String, period: String?) -> String {
        (currencies[currency] ?? currency) + (period.flatMap { Self.periods[$0] }.map { self[$0] } ?? "")
    }

    /// A work mode (`remote`, `hybrid`, `onsite`) in words; an unknown one as it is.
    public func workMode(_ mode: String) -> String { Self.workModes[mode].map { self[$0] } ?? mode }

    /// A kind of employment (`part_time`, …) in words; an unknown one as it is.
    public func employment(_ kind: String) -> String { Self.employments[kind].map { self[$0] } ?? kind }

    /// A job's facts on one line: employer · salary · work mode · employment · city.
    public func summary(of job: JobListing) -> String {
        var parts: [String] = []
        if let employer = job.employer { parts.append(employer) }
        if let salary = salary(of: job) { parts.append(salary) }
        if let mode = job.workMode { parts.append(workMode(mode)) }
        parts += job.employment.sorted().map(employment)
        if let city = job.city { parts.append(city) }
        return parts.joined(separator: " · ")
    }

    /// 150000 as `150 000` or `150,000`.
    public func grouped(_ number: Int64) -> String {
        var digits = String(number)
        var index = digits.count - 3
        while index > 0 {
            digits.insert(contentsOf: groupSeparator, at: digits.index(digits.startIndex, offsetBy: index))
            index -= 3
        }
        return digits
    }
}
