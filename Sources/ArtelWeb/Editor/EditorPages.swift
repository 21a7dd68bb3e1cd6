public import ArtelCore
public import ArtelFormats
import Foundation

/// `/editor`: an editor's communities with their jobs and events, each job with its actions; and
/// the pages that confirm closing or deleting one, and refuse what the account may not do.
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
        public let events: [(id: RecordID, title: String, start: Int64)]

        /// A community on the dashboard.
        public init(
            key: PublicKey,
            name: String,
            writesJobs: Bool,
            jobs: [JobListing],
            events: [(id: RecordID, title: String, start: Int64)]
        ) {
            self.key = key
            self.name = name
            self.writesJobs = writesJobs
            self.jobs = jobs
            self.events = events
        }
    }

    /// The dashboard.
    ///
    /// - Parameters:
    ///   - communities: the communities the editor writes for.
    ///   - done: what was just done (`created`, `changed`, `closed`, `deleted`), to say so.
    public static func dashboard(_ frame: PageFrame, communities: [Community], done: String?) -> SitePage {
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
                        "delete": "/editor/jobs/\(job.id.hex)/delete",
                        "posted": SiteDates.day(job.datePosted ?? job.updated, in: frame.language),
                        "writable": community.writesJobs,
                    ]
                },
                "hasJobs": !community.jobs.isEmpty,
                "events": community.events.map {
                    [
                        "title": $0.title, "href": "/events/\($0.id.hex)",
                        "start": SiteDates.day($0.start, in: frame.language),
                    ]
                },
                "hasEvents": !community.events.isEmpty,
            ]
        }
        var content: [String: Any] = ["communities": sections]
        if let done, let note = words.optional("editor.done.\(done)") { content["done"] = note }
        return SitePage.render("editor", frame.context(title: words["editor.title"], content: content))
    }

    /// The page that asks before closing or deleting a job.
    ///
    /// - Parameters:
    ///   - action: `close` or `delete`.
    ///   - job: the job.
    public static func confirm(_ frame: PageFrame, action: String, job: JobListing) -> SitePage {
        let words = frame.words
        let content: [String: Any] = [
            "question": words["editor.confirm.\(action)"],
            "jobTitle": job.title,
            "action": "/editor/jobs/\(job.id.hex)/\(action)",
            "button": words["editor.button.\(action)"],
            "csrf": frame.account?.formToken ?? "",
            "isDelete": action == "delete",
        ]
        return SitePage.render(
            "editorConfirm",
            frame.context(title: words["editor.confirm.\(action)"], content: content)
        )
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
