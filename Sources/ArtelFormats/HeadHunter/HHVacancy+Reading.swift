/// hh.ru vacancies read with a ``JSONCursor``: the same values `Decodable` gives, several times
/// faster, for the pages of many vacancies. Whatever this reader does not expect throws
/// ``JSONCursor/Mismatch``, and the page is decoded by `JSONDecoder` instead, which reports errors.
extension HHVacancy {
    /// Reads one vacancy object.
    init(reading cursor: inout JSONCursor) throws {
        var id: String?
        var name: String?
        var area: Named?
        var salary: Salary?
        var salaryRange: SalaryRange?
        var publishedAt: String?
        var archived: Bool?
        var applyAlternateUrl: String?
        var alternateUrl: String?
        var employer: Named?
        var snippet: Snippet?
        var description: String?
        var schedule: Identified?
        var employment: Identified?
        var employmentForm: Identified?
        var workFormat: [Identified]?
        var experience: Identified?
        var keySkills: [Named]?
        var contacts: Contacts?
        var address: Address?
        var internship: Bool?
        var professionalRoles: [Identified]?
        let found = try cursor.readObject { cursor, key in
            switch try Self.name(key) {
            case "id": id = try cursor.readString()
            case "name": name = try cursor.readString()
            case "area": area = try Named(reading: &cursor)
            case "salary": salary = try Salary(reading: &cursor)
            case "salary_range": salaryRange = try SalaryRange(reading: &cursor)
            case "published_at": publishedAt = try cursor.readString()
            case "archived": archived = try cursor.readBool()
            case "apply_alternate_url": applyAlternateUrl = try cursor.readString()
            case "alternate_url": alternateUrl = try cursor.readString()
            case "employer": employer = try Named(reading: &cursor)
            case "snippet": snippet = try Snippet(reading: &cursor)
            case "description": description = try cursor.readString()
            case "schedule": schedule = try Identified(reading: &cursor)
            case "employment": employment = try Identified(reading: &cursor)
            case "employment_form": employmentForm = try Identified(reading: &cursor)
            case "work_format": workFormat = try cursor.readArray { try Identified(reading: &$0).unwrapped() }
            case "experience": experience = try Identified(reading: &cursor)
            case "key_skills": keySkills = try cursor.readArray { try Named(reading: &$0).unwrapped() }
            case "contacts": contacts = try Contacts(reading: &cursor)
            case "address": address = try Address(reading: &cursor)
            case "internship": internship = try cursor.readBool()
            case "professional_roles":
                professionalRoles = try cursor.readArray { try Identified(reading: &$0).unwrapped() }
            default: try cursor.skipValue()
            }
        }
        guard found, let id, let name else { throw JSONCursor.Mismatch() }
        self.init(
            id: id,
            name: name,
            area: area,
            salary: salary,
            salaryRange: salaryRange,
            publishedAt: publishedAt,
            archived: archived,
            applyAlternateUrl: applyAlternateUrl,
            alternateUrl: alternateUrl,
            employer: employer,
            snippet: snippet,
            description: description,
            schedule: schedule,
            employment: employment,
            employmentForm: employmentForm,
            workFormat: workFormat,
            experience: experience,
            keySkills: keySkills,
            contacts: contacts,
            address: address,
            internship: internship,
            professionalRoles: professionalRoles
        )
    }

    /// A key as text; a key with an escape is left to `JSONDecoder`.
    static func name(_ key: ArraySlice<UInt8>) throws -> String {
        guard !key.contains(0x5C) else { throw JSONCursor.Mismatch() }
        return String(decoding: key, as: UTF8.self)
    }
}

extension Optional {
    /// The value; an array element that is `null` is left to `JSONDecoder`.
    fileprivate func unwrapped() throws -> Wrapped {
        guard let self else { throw JSONCursor.Mismatch() }
        return self
    }
}

extension HHVacancy.Named {
    /// Reads `{"name": …}`; nil for `null`.
    init?(reading cursor: inout JSONCursor) throws {
        var name: String?
        let found = try cursor.readObject { cursor, key in
            if try HHVacancy.name(key) == "name" { name = try cursor.readString() } else { try cursor.skipValue() }
        }
        guard found else { return nil }
        self.init(name: name)
    }
}

extension HHVacancy.Identified {
    /// Reads `{"id": …, "name": …}`; nil for `null`.
    init?(reading cursor: inout JSONCursor) throws {
        var id: String?
        var name: String?
        let found = try cursor.readObject { cursor, key in
            switch try HHVacancy.name(key) {
            case "id": id = try cursor.readString()
            case "name": name = try cursor.readString()
            default: try cursor.skipValue()
            }
        }
        guard found else { return nil }
        self.init(id: id, name: name)
    }
}

extension HHVacancy.Salary {
    /// Reads the older salary; nil for `null`.
    init?(reading cursor: inout JSONCursor) throws {
        var from: Double?
        var to: Double?
        var currency: String?
        var gross: Bool?
        let found = try cursor.readObject { cursor, key in
            switch try HHVacancy.name(key) {
            case "from": from = try cursor.readNumber()
            case "to": to = try cursor.readNumber()
            case "currency": currency = try cursor.readString()
            case "gross": gross = try cursor.readBool()
            default: try cursor.skipValue()
            }
        }
        guard found else { return nil }
        self.init(from: from, to: to, currency: currency, gross: gross)
    }
}

extension HHVacancy.SalaryRange {
    /// Reads the newer salary; nil for `null`.
    init?(reading cursor: inout JSONCursor) throws {
        var from: Double?
        var to: Double?
        var currency: String?
        var gross: Bool?
        var mode: HHVacancy.Identified?
        var frequency: HHVacancy.Identified?
        let found = try cursor.readObject { cursor, key in
            switch try HHVacancy.name(key) {
            case "from": from = try cursor.readNumber()
            case "to": to = try cursor.readNumber()
            case "currency": currency = try cursor.readString()
            case "gross": gross = try cursor.readBool()
            case "mode": mode = try HHVacancy.Identified(reading: &cursor)
            case "frequency": frequency = try HHVacancy.Identified(reading: &cursor)
            default: try cursor.skipValue()
            }
        }
        guard found else { return nil }
        self.init(from: from, to: to, currency: currency, gross: gross, mode: mode, frequency: frequency)
    }
}

extension HHVacancy.Address {
    /// Reads an address; nil for `null`.
    init?(reading cursor: inout JSONCursor) throws {
        var city: String?
        var raw: String?
        let found = try cursor.readObject { cursor, key in
            switch try HHVacancy.name(key) {
            case "city": city = try cursor.readString()
            case "raw": raw = try cursor.readString()
            default: try cursor.skipValue()
            }
        }
        guard found else { return nil }
        self.init(city: city, raw: raw)
    }
}

extension HHVacancy.Snippet {
    /// Reads a snippet; nil for `null`.
    init?(reading cursor: inout JSONCursor) throws {
        var requirement: String?
        var responsibility: String?
        let found = try cursor.readObject { cursor, key in
            switch try HHVacancy.name(key) {
            case "requirement": requirement = try cursor.readString()
            case "responsibility": responsibility = try cursor.readString()
            default: try cursor.skipValue()
            }
        }
        guard found else { return nil }
        self.init(requirement: requirement, responsibility: responsibility)
    }
}

extension HHVacancy.Contacts {
    /// Reads contacts; nil for `null`.
    init?(reading cursor: inout JSONCursor) throws {
        var name: String?
        var email: String?
        var phones: [Phone]?
        let found = try cursor.readObject { cursor, key in
            switch try HHVacancy.name(key) {
            case "name": name = try cursor.readString()
            case "email": email = try cursor.readString()
            case "phones":
                phones = try cursor.readArray { cursor in
                    var formatted: String?
                    let found = try cursor.readObject { cursor, key in
                        if try HHVacancy.name(key) == "formatted" {
                            formatted = try cursor.readString()
                        } else {
                            try cursor.skipValue()
                        }
                    }
                    guard found else { throw JSONCursor.Mismatch() }
                    return Phone(formatted: formatted)
                }
            default: try cursor.skipValue()
            }
        }
        guard found else { return nil }
        self.init(name: name, email: email, phones: phones)
    }
}
