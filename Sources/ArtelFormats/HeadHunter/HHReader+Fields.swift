import ArtelCore

extension HHReader {
    /// The job fields a vacancy fills, looked up in the schema once rather than by name for every
    /// vacancy of a page.
    enum Fields {
        private static func field(_ name: String) -> FieldID { RecordKind.job.schema[name].id }

        static let title = field("title")
        static let employer = field("employer")
        static let description = field("description")
        static let duties = field("duties")
        static let requirements = field("requirements")
        static let salaryMin = field("salary_min")
        static let salaryMax = field("salary_max")
        static let salaryCurrency = field("salary_currency")
        static let salaryPeriod = field("salary_period")
        static let salaryGross = field("salary_gross")
        static let employment = field("employment")
        static let workMode = field("work_mode")
        static let city = field("location.city")
        static let tags = field("tags")
        static let experience = field("experience")
        static let skills = field("skills")
        static let applyURL = field("apply_url")
        static let datePosted = field("date_posted")
        static let status = field("status")
        static let sources = field("sources")
        static let contact = field("contact")
    }
}
