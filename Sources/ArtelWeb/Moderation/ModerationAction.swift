public import ArtelCore
public import ArtelStore
import Foundation

/// One thing a moderator does on the site. Each is a POST to ``path`` carrying ``fields``, asked
/// about first on a confirmation page (a GET of the same path with the same fields in its query),
/// and reported after on the moderation page with its undo.
public enum ModerationAction: Sendable, Equatable {
    /// Block an author or a community.
    case block(BlockTarget, PublicKey)
    /// Lift the block on a key (blocked as the target given).
    case unblock(BlockTarget, PublicKey)
    /// Hide the record whose id is, or starts with, these hex digits.
    case hide(String)
    /// Show again the record whose id is, or starts with, these hex digits.
    case unhide(String)

    /// The actions by the last part of their path.
    public static let names = ["block", "unblock", "hide", "unhide"]

    /// Reads an action from a form or a query: `name` is one of ``names``; the fields are `target`
    /// and `key` (64 hex digits) for a block, `key` for an unblock, `id` (1 to 32 hex digits) to hide
    /// or show a record.
    ///
    /// - Returns: the action, or the problem to show, when a field is missing or malformed.
    public static func parse(
        _ name: String,
        _ fields: [(name: String, value: String)]
    ) -> Result<ModerationAction, ModerationProblem> {
        func field(_ field: String) -> String {
            (fields.last { $0.name == field }?.value ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        }
        switch name {
        case "block", "unblock":
            let target = BlockTarget(rawValue: field("target"))
            if name == "block" && target == nil { return .failure(.target) }
            let key = field("key")
            guard key.count == 64, let key = PublicKey(hex: key) else { return .failure(.key) }
            return .success(name == "block" ? .block(target!, key) : .unblock(target ?? .author, key))
        default:
            let id = field("id")
            guard (1...32).contains(id.count), Hex.isHexDigits(id) else { return .failure(.id) }
            return .success(name == "hide" ? .hide(id) : .unhide(id))
        }
    }

    /// The address the action is posted to.
    public var path: String { "/moderation/\(name)" }

    /// The last part of ``path``.
    public var name: String {
        switch self {
        case .block: "block"
        case .unblock: "unblock"
        case .hide: "hide"
        case .unhide: "unhide"
        }
    }

    /// The fields that name what the action is done to, besides the form token and the reason.
    public var fields: [(name: String, value: String)] {
        switch self {
        case .block(let target, let key), .unblock(let target, let key):
            [("target", target.rawValue), ("key", key.hex)]
        case .hide(let id), .unhide(let id): [("id", id)]
        }
    }

    /// The page that asks before the action.
    public var confirmation: String { PageFrame.address(path, fields.map { ($0.name, $0.value) }) }

    /// The moderation page that reports the action done, with its undo.
    public var report: String {
        PageFrame.address("/moderation", [("done", name)] + fields.map { ($0.name, $0.value) })
    }

    /// The action that undoes this one.
    public var undo: ModerationAction {
        switch self {
        case .block(let target, let key): .unblock(target, key)
        case .unblock(let target, let key): .block(target, key)
        case .hide(let id): .unhide(id)
        case .unhide(let id): .hide(id)
        }
    }

    /// Whether the undo is offered as a button at once (lifting a block, showing a record again);
    /// blocking and hiding again go through their confirmation page.
    var undoesAtOnce: Bool {
        switch self {
        case .block, .hide: true
        case .unblock, .unhide: false
        }
    }

    /// The name it has in the audit log: `block.author`, `block.community`, `unblock`, `record.hide`,
    /// `record.unhide`.
    public var auditName: String {
        switch self {
        case .block(let target, _): "block.\(target.rawValue)"
        case .unblock: "unblock"
        case .hide: "record.hide"
        case .unhide: "record.unhide"
        }
    }

    /// What it is done to, as the audit log names it: the key, or the record's id, in hex.
    public var auditTarget: String {
        switch self {
        case .block(_, let key), .unblock(_, let key): key.hex
        case .hide(let id), .unhide(let id): id
        }
    }

    /// The key of its words under `moderation.confirm.`, `moderation.explain.`.
    var wordKey: String {
        if case .block(let target, _) = self { return "block.\(target.rawValue)" }
        return name
    }
}

/// Why a moderator's request cannot be done: its words under `moderation.problem.`, and its status.
public enum ModerationProblem: String, Error, Sendable, CaseIterable {
    /// The account is neither a moderator nor an operator.
    case forbidden
    /// The block names neither an author nor a community.
    case target
    /// The key is not 64 hex digits.
    case key
    /// The key is not blocked.
    case notBlocked
    /// The record id is not 1 to 32 hex digits.
    case id
    /// No record has the id.
    case noRecord
    /// Several records' ids start with the digits given.
    case ambiguous
    /// The reason is too long.
    case reason
    /// The refusal log's source is too long.
    case source

    /// The HTTP status of the page that says so.
    public var status: Int {
        switch self {
        case .forbidden: 403
        case .notBlocked, .noRecord: 404
        default: 400
        }
    }
}
