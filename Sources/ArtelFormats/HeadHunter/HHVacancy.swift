/// A vacancy as the hh.ru API returns it (`GET /vacancies/{id}`, or an item of `GET /vacancies`),
/// with the fields Artel reads; everything else is ignored.
struct HHVacancy: Decodable, Equatable {
    struct Named: Decodable, Equatable {
        let name: String?
    }

    struct Identified: Decodable, Equatable {
        let id: String?
        let name: String?
    }

    struct Salary: Decodable, Equatable {
        let from: Double?
        let to: Double?
        let currency: String?
        let gross: Bool?
    }

    /// The newer salary (2025): amounts with what they pay for (`mode`: MONTH, HOUR, SHIFT, SERVICE,
    /// FLY_IN_FLY_OUT) and how often they are paid (`frequency`: DAILY, WEEKLY, TWICE_PER_MONTH,
    /// MONTHLY, PER_PROJECT). Vacancies may have it while `salary` is null.
    struct SalaryRange: Decodable, Equatable {
        let from: Double?
        let to: Double?
        let currency: String?
        let gross: Bool?
        let mode: Identified?
        let frequency: Identified?
    }

    struct Address: Decodable, Equatable {
        let city: String?
        let raw: String?
    }

    struct Snippet: Decodable, Equatable {
        let requirement: String?
        let responsibility: String?
    }

    struct Contacts: Decodable, Equatable {
        struct Phone: Decodable, Equatable {
            let formatted: String?
        }

        let name: String?
        let email: String?
        let phones: [Phone]?
    }

    // Explicit keys: a key decoding strategy converts every key of the file, and costs a third of the read.
    enum CodingKeys: String, CodingKey {
        case id, name, area, salary, archived, employer, snippet, description, schedule, employment, experience,
            contacts, address, internship
        case salaryRange = "salary_range"
        case publishedAt = "published_at"
        case applyAlternateUrl = "apply_alternate_url"
        case alternateUrl = "alternate_url"
        case employmentForm = "employment_form"
        case workFormat = "work_format"
        case keySkills = "key_skills"
        case professionalRoles = "professional_roles"
    }

    let id: String
    let name: String
    let area: Named?
    let salary: Salary?
    let salaryRange: SalaryRange?
    let publishedAt: String?
    let archived: Bool?
    let applyAlternateUrl: String?
    let alternateUrl: String?
    let employer: Named?
    let snippet: Snippet?
    let description: String?
    let schedule: Identified?
    let employment: Identified?
    let employmentForm: Identified?
    let workFormat: [Identified]?
    let experience: Identified?
    let keySkills: [Named]?
    let contacts: Contacts?
    let address: Address?
    let internship: Bool?
    let professionalRoles: [Identified]?
}

/// A page of search results, or one vacancy on its own.
struct HHPage: Decodable {
    let items: [HHVacancy]

    private enum Keys: String, CodingKey {
        case items
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        if container.contains(.items) {
            items = try container.decode([HHVacancy].self, forKey: .items)
        } else {
            items = [try HHVacancy(from: decoder)]
        }
    }
}
