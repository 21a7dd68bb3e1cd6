public import ArtelCore
public import ArtelFormats
public import ArtelStore
import Foundation

/// `/editor`: an editor's communities with their jobs and coming events, each with its actions; and
/// the pages that confirm renewing, closing, cancelling or deleting one, and refuse what the
/// account may not do.
public enum EditorPages: Sendable {
    /// One community on the dashboard.
    public struct Community: Sendable {
        /// Its key.
        public let key: PublicKey
        /// Its name.
        public let name: String
        /// Whether the editor may write its jobs.
        public let writesJobs: Bool
        /// Its jobs, newest first, open or not.
        public let jobs: [JobListing]
        /// Its coming events.
        public let events: [Event]
        /// Whether the editor may write its events.
        public let writesEvents: Bool

        /// A community on the dashboard.
        public init(
            key: PublicKey,
            name: String,
            writesJobs: Bool,
            jobs: [JobListing],
            events: [Event],
            writesEvents: Bool = false
        ) {
            self.key = key
            self.name = name
            self.writesJobs = writesJobs
            self.jobs = jobs
            self.events = events
            self.writesEvents = writesEvents
        }
    }

    /// A coming event on the dashboard.
    public struct Event: Sendable {
        /// Its id.
        public let id: RecordID
        /// Its title.
        public let title: String
        /// When it starts, Unix ms.
        public let start: Int64
        /// Its time zone, when it names one.
        public let timeZone: String?
        /// Its status (`cancelled`, `postponed`…), when it has one.
        public let status: String?

        /// The event of a stored record; `nil` for one without a title or start.
        public init?(_ record: StoredRecord) {
            guard let view = record.view, let title = view.string("title"),
                case .timestamp(let start)? = record.state.value(of: RecordKind.event.schema["start"].id)
            else { return nil }
            id = record.id
            self.title = title
            self.start = start
            timeZone = view.string("timezone")
            status = view.string("status")
        }
    }

    /// The dashboard.
    ///
    /// - Parameters:
    ///   - communities: the communities the editor writes for.
    ///   - done: what was just done (`created`, `changed`, `closed`, `deleted`…), to say so.
    ///   - writesDigests: whether the editor may publish digests, to offer composing one.
    public static func dashboard(
        _ frame: PageFrame,
        communities: [Community],
        done: String?,
        writesDigests: Bool = false
    ) -> SitePage {
        let words = frame.words
        let sections = communities.map { community -> [String: Any] in
            [
                "name": community.name,
                "writesJobs": community.writesJobs,
                "newJob": "/editor/jobs/new?community=\(community.key.hex)",
                "jobs": community.jobs.map { job -> [String: Any] in
                    let status = job.status ?? "open"
                    return [
                        "title": job.title,
                        "status": words["editor.status.\(status)"],
                        "isOpen": status == "open",
                        "href": JobCard.href(job),
                        "edit": "/editor/jobs/\(job.id.hex)/edit",
                        "close": "/editor/jobs/\(job.id.hex)/close",
                        "renew": "/editor/jobs/\(job.id.hex)/renew",
                        "delete": "/editor/jobs/\(job.id.hex)/delete",
                        "posted": SiteDates.day(job.datePosted ?? job.updated, in: frame.language),
                        "writable": community.writesJobs,
                    ]
                },
                "hasJobs": !community.jobs.isEmpty,
                "writesEvents": community.writesEvents,
                "newEvent": "/editor/events/new?community=\(community.key.hex)",
                "events": community.events.map { event -> [String: Any] in
                    let path = "/editor/events/\(event.id.hex)"
                    var entry: [String: Any] = [
                        "title": event.title, "href": "/events/\(event.id.hex)",
                        "start": SiteDates.dayAndTime(event.start, in: frame.language, zone: event.timeZone),
                        "isCancelled": event.status == "cancelled",
                        "edit": path + "/edit", "cancel": path + "/cancel", "delete": path + "/delete",
                        "writable": community.writesEvents,
                    ]
                    // An event without a status has no "· status" after its date.
                    entry["status"] = event.status.flatMap { words.optional("events.status.\($0)") }
                    return entry
                },
                "hasEvents": !community.events.isEmpty,
            ]
        }
        var content: [String: Any] = ["communities": sections, "writesDigests": writesDigests]
        if let done, let note = words.optional("editor.done.\(done)") { content["done"] = note }
        return SitePage.render("editor", frame.context(title: words["editor.title"], content: content))
    }

    /// The page that asks before renewing, closing, cancelling or deleting a record.
    ///
    /// - Parameters:
    ///   - key: what is asked, in the catalog: `close`, `delete`, `renew` (a job's) or `event.cancel`,
    ///     `event.delete` (`editor.confirm.<key>`, `editor.button.<key>`).
    ///   - action: where the form posts.
    ///   - title: the record's title.
    ///   - until: for a renewal, when the record will expire then, Unix ms.
    public static func confirm(
        _ frame: PageFrame,
        key: String,
        action: String,
        title: String,
        until: Int64? = nil
    ) -> SitePage {
        let words = frame.words
        var content: [String: Any] = [
            "question": words["editor.confirm.\(key)"],
            "jobTitle": title,
            "action": action,
            "button": words["editor.button.\(key)"],
            "csrf": frame.account?.formToken ?? "",
        ]
        if key.hasSuffix("delete") {
            content["forGood"] = words[key.hasPrefix("event.") ? "editor.event.deleteForGood" : "editor.deleteForGood"]
        }
        if let until {
            content["until"] = words["editor.renewUntil"]
                .replacingOccurrences(of: "{date}", with: SiteDates.day(until, in: frame.language))
        }
        return SitePage.render("editorConfirm", frame.context(title: words["editor.confirm.\(key)"], content: content))
    }

    /// The page for an account that may not do what it asked: another role, another community, or
    /// a kind it was not given.
    public static func forbidden(_ frame: PageFrame) -> SitePage {
        SitePage.error(
            frame,
            status: 403,
            heading: frame.words["editor.forbidden"],
            message: frame.words["editor.forbiddenText"]
        )
    }
}
