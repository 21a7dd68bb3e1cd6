public import ArtelCore

/// A job as exports show it, read from its record.
public struct JobListing: Equatable, Sendable {
    /// The record id.
    public var id: RecordID
    /// The community that lists it.
    public var community: PublicKey
    /// The community's name, when known.
    public var communityName: String?
    /// The community's language (its `language` field), which chooses the words exports write
    /// around the job's own text (``Catalog/forLanguage(_:)``); `nil` when it names none.
    public var language: String?
    public var title: String
    public var employer: String?
    public var description: String?
    public var duties: String?
    public var requirements: String?
    public var salaryMin: Int64?
    public var salaryMax: Int64?
    public var salaryCurrency: String?
    /// hour, day, month, year or project.
    public var salaryPeriod: String?
    public var salaryGross: Bool?
    /// full_time, part_time, contract, internship, volunteer.
    public var employment: [String] = []
    /// onsite, remote or hybrid.
    public var workMode: String?
    public var country: String?
    public var region: String?
    public var city: String?
    public var experience: String?
    public var skills: [String] = []
    public var tags: [String] = []
    public var applyURL: String?
    public var contact: String?
    /// Where the vacancy came from: `hh:93354567 https://hh.ru/vacancy/93354567`, a Telegram post,
    /// a JSON-LD page (the `sources` field).
    public var sources: [String] = []
    /// Unix milliseconds.
    public var datePosted: Int64?
    /// Unix milliseconds.
    public var validThrough: Int64?
    /// When the record leaves every replica unless renewed (its deltas' expiry), Unix milliseconds.
    public var expires: Int64?
    /// open, closed or filled.
    public var status: String?
    /// When the record last changed, Unix milliseconds.
    public var updated: Int64

    /// A listing with its required parts.
    public init(id: RecordID, community: PublicKey, title: String, updated: Int64) {
        self.id = id
        self.community = community
        self.title = title
        self.updated = updated
    }

    /// The listing a job record shows; `nil` for a record without a title.
    ///
    /// - Parameters:
    ///   - communityName: the name of the community that lists it.
    ///   - language: the community's language, for the words around the job's text.
    public init?(
        id: RecordID,
        community: PublicKey,
        state: RecordState,
        communityName: String? = nil,
        language: String? = nil
    ) {
        let schema = RecordKind.job.schema
        func value(_ name: String) -> Value? { state.value(of: schema[name].id) }
        func text(_ name: String) -> String? { if case .string(let text)? = value(name) { text } else { nil } }
        func number(_ name: String) -> Int64? { if case .integer(let number)? = value(name) { number } else { nil } }
        func moment(_ name: String) -> Int64? { if case .timestamp(let moment)? = value(name) { moment } else { nil } }
        func texts(_ name: String) -> [String] {
            state.elements(of: schema[name].id).compactMap { if case .string(let text) = $0 { text } else { nil } }
        }
        guard let title = text("title") else { return nil }
        self.init(id: id, community: community, title: title, updated: Int64(state.updated?.milliseconds ?? 0))
        self.communityName = communityName
        self.language = language
        employer = text("employer")
        description = text("description")
        duties = text("duties")
        requirements = text("requirements")
        salaryMin = number("salary_min")
        salaryMax = number("salary_max")
        salaryCurrency = text("salary_currency")
        salaryPeriod = text("salary_period")
        if case .boolean(let gross)? = value("salary_gross") { salaryGross = gross }
        employment = texts("employment")
        workMode = text("work_mode")
        country = text("location.country")
        region = text("location.region")
        city = text("location.city")
        experience = text("experience")
        skills = texts("skills")
        tags = texts("tags")
        applyURL = text("apply_url")
        contact = text("contact")
        sources = texts("sources").sorted()
        datePosted = moment("date_posted")
        validThrough = moment("valid_through")
        status = text("status")
        expires = state.expiry > 0 ? Int64(state.expiry) : nil
    }

    /// The words exports write around the job's own text, in its community's language.
    public var catalog: Catalog { Catalog.forLanguage(language) }

    /// The salary in words with ISO codes, the same in every language: `50 000–70 000 RUB/month`,
    /// `from 50 000 RUB/month`. Feeds and JSON-LD use ``Catalog/salary(of:)`` instead.
    public var salaryText: String? {
        guard salaryMin != nil || salaryMax != nil else { return nil }
        let amount =
            switch (salaryMin, salaryMax) {
            case (let low?, let high?) where low == high: Self.grouped(low)
            case (let low?, let high?): "\(Self.grouped(low))–\(Self.grouped(high))"
            case (let low?, nil): "from \(Self.grouped(low))"
            case (nil, let high?): "up to \(Self.grouped(high))"
            case (nil, nil): ""
            }
        return [amount, salaryCurrency].compactMap { $0 }.joined(separator: " ") + (salaryPeriod.map { "/\($0)" } ?? "")
    }

    /// 150000 as `150 000`.
    static func grouped(_ number: Int64) -> String {
        var digits = Array(String(number))
        var index = digits.count - 3
        while index > 0 {
            digits.insert(" ", at: index)
            index -= 3
        }
        return String(digits)
    }
}
