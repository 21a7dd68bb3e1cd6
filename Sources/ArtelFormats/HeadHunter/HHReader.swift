public import ArtelCore
import Foundation

/// Reads hh.ru vacancies (the public API's JSON: one vacancy, or a page of search results) as jobs:
/// salary from `salary_range` (or the older `salary`) with `RUR` as RUB, gross or net, and its
/// period from the range's mode; employment and schedule in their old and new forms (`employment`,
/// `employment_form`, `schedule`, `work_format`, `internship`); experience, key skills, the town of
/// the address or else the area, employer, apply URL, publication time with its `+0300` offset;
/// professional roles and a flexible schedule as tags. Contacts are personal data and are read only
/// when asked.
public enum HHReader: Sendable {
    /// The fields an hh.ru import owns.
    public static let importedFields: Set<FieldID> = [
        Fields.title, Fields.employer, Fields.description, Fields.duties, Fields.requirements, Fields.salaryMin,
        Fields.salaryMax, Fields.salaryCurrency, Fields.salaryPeriod, Fields.salaryGross, Fields.employment,
        Fields.workMode, Fields.city, Fields.experience, Fields.skills, Fields.applyURL, Fields.datePosted,
        Fields.status, Fields.sources, Fields.contact,
    ]

    /// The jobs of a file.
    ///
    /// - Parameter withContacts: whether to import the vacancy's contact person (personal data).
    /// - Throws: ``FormatError`` naming the vacancy and the field at fault.
    public static func jobs(in bytes: [UInt8], withContacts: Bool = false) throws(FormatError) -> [ImportedRecord] {
        let job: @Sendable (Int, HHVacancy) throws(FormatError) -> ImportedRecord = {
            index,
            vacancy throws(FormatError) in
            try Self.job(
                vacancy,
                place: "vacancy \(index + 1) (id \(vacancy.id.prefix(20)))",
                withContacts: withContacts
            )
        }
        if let chunks = pageChunks(bytes), let jobs = try readChunks(chunks, job) { return jobs }
        let vacancies: [HHVacancy]
        do {
            vacancies = try JSONDecoder().decode(HHPage.self, from: Data(bytes)).items
        } catch let error as DecodingError {
            throw Self.describe(error)
        } catch {
            throw FormatError("the file", "is not JSON: \(error.localizedDescription)", fileProblem: .notJSON)
        }
        return try ParallelMap.map(vacancies, job)
    }

    /// A page's items in chunks of at most ``ParallelMap/largestChunk``, found by a byte scan; nil
    /// for a single vacancy, a short page, one core, or a document the scan does not understand.
    private static func pageChunks(_ bytes: [UInt8]) -> [ArraySlice<ArraySlice<UInt8>>]? {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard let elements = JSONArraySplitter.elements(of: "items", in: bytes), elements.count >= 1_000, cores > 1
        else { return nil }
        let chunkSize = ParallelMap.chunkSize(count: elements.count, cores: cores)
        return stride(from: 0, to: elements.count, by: chunkSize).map {
            elements[$0..<min($0 + chunkSize, elements.count)]
        }
    }

    /// What became of a chunk of a page: its jobs, the first vacancy at fault, or bytes that do not
    /// read as vacancies.
    private enum ChunkJobs: Sendable {
        case read([ImportedRecord])
        case refused(FormatError)
        case unreadable
    }

    /// Reads a page's chunks and makes their jobs on every core, each chunk in one pass, so that no
    /// core waits while another gathers every vacancy. Each chunk is read with a ``JSONCursor`` or,
    /// where the cursor does not expect it, `JSONDecoder`. The first vacancy at fault, by position,
    /// is the one thrown; nil when a chunk is not vacancies, for the whole file to be decoded again
    /// (whose error names the real place).
    private static func readChunks(
        _ chunks: [ArraySlice<ArraySlice<UInt8>>],
        _ job: @Sendable (Int, HHVacancy) throws(FormatError) -> ImportedRecord
    ) throws(FormatError) -> [ImportedRecord]? {
        let results = Slots<ChunkJobs>(count: chunks.count)
        DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
            let chunk = chunks[index]
            guard let vacancies = (try? chunk.map(Self.vacancy(in:))) ?? (try? decodeWhole(chunk)) else {
                results.set(index, .unreadable)
                return
            }
            do throws(FormatError) {
                var jobs: [ImportedRecord] = []
                jobs.reserveCapacity(vacancies.count)
                for (offset, vacancy) in vacancies.enumerated() {
                    jobs.append(try job(chunk.startIndex + offset, vacancy))
                }
                results.set(index, .read(jobs))
            } catch {
                results.set(index, .refused(error))
            }
        }
        var jobs: [ImportedRecord] = []
        jobs.reserveCapacity(chunks.reduce(0) { $0 + $1.count })
        var refusal: FormatError?
        for result in results.all {
            switch result {
            case .read(let part): jobs += part
            case .refused(let error): refusal = refusal ?? error
            case .unreadable: return nil
            }
        }
        if let refusal { throw refusal }
        return jobs
    }

    /// A chunk's vacancies as `JSONDecoder` reads them, as one JSON array.
    private static func decodeWhole(_ chunk: ArraySlice<ArraySlice<UInt8>>) throws -> [HHVacancy] {
        var array: [UInt8] = [0x5B]
        for (offset, element) in chunk.enumerated() {
            if offset > 0 { array.append(0x2C) }
            array += element
        }
        array.append(0x5D)
        return try JSONDecoder().decode([HHVacancy].self, from: Data(array))
    }

    /// One vacancy of a page, read with a ``JSONCursor``.
    static func vacancy(in element: ArraySlice<UInt8>) throws -> HHVacancy {
        var cursor = JSONCursor(element)
        let vacancy = try HHVacancy(reading: &cursor)
        guard cursor.isAtEnd() else { throw JSONCursor.Mismatch() }
        return vacancy
    }

    private static func job(
        _ vacancy: HHVacancy,
        place: String,
        withContacts: Bool
    ) throws(FormatError) -> ImportedRecord {
        guard !vacancy.id.isEmpty, vacancy.id.count <= 40 else {
            throw FormatError(place, "id must be 1 to 40 characters")
        }
        let title = vacancy.name.singleLine
        guard !title.isEmpty else { throw FormatError(place, "name is empty") }
        var operations: [ArtelCore.Operation] = []
        operations.reserveCapacity(32)
        operations.append(.set(Fields.title, .string(title.clipped(to: 200))))
        func set(_ field: FieldID, _ text: String?, limit: Int) {
            guard let text, !text.isEmpty else { return }
            operations.append(.set(field, .string(text.clipped(to: limit))))
        }
        /// Each element once, in order (a vacancy has a handful: sorting beats hashing them).
        func add(_ field: FieldID, _ elements: [String], limit: Int) {
            var previous: String?
            for element in elements.filter({ !$0.isEmpty }).map({ $0.clipped(to: limit) }).sorted()
            where element != previous {
                operations.append(.add(field, .string(element)))
                previous = element
            }
        }
        set(Fields.employer, vacancy.employer?.name?.singleLine, limit: 200)
        set(Fields.description, vacancy.description.map(HTMLText.plain), limit: 20_000)
        set(Fields.duties, vacancy.snippet?.responsibility.map(HTMLText.plain), limit: 10_000)
        set(Fields.requirements, vacancy.snippet?.requirement.map(HTMLText.plain), limit: 10_000)
        operations += try Self.salary(of: vacancy, place: place)
        add(Fields.employment, employment(vacancy), limit: 20)
        set(Fields.workMode, workMode(vacancy), limit: 20)
        // The address names the town itself where the area may name its region.
        set(Fields.city, (vacancy.address?.city ?? vacancy.area?.name)?.singleLine, limit: 100)
        // hh.ru's roles and a flexible schedule have no field of their own: they are tags, which the
        // import adds but never removes, so that a community's own tags stay.
        var tags = (vacancy.professionalRoles ?? []).compactMap { $0.name?.singleLine }
        if vacancy.schedule?.id == "flexible", let name = vacancy.schedule?.name { tags.append(name.lowercased()) }
        add(Fields.tags, tags.map { $0.clipped(to: 64) }, limit: 64)
        set(Fields.experience, vacancy.experience?.name?.singleLine, limit: 200)
        add(Fields.skills, (vacancy.keySkills ?? []).compactMap { $0.name?.singleLine }, limit: 100)
        if let url = vacancy.applyAlternateUrl ?? vacancy.alternateUrl,
            url.hasPrefix("https://") || url.hasPrefix("http://")
        {
            set(Fields.applyURL, url, limit: 2_000)
        }
        if let published = vacancy.publishedAt {
            guard let moment = Self.moment(published) else {
                throw FormatError(
                    place,
                    "published_at \"\(published.prefix(40))\" is not a time like 2026-11-20T12:34:56+0300"
                )
            }
            operations.append(.set(Fields.datePosted, .timestamp(moment)))
        }
        set(Fields.status, vacancy.archived == true ? "closed" : "open", limit: 20)
        let link = vacancy.alternateUrl.map { " " + $0 } ?? ""
        add(Fields.sources, ["hh:\(vacancy.id)\(link)"], limit: 500)
        if withContacts, let contacts = vacancy.contacts {
            let parts = [contacts.name, contacts.email] + (contacts.phones ?? []).map(\.formatted)
            set(
                Fields.contact,
                parts.compactMap { $0?.singleLine }.filter { !$0.isEmpty }.joined(separator: ", "),
                limit: 300
            )
        }
        operations.sortCanonically()
        return ImportedRecord(
            kind: .job,
            record: RecordID.derived(label: "artel/import/hh/v1", from: Array(vacancy.id.utf8)),
            operations: operations,
            controlled: importedFields,
            label: place
        )
    }

    private static func employment(_ vacancy: HHVacancy) -> [String] {
        let ids = [vacancy.employment?.id, vacancy.employmentForm?.id].compactMap { $0?.lowercased() }
        var kinds = ids.compactMap { id in
            switch id {
            case "full", "fly_in_fly_out": "full_time"
            case "part", "side_job": "part_time"
            case "project": "contract"
            case "volunteer": "volunteer"
            case "probation": "internship"
            default: nil as String?
            }
        }
        if vacancy.internship == true { kinds.append("internship") }
        return kinds
    }

    private static func workMode(_ vacancy: HHVacancy) -> String? {
        let formats = Set((vacancy.workFormat ?? []).compactMap { $0.id?.uppercased() })
        if formats.contains("HYBRID") || formats.count > 1 { return "hybrid" }
        if formats.contains("REMOTE") { return "remote" }
        if formats.contains("ON_SITE") || formats.contains("FIELD_WORK") { return "onsite" }
        switch vacancy.schedule?.id {
        case "remote": return "remote"
        case "fullDay", "shift", "flyInFlyOut": return "onsite"
        default: return nil
        }
    }

    /// `2026-11-20T12:34:56+0300` in Unix milliseconds.
    static func moment(_ text: String) -> Int64? {
        let characters = Array(text.utf8)
        guard characters.count == 24, characters[4] == 0x2D, characters[7] == 0x2D, characters[10] == 0x54,
            characters[13] == 0x3A, characters[16] == 0x3A, characters[19] == 0x2B || characters[19] == 0x2D
        else { return nil }
        func number(_ from: Int, _ length: Int) -> Int? {
            var value = 0
            for byte in characters[from..<from + length] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
            let minute = number(14, 2), let second = number(17, 2), let offsetHours = number(20, 2),
            let offsetMinutes = number(22, 2)
        else { return nil }
        let time = CivilTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard time.isValid, (1900...9999).contains(year) else { return nil }
        let offset = (offsetHours * 3_600 + offsetMinutes * 60) * (characters[19] == 0x2D ? -1 : 1)
        return time.milliseconds(offset: offset)
    }

    private static func describe(_ error: DecodingError) -> FormatError {
        func path(_ codingPath: [any CodingKey]) -> String {
            var place = ""
            for key in codingPath {
                if let index = key.intValue {
                    place += "[\(index)]"
                } else {
                    place += (place.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return place.isEmpty ? "the file" : place
        }
        switch error {
        case .typeMismatch(let type, let context):
            return FormatError(path(context.codingPath), "expected \(type): \(context.debugDescription)")
        case .valueNotFound(_, let context):
            return FormatError(path(context.codingPath), "is missing or null")
        case .keyNotFound(let key, let context):
            return FormatError(path(context.codingPath + [key]), "is missing")
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return FormatError(
                "the file",
                "is not JSON (\(context.underlyingError.map { "\($0)" } ?? context.debugDescription))",
                fileProblem: .notJSON
            )
        case .dataCorrupted(let context):
            return FormatError(path(context.codingPath), context.debugDescription)
        @unknown default:
            return FormatError("the file", "\(error)")
        }
    }
}
