public import ArtelCore
import Foundation

/// Reads schema.org `JobPosting` and `Event` objects from JSON-LD: one object, an array, or a
/// document with `@graph`, as job boards and event sites embed them. Other types are skipped.
public enum SchemaOrgReader: Sendable {
    private static let job = RecordKind.job.schema

    /// The fields a JSON-LD import of jobs owns.
    public static let importedJobFields: Set<FieldID> = Set(
        [
            "title", "employer", "description", "salary_min", "salary_max", "salary_currency", "salary_period",
            "employment", "work_mode", "location.country", "location.region", "location.city", "experience",
            "apply_url", "date_posted", "valid_through", "sources",
        ].map { job[$0].id }
    )

    /// The jobs and events of a document.
    ///
    /// - Throws: ``FormatError`` naming the object (by its position) and the property at fault.
    public static func records(in bytes: [UInt8]) throws(FormatError) -> [ImportedRecord] {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw FormatError("the file", "is not JSON (\(error.localizedDescription))", fileProblem: .notJSON)
        }
        var objects: [[String: Any]] = []
        func collect(_ value: Any) {
            if let array = value as? [Any] {
                array.forEach(collect)
            } else if let object = value as? [String: Any] {
                if let graph = object["@graph"] { collect(graph) } else { objects.append(object) }
            }
        }
        collect(root)
        var records: [ImportedRecord] = []
        for (index, object) in objects.enumerated() {
            let place = "object \(index + 1)"
            let types = (object["@type"] as? String).map { [$0] } ?? (object["@type"] as? [String]) ?? []
            if types.contains("JobPosting") {
                records.append(try jobPosting(object, place: place))
            } else if types.contains(where: { $0.hasSuffix("Event") }) {
                records.append(try event(object, place: place))
            }
        }
        return records
    }

    private static func jobPosting(_ object: [String: Any], place: String) throws(FormatError) -> ImportedRecord {
        guard let title = (object["title"] as? String)?.singleLine, !title.isEmpty else {
            throw FormatError(place, "a JobPosting has no title")
        }
        var operations: [ArtelCore.Operation] = [.set(job["title"].id, .string(title.clipped(to: 200)))]
        func set(_ name: String, _ text: String?, limit: Int) {
            guard let text, !text.isEmpty else { return }
            operations.append(.set(job[name].id, .string(text.clipped(to: limit))))
        }
        let organization = object["hiringOrganization"] as? [String: Any]
        set(
            "employer",
            ((organization?["name"] as? String) ?? (object["hiringOrganization"] as? String))?.singleLine,
            limit: 200
        )
        set("description", (object["description"] as? String).map(HTMLText.plain), limit: 20_000)
        set("experience", (object["experienceRequirements"] as? String)?.singleLine, limit: 200)
        if let url = object["url"] as? String, url.hasPrefix("http://") || url.hasPrefix("https://") {
            set("apply_url", url, limit: 2_000)
        }
        for (name, property) in [("date_posted", "datePosted"), ("valid_through", "validThrough")] {
            guard let text = object[property] as? String else { continue }
            guard let moment = ISODates.read(text) else {
                throw FormatError(place, "\(property) \"\(text.prefix(40))\" is not an ISO 8601 date")
            }
            operations.append(.set(job[name].id, .timestamp(moment.milliseconds)))
        }
        let types = (object["employmentType"] as? String).map { [$0] } ?? (object["employmentType"] as? [String]) ?? []
        let reverse = Dictionary(uniqueKeysWithValues: SchemaOrgWriter.employmentTypes.map { ($1, $0) })
        for type in Set(
            types.compactMap { reverse[$0.uppercased()] ?? ($0.uppercased() == "TEMPORARY" ? "contract" : nil) }
        ).sorted() {
            operations.append(.add(job["employment"].id, .string(type)))
        }
        let remote = (object["jobLocationType"] as? String)?.uppercased() == "TELECOMMUTE"
        let location = (object["jobLocation"] as? [String: Any]) ?? (object["jobLocation"] as? [[String: Any]])?.first
        let address = location?["address"] as? [String: Any]
        set("work_mode", remote ? (address == nil ? "remote" : "hybrid") : (address == nil ? nil : "onsite"), limit: 20)
        set("location.city", (address?["addressLocality"] as? String)?.singleLine, limit: 100)
        set("location.region", (address?["addressRegion"] as? String)?.singleLine, limit: 100)
        set(
            "location.country",
            ((address?["addressCountry"] as? String)
                ?? ((address?["addressCountry"] as? [String: Any])?["name"] as? String))?.singleLine,
            limit: 100
        )
        if let salary = object["baseSalary"] as? [String: Any] {
            operations += try Self.salary(salary, place: place)
        }
        let identifier = object["identifier"] as? [String: Any]
        // An identifier Artel wrote is the record's own id; any other is a source's key.
        let own = (identifier?["value"] as? String).flatMap(RecordID.init(hex:)).flatMap { $0.isGenerated ? $0 : nil }
        let key =
            (identifier?["value"] as? String) ?? (object["url"] as? String) ?? "\(title)|\(object["datePosted"] ?? "")"
        if let url = object["url"] as? String {
            operations.append(.add(job["sources"].id, .string("jsonld:\(key.prefix(200)) \(url)".clipped(to: 500))))
        }
        return ImportedRecord(
            kind: .job,
            record: own ?? RecordID.derived(label: "artel/import/jsonld/v1", from: Array(key.utf8)),
            operations: operations,
            controlled: importedJobFields,
            label: "\(place) (\(title.prefix(40)))"
        )
    }

    private static func salary(_ salary: [String: Any], place: String) throws(FormatError) -> [ArtelCore.Operation] {
        let value = salary["value"] as? [String: Any]
        func amount(_ key: String) throws(FormatError) -> Int64? {
            guard
                let number = (value?[key] as? NSNumber)?.doubleValue
                    ?? (key == "minValue" ? (value?["value"] as? NSNumber)?.doubleValue : nil)
            else {
                return nil
            }
            guard number >= 0, number <= 100_000_000 else {
                throw FormatError(place, "baseSalary \(key) \(number) is not a salary (0 to 100 000 000)")
            }
            return Int64(number.rounded())
        }
        var operations: [ArtelCore.Operation] = []
        let low = try amount("minValue")
        let high = try amount("maxValue")
        if let low, let high, low > high { throw FormatError(place, "baseSalary minValue is above maxValue") }
        if let low { operations.append(.set(job["salary_min"].id, .integer(low))) }
        if let high { operations.append(.set(job["salary_max"].id, .integer(high))) }
        guard !operations.isEmpty else { return [] }
        if let currency = (salary["currency"] as? String)?.uppercased(), currency.count == 3,
            currency.allSatisfy(\.isLetter)
        {
            operations.append(.set(job["salary_currency"].id, .string(currency == "RUR" ? "RUB" : currency)))
        }
        let units = Dictionary(uniqueKeysWithValues: SchemaOrgWriter.salaryUnits.map { ($1, $0) })
        if let unit = (value?["unitText"] as? String)?.uppercased(), let period = units[unit] {
            operations.append(.set(job["salary_period"].id, .string(period)))
        }
        return operations
    }

    private static func event(_ object: [String: Any], place: String) throws(FormatError) -> ImportedRecord {
        guard let name = (object["name"] as? String)?.singleLine, !name.isEmpty else {
            throw FormatError(place, "an Event has no name")
        }
        guard let startText = object["startDate"] as? String, let start = ISODates.read(startText) else {
            throw FormatError(
                place,
                "an Event needs a startDate in ISO 8601, not \"\((object["startDate"] as? String)?.prefix(40) ?? "nothing")\""
            )
        }
        let uid = (object["identifier"] as? String) ?? (object["url"] as? String) ?? "\(name)|\(startText)"
        var event = CalendarEvent(uid: uid, summary: name, start: start.milliseconds, allDay: start.isDate)
        if let endText = object["endDate"] as? String {
            guard let end = ISODates.read(endText) else {
                throw FormatError(place, "endDate \"\(endText.prefix(40))\" is not an ISO 8601 date")
            }
            // schema.org's endDate is inclusive for dates; Artel's all-day end is the day after.
            event.end = end.milliseconds + (end.isDate ? 86_400_000 : 0)
            guard event.end! >= event.start else { throw FormatError(place, "the event ends before it starts") }
        }
        event.description = (object["description"] as? String).map(HTMLText.plain)
        if let location = object["location"] as? [String: Any] {
            let address =
                (location["address"] as? String)
                ?? ((location["address"] as? [String: Any])?["streetAddress"] as? String)
            event.location = ((location["name"] as? String) ?? address)?.singleLine
        } else if let location = object["location"] as? String {
            event.location = location.singleLine
        }
        event.url = object["url"] as? String
        let reverse = Dictionary(uniqueKeysWithValues: SchemaOrgWriter.eventStatuses.map { ($1, $0) })
        if let status = (object["eventStatus"] as? String)?.split(separator: "/").last.map(String.init) {
            event.status = reverse[status]
        }
        return ImportedRecord(
            kind: .event,
            record: event.recordID,
            operations: event.operations,
            controlled: CalendarEvent.importedFields,
            label: "\(place) (\(name.prefix(40)))"
        )
    }
}
