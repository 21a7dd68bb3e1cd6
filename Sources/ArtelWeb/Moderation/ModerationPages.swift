public import ArtelCore
public import ArtelStore
import Foundation

/// The moderator's pages (`/moderation/…`): the summary with the blocks and hidden records, the
/// quarantine, the refusal log, one record's authors and community, and the page that asks before
/// each action. They show what ``Replica`` reads, the same as `artel quarantine`, `artel refused`,
/// `artel blocks`; the routes do the actions through the same calls as `artel block` and `artel hide`.
public enum ModerationPages: Sendable {
    /// The moderation page: the counts, the blocks, the hidden records, the forms that block by key
    /// and hide by id, and, after an action, what was done with its undo.
    ///
    /// - Parameters:
    ///   - held: how many deltas wait in quarantine, and how many the grants refuse.
    ///   - refusals: how many refusals the log holds.
    ///   - hidden: the hidden records, each with its title when it has one.
    ///   - done: the action just done.
    public static func summary(
        _ frame: PageFrame,
        held: (waiting: Int, refused: Int),
        refusals: Int,
        blocks: [Block],
        hidden: [(record: HiddenRecord, title: String?)],
        done: ModerationAction?
    ) -> SitePage {
        let words = frame.words
        var content: [String: Any] = [
            "waiting": held.waiting, "heldRefused": held.refused, "refusals": refusals,
            "blocks": blocks.map { block -> [String: Any] in
                [
                    "target": words["moderation.target.\(block.target.rawValue)"], "key": block.key.hex,
                    "since": SiteDates.day(Int64(block.at), in: frame.language), "reason": block.reason ?? "",
                    "unblock": ModerationAction.unblock(block.target, block.key).confirmation,
                ]
            },
            "hasBlocks": !blocks.isEmpty,
            "hidden": hidden.map { entry -> [String: Any] in
                [
                    "kind": words["moderation.kind.\(entry.record.kind.name)"],
                    "title": entry.title ?? entry.record.reference.record.hex,
                    "href": "/moderation/records/\(entry.record.reference.record.hex)",
                    "since": SiteDates.day(Int64(entry.record.at), in: frame.language),
                    "unhide": ModerationAction.unhide(entry.record.reference.record.hex).confirmation,
                ]
            },
            "hasHidden": !hidden.isEmpty,
            "targets": BlockTarget.allCases.map {
                ["value": $0.rawValue, "label": words["moderation.target.\($0)"], "checked": $0 == .author]
            },
            "csrf": frame.account?.formToken ?? "",
        ]
        if let done {
            let undo = done.undo
            content["done"] = [
                "note": words["moderation.done.\(Self.doneWords[done.name] ?? done.name)"].replacingOccurrences(
                    of: done.name.hasSuffix("block") ? "{key}" : "{id}",
                    with: done.auditTarget
                ),
                "undoesAtOnce": done.undoesAtOnce,
                "undoPath": undo.path,
                "undoFields": undo.fields.map { ["name": $0.name, "value": $0.value] },
                "undoLabel": words[
                    done.undoesAtOnce ? "moderation.undo.\(undo.name)" : "moderation.again.\(undo.name)"
                ],
                "undoHref": undo.confirmation,
            ]
        }
        return SitePage.render("moderation", frame.context(title: words["moderation.title"], content: content))
    }

    /// The word that reports each action done, by its name.
    private static let doneWords = ["block": "blocked", "unblock": "unblocked", "hide": "hidden", "unhide": "unhidden"]

    /// The quarantine: each held delta, what it waits for or why the grants refuse it, where it
    /// came from and since when.
    ///
    /// - Parameters:
    ///   - held: the held deltas shown, the latest first.
    ///   - total: how many are held in all.
    ///   - names: the communities' names.
    public static func quarantine(
        _ frame: PageFrame,
        held: [HeldDelta],
        total: Int,
        names: [PublicKey: String]
    ) -> SitePage {
        let words = frame.words
        let entries = held.map { entry -> [String: Any] in
            let delta = entry.signed.delta
            let kind = words["moderation.kind.\(delta.kind.name)"]
            return [
                "kind": kind, "community": names[delta.community] ?? delta.community.hex,
                "author": delta.author.hex, "record": delta.record.hex, "from": entry.source,
                "arrived": SiteDates.dayAndTime(Int64(entry.arrived), in: frame.language),
                "state": entry.isWaiting
                    ? words["moderation.waitsFor"].replacingOccurrences(of: "{kind}", with: kind)
                    : words["moderation.refusedHeld"].replacingOccurrences(
                        of: "{reason}",
                        with: entry.code?.name ?? entry.reason
                    ),
                "reason": entry.reason,
                "blockAuthor": ModerationAction.block(.author, delta.author).confirmation,
            ]
        }
        let content: [String: Any] = [
            "entries": entries, "hasEntries": !entries.isEmpty,
            "shown": words["moderation.shownOf"].replacingOccurrences(of: "{shown}", with: "\(held.count)")
                .replacingOccurrences(of: "{total}", with: "\(total)"),
        ]
        return SitePage.render(
            "moderationQuarantine",
            frame.context(title: words["moderation.quarantine"], content: content)
        )
    }

    /// The refusal log: counts per source and per reason, then the latest refusals.
    ///
    /// - Parameters:
    ///   - latest: the latest refusals, newest first.
    ///   - counts: how many the log holds per source and per reason, most first.
    ///   - source: the source the page is limited to, if any.
    public static func refusals(
        _ frame: PageFrame,
        latest: [LoggedRefusal],
        counts: (bySource: [(String, Int)], byReason: [(String, Int)]),
        source: String?
    ) -> SitePage {
        let words = frame.words
        var content: [String: Any] = [
            "bySource": counts.bySource.map {
                ["name": $0.0, "count": $0.1, "href": PageFrame.address("/moderation/refusals", [("source", $0.0)])]
            },
            "byReason": counts.byReason.map { ["name": $0.0, "count": $0.1] },
            "latest": latest.map { refusal -> [String: Any] in
                [
                    "when": SiteDates.dayAndTime(Int64(refusal.at), in: frame.language), "source": refusal.source,
                    "reason": refusal.reason, "message": refusal.message,
                    "kind": refusal.kind.map { words["moderation.kind.\($0.name)"] } ?? "",
                    "author": refusal.author?.hex ?? "",
                    "blockAuthor": refusal.author.map { ModerationAction.block(.author, $0).confirmation } ?? "",
                ]
            },
            "hasRefusals": !latest.isEmpty,
        ]
        if let source {
            content["only"] = words["moderation.onlySource"].replacingOccurrences(of: "{source}", with: source)
        }
        return SitePage.render(
            "moderationRefusals",
            frame.context(title: words["moderation.refusals"], content: content)
        )
    }

    /// One record as a moderator sees it: its kind, community and authors, each with the link that
    /// blocks it, and whether it is hidden, with the link that hides or shows it.
    ///
    /// - Parameters:
    ///   - title: its title or name, when it has one.
    ///   - communityName: its community's name, when known.
    ///   - blocked: the keys this node blocks.
    public static func record(
        _ frame: PageFrame,
        _ record: StoredRecord,
        title: String?,
        communityName: String?,
        hidden: Bool,
        blocked: Set<PublicKey>
    ) -> SitePage {
        let words = frame.words
        let id = record.id.hex
        let publicPage: String? =
            switch record.kind {
            case .job: "/jobs/\(id)"
            case .event: "/events/\(id)"
            default: nil
            }
        let authors = Set(record.deltas.map(\.delta.author)).sorted { $0.hex < $1.hex }
        var content: [String: Any] = [
            "kind": words["moderation.kind.\(record.kind.name)"], "title": title ?? id, "id": id,
            "community": communityName ?? record.community.hex, "communityKey": record.community.hex,
            "communityBlocked": blocked.contains(record.community),
            "blockCommunity": ModerationAction.block(.community, record.community).confirmation,
            "authors": authors.map { author -> [String: Any] in
                [
                    "key": author.hex, "blocked": blocked.contains(author),
                    "block": ModerationAction.block(.author, author).confirmation,
                ]
            },
            "deleted": record.state.isDeleted, "hidden": hidden,
            "toggle": (hidden ? ModerationAction.unhide(id) : ModerationAction.hide(id)).confirmation,
            "toggleLabel": words[hidden ? "moderation.unhide" : "moderation.hide"],
        ]
        if let publicPage, !hidden, !record.state.isDeleted { content["publicPage"] = publicPage }
        return SitePage.render("moderationRecord", frame.context(title: title ?? id, content: content))
    }

    /// The page that asks before an action, with the form that does it.
    ///
    /// - Parameters:
    ///   - action: the action, its record's id given in full.
    ///   - subject: what it is done to, for people: a record's title, a community's name.
    public static func confirm(_ frame: PageFrame, _ action: ModerationAction, subject: String) -> SitePage {
        let words = frame.words
        var content: [String: Any] = [
            "question": words["moderation.confirm.\(action.wordKey)"],
            "explain": words["moderation.explain.\(action.wordKey)"],
            "subject": subject, "path": action.path,
            "fields": action.fields.map { ["name": $0.name, "value": $0.value] },
            "button": words["moderation.button.\(action.name)"], "csrf": frame.account?.formToken ?? "",
        ]
        if case .block = action { content["asksReason"] = true }
        return SitePage.render(
            "moderationConfirm",
            frame.context(title: words["moderation.confirm.\(action.wordKey)"], content: content)
        )
    }

    /// The page for a request the moderator's pages cannot do, or an account that may not use them
    /// (neither a moderator nor an operator); nothing was changed.
    public static func problem(_ frame: PageFrame, _ problem: ModerationProblem) -> SitePage {
        SitePage.error(
            frame,
            status: problem.status,
            heading: frame.words[problem == .forbidden ? "moderation.forbidden" : "moderation.problemTitle"],
            message: frame.words["moderation.problem.\(problem.rawValue)"]
        )
    }
}
