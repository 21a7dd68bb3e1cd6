import ArtelCore
import Foundation

/// schema.org JSON-LD for jobs and events, following Google's guidance for job postings (title,
/// description, datePosted, validThrough, hiringOrganization, jobLocation or TELECOMMUTE,
/// employmentType, baseSalary with currency and unit) and for events (eventStatus,
/// eventAttendanceMode, a Place, a VirtualLocation with the join link, or both for a mixed event).
/// A repeating event is written as its occurrences (``CalendarEvent/listing(_:now:)``).
public enum SchemaOrgWriter: Sendable {
    /// One document: `{"@context": "https://schema.org", "@graph": [...]}`.
    public static func document(jobs: [JobListing], events: [CalendarEvent]) -> String {
        let graph: [[String: Any]] = jobs.map(job) + events.map(event)
        let document: [String: Any] = ["@context": "https://schema.org", "@graph": graph]
        let data = try! JSONSerialization.data(
            withJSONObject: document,
            options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        )
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static let employmentTypes = [
        "full_time": "FULL_TIME", "part_time": "PART_TIME", "contract": "CONTRACTOR", "internship": "INTERN",
        "volunteer": "VOLUNTEER",
    ]
    static let salaryUnits = ["hour": "HOUR", "day": "DAY", "month": "MONTH", "year": "YEAR"]
    static let eventStatuses = [
        "scheduled": "EventScheduled", "cancelled": "EventCancelled", "postponed": "EventPostponed",
        "rescheduled": "EventRescheduled", "moved_online": "EventMovedOnline",
    ]

    static func job(_ job: JobListing) -> [String: Any] {
        var object: [String: Any] = [
            "@type": "JobPosting",
            "title": job.title,
            "description": html(of: job),
            "datePosted": ISODates.date(job.datePosted ?? job.updated),
            "identifier": [
                "@type": "PropertyValue", "name": job.communityName ?? job.community.hex, "value": job.id.hex,
            ],
            // Google asks for the employer always: a job without one is offered by its community.
            "hiringOrganization": ["@type": "Organization", "name": job.employer ?? job.communityName ?? "Artel"],
        ]
        // The job leaves every replica at its expiry, so it is valid no longer, whatever it says.
        let ends = [job.validThrough, job.expires].compactMap { $0 }
        if let validThrough = ends.min() { object["validThrough"] = ISODates.dateTime(validThrough) }
        let types = job.employment.compactMap { employmentTypes[$0] }
        if !types.isEmpty { object["employmentType"] = types.count == 1 ? types[0] : types }
        // TELECOMMUTE is for jobs done wholly remotely; a hybrid one is tied to its place.
        if job.workMode == "remote" {
            object["jobLocationType"] = "TELECOMMUTE"
            object["applicantLocationRequirements"] = ["@type": "Country", "name": job.country ?? "RU"]
        } else if job.city != nil || job.region != nil || job.country != nil {
            var address: [String: Any] = ["@type": "PostalAddress"]
            address["addressLocality"] = job.city
            address["addressRegion"] = job.region
            address["addressCountry"] = job.country
            object["jobLocation"] = ["@type": "Place", "address": address]
        }
        if let currency = job.salaryCurrency, job.salaryMin != nil || job.salaryMax != nil {
            var value: [String: Any] = ["@type": "QuantitativeValue"]
            value["minValue"] = job.salaryMin
            value["maxValue"] = job.salaryMax
            value["unitText"] = job.salaryPeriod.flatMap { salaryUnits[$0] }
            object["baseSalary"] = ["@type": "MonetaryAmount", "currency": currency, "value": value]
        }
        if let url = job.applyURL { object["url"] = url }
        if let experience = job.experience { object["experienceRequirements"] = experience }
        if !job.skills.isEmpty { object["skills"] = job.skills.joined(separator: ", ") }
        return object
    }

    /// The description as the HTML Google asks for: each part a paragraph, lines kept as breaks,
    /// the headings in the community's language (``Catalog``).
    static func html(of job: JobListing) -> String {
        let catalog = job.catalog
        let parts: [(heading: String?, text: String?)] = [
            (nil, job.description), (catalog[.dutiesHeading], job.duties),
            (catalog[.requirementsHeading], job.requirements),
        ]
        let html = parts.compactMap { heading, text -> String? in
            guard let text, !text.isEmpty else { return nil }
            let paragraphs = text.components(separatedBy: "\n\n").map {
                "<p>" + JobFeeds.xml($0).replacingOccurrences(of: "\n", with: "<br>") + "</p>"
            }
            return (heading.map { "<p><strong>\($0):</strong></p>" } ?? "") + paragraphs.joined()
        }
        return html.isEmpty ? "<p>" + JobFeeds.xml(job.title) + "</p>" : html.joined()
    }

    static func event(_ event: CalendarEvent) -> [String: Any] {
        var object: [String: Any] = [
            "@type": "Event",
            "name": event.summary,
            "startDate": event.allDay ? ISODates.date(event.start) : ISODates.dateTime(event.start),
            // An occurrence of a repeating event is told apart from its siblings by its start.
            "identifier": event.isOccurrence ? event.uid + "#" + ISODates.dateTime(event.start) : event.uid,
            "eventStatus": "https://schema.org/" + (event.status.flatMap { eventStatuses[$0] } ?? "EventScheduled"),
        ]
        if let end = event.end {
            // schema.org's endDate is inclusive: an all-day event ends on its last day.
            object["endDate"] = event.allDay ? ISODates.date(end - 86_400_000) : ISODates.dateTime(end)
        }
        if let description = event.description { object["description"] = description }
        // Google asks for a location always: a Place where people come, a VirtualLocation they join, or both.
        var locations: [[String: Any]] = []
        if let location = event.location {
            locations.append(["@type": "Place", "name": location, "address": location])
        }
        if let link = event.onlineURLs.first { locations.append(["@type": "VirtualLocation", "url": link]) }
        if !locations.isEmpty { object["location"] = locations.count == 1 ? locations[0] : locations }
        let mode =
            switch (event.location != nil, !event.onlineURLs.isEmpty, event.attendance) {
            case (true, true, _), (_, _, "mixed"): "MixedEventAttendanceMode"
            case (false, true, _), (_, _, "online"): "OnlineEventAttendanceMode"
            case (true, false, _), (_, _, "offline"): "OfflineEventAttendanceMode"
            default: nil as String?
            }
        if let mode { object["eventAttendanceMode"] = "https://schema.org/" + mode }
        if let url = event.url ?? event.onlineURLs.first { object["url"] = url }
        return object
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
