public import ArtelCore
public import ArtelFormats
import Foundation

/// `/editor/import`: the form that uploads a file to import (its format, its community, the file),
/// the same form again with each problem beside its field, and the dry run: entry by entry, what
/// will be created or changed and what is skipped and why, with the button that imports it.
public enum ImportPages: Sendable {
    /// The values of the upload form, kept when it comes back with a problem.
    public struct Upload: Sendable {
        /// `telegram`, `ics` or `hh`.
        public var format = "telegram"
        /// The chosen community's key, in hex.
        public var community = ""
        /// The Telegram channel's username.
        public var channel = ""
        /// The chat to read when a whole account's Telegram export holds several: its name or id.
        public var chat = ""
        /// Whether a Telegram export's event announcements are imported too.
        public var events = false

        /// Empty values: a Telegram export.
        public init() {}

        /// The values a query names (``query``), the others empty.
        public init(query parameters: [(name: String, value: String)]) {
            func value(_ name: String) -> String? { parameters.last { $0.name == name }?.value }
            format = value("format").flatMap { ImportPages.formats.contains($0) ? $0 : nil } ?? format
            community = value("community") ?? ""
            channel = value("channel") ?? ""
            chat = value("chat") ?? ""
            events = value("events") == "yes"
        }

        /// The query of the form with these values: the dry run's link back to it.
        var query: String {
            var pairs = [("format", format), ("community", community), ("channel", channel), ("chat", chat)]
                .filter { !$0.1.isEmpty }
            if events { pairs.append(("events", "yes")) }
            return pairs.map { "\($0)=\(PageFrame.encode($1))" }.joined(separator: "&")
        }
    }

    /// What is wrong with an upload, beside the field at fault.
    public enum Problem: Sendable {
        /// No format of the list.
        case format
        /// No file, or an empty one.
        case missingFile
        /// A file over the limit, in MB.
        case tooLarge(megabytes: Int)
        /// A file its format's reader refuses: a file of another kind is worded in the page's
        /// language, a fault in one of its items with the reader's words on the place at fault.
        case malformed(FormatError)
        /// A Telegram export without a valid channel username.
        case channel
        /// Records the node would not accept (no grant for the editor's key, a value the rules
        /// refuse), with the rule's words.
        case refused(detail: String)
        /// The kept upload is gone (an hour passed, or it was imported).
        case expired
    }

    /// The formats of the form's list, in order.
    public static let formats = ["telegram", "ics", "hh"]

    /// The upload form.
    ///
    /// - Parameters:
    ///   - communities: the communities the editor may import into.
    ///   - maximumMegabytes: the largest file, for the hint.
    ///   - problem: what went wrong with the last upload.
    public static func form(
        _ frame: PageFrame,
        upload: Upload,
        communities: [(key: PublicKey, name: String)],
        maximumMegabytes: Int,
        problem: Problem? = nil
    ) -> SitePage {
        let words = frame.words
        let size = "\(maximumMegabytes)"
        var errors: [String: String] = [:]
        var failure: String?
        var status = 200
        switch problem {
        case .format?: (errors["format"], status) = (words["import.problem.format"], 422)
        case .missingFile?: (errors["file"], status) = (words["import.problem.file"], 422)
        case .tooLarge(let megabytes)?:
            errors["file"] = words["import.problem.tooLarge"].replacingOccurrences(of: "{size}", with: "\(megabytes)")
            status = 413
        case .malformed(let error)? where error.fileProblem == .severalChats || error.fileProblem == .noSuchChat:
            // Which chat to read is the chat field's business, not the file's.
            let key =
                error.fileProblem == .severalChats
                ? "import.problem.severalChats"
                : upload.chat.isEmpty ? "import.problem.noChannel" : "import.problem.noSuchChat"
            errors["chat"] = words[key].replacingOccurrences(of: "{chat}", with: upload.chat)
                .replacingOccurrences(of: "{choices}", with: error.choices.joined(separator: ", "))
            status = 422
        case .malformed(let error)?:
            let format = words["import.format.\(upload.format)"]
            let detail = error.fileProblem.map { words["import.problem.\($0.rawValue)"] } ?? error.description
            errors["file"] = words["import.problem.malformed"].replacingOccurrences(of: "{format}", with: format)
                .replacingOccurrences(of: "{detail}", with: detail)
            status = 422
        case .channel?: (errors["channel"], status) = (words["import.problem.channel"], 422)
        case .refused(let detail)?:
            (failure, status) = (
                words["import.problem.refused"].replacingOccurrences(of: "{detail}", with: detail), 422
            )
        case .expired?: (failure, status) = (words["import.problem.expired"], 410)
        case nil: break
        }
        let labels = [
            "format": "import.formatLabel", "file": "import.file", "channel": "import.channel", "chat": "import.chat",
        ]
        let summary = ["format", "file", "channel", "chat"].compactMap { name -> [String: Any]? in
            errors[name].map { ["href": "#import-\(name)", "message": "\(words[labels[name]!]): \($0)"] }
        }
        var content: [String: Any] = [
            "formats": formats.map {
                ["value": $0, "label": words["import.format.\($0)"], "selected": $0 == upload.format]
            },
            "communities": communities.map {
                ["value": $0.key.hex, "label": $0.name, "selected": $0.key.hex == upload.community]
            },
            "channel": upload.channel,
            "chat": upload.chat,
            "events": upload.events,
            "fileHint": words["import.fileHint"].replacingOccurrences(of: "{size}", with: size),
            "csrf": frame.account?.formToken ?? "",
            "summary": summary,
            "hasSummary": !summary.isEmpty || failure != nil,
        ]
        for (name, error) in errors { content["\(name)Error"] = error }
        if let failure { content["failure"] = failure }
        return SitePage.render(
            "importForm",
            frame.context(title: words["import.title"], content: content),
            status: status
        )
    }

    /// One entry of the file in the dry run: a Telegram message, an event, a vacancy.
    public struct Entry: Sendable {
        /// The message id for a Telegram post; `nil` for an entry that is one record, which its
        /// title names.
        public let post: Int64?
        /// Its records: each title, what becomes of it (`created`, `updated`, `unchanged`,
        /// `renewed`, `deleted`, `editedHere`), and whether it is an event (Russian words the outcome by the
        /// record's gender: a vacancy "будет создана", an event "будет создано").
        public let records: [(title: String?, outcome: String, isEvent: Bool)]
        /// Why it gives no record (`service`, `no hashtag`, `no vacancy`, `unreadable event`).
        public let skip: String?
        /// Parts left out, and why: worded in the page's language.
        public let notes: [LeftOutPart]
        /// The titles of the vacancies stored from this post that it no longer has: they stay.
        public let noLongerInPost: [String]

        /// An entry.
        public init(
            post: Int64?,
            records: [(title: String?, outcome: String, isEvent: Bool)],
            skip: String?,
            notes: [LeftOutPart],
            noLongerInPost: [String] = []
        ) {
            self.post = post
            self.records = records
            self.skip = skip
            self.notes = notes
            self.noLongerInPost = noLongerInPost
        }
    }

    /// The dry run: nothing is stored yet; the button imports the kept file.
    ///
    /// - Parameters:
    ///   - token: names the kept upload for the commit.
    ///   - file: the uploaded file's name.
    ///   - community: the community's name.
    ///   - upload: the values uploaded with the file, for the link back to the form.
    public static func dryRun(
        _ frame: PageFrame,
        entries: [Entry],
        token: String,
        file: String,
        community: String,
        upload: Upload
    ) -> SitePage {
        let words = frame.words
        var counts: [String: Int] = [:]
        for entry in entries {
            // A record kept as edited here is written no more than an unchanged one.
            for record in entry.records {
                counts[record.outcome == "editedHere" ? "unchanged" : record.outcome, default: 0] += 1
            }
            if entry.skip != nil { counts["skipped", default: 0] += 1 }
        }
        var summary = words["import.summary"]
        for name in ["created", "updated", "renewed", "unchanged", "skipped"] {
            summary = summary.replacingOccurrences(of: "{\(name)}", with: "\(counts[name] ?? 0)")
        }
        let writes = (counts["created"] ?? 0) + (counts["updated"] ?? 0) + (counts["renewed"] ?? 0)
        let content: [String: Any] = [
            "intro": words["import.dryRunIntro"].replacingOccurrences(of: "{file}", with: file)
                .replacingOccurrences(of: "{community}", with: community),
            "summary": summary,
            "entries": entries.map { entry -> [String: Any] in
                var shown: [String: Any] = [
                    "records": entry.records.map { record in
                        [
                            "title": record.title ?? words["import.untitled"],
                            "outcome": words["import.outcome.\(record.isEvent ? "event." : "")\(record.outcome)"],
                            "isNew": record.outcome == "created",
                        ]
                    },
                    "hasRecords": !entry.records.isEmpty,
                    "notes": entry.notes.map { text(of: $0, in: words) },
                    "hasNotes": !entry.notes.isEmpty,
                    "gone": entry.noLongerInPost,
                    "hasGone": !entry.noLongerInPost.isEmpty,
                ]
                if let skip = entry.skip { shown["skip"] = words["import.skip.\(skip)"] }
                if let post = entry.post {
                    shown["heading"] = words["import.entry.post"].replacingOccurrences(of: "{id}", with: "\(post)")
                }
                return shown
            },
            "token": token,
            "csrf": frame.account?.formToken ?? "",
            "writes": writes > 0,
            "back": "/editor/import?" + upload.query,
        ]
        return SitePage.render("importDryRun", frame.context(title: words["import.dryRun"], content: content))
    }

    /// A part left out, worded in the page's language.
    static func text(of note: LeftOutPart, in words: SiteWords) -> String {
        let text = words["import.leftOutPart.\(note.name)"].replacingOccurrences(of: "{quoted}", with: note.quoted)
        guard case .event(let skipped) = note else { return text }
        let event =
            skipped.summary.map { words["import.event.named"].replacingOccurrences(of: "{summary}", with: $0) }
            ?? words["import.event.unnamed"]
        return text.replacingOccurrences(of: "{event}", with: event)
            .replacingOccurrences(of: "{line}", with: "\(skipped.problemLine)")
    }
}
