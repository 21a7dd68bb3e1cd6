import ArtelCore
import ArtelNode
import ArtelStore
import ArtelWeb
import Foundation
import Hummingbird

/// The moderator's pages (`/moderation/…`): the quarantine, the refusal log, blocks of authors and
/// communities, and hidden records, for moderators and operators (an operator may do all a
/// moderator does); a signed-out visitor is sent to `/signin`, an editor gets 403.
///
/// Each action is a GET that asks (``ModerationPages/confirm(_:_:subject:)``, changing nothing)
/// and a POST that does it through the same ``Replica`` calls as `artel block`, `artel unblock`
/// and `artel hide`, once the form passes ``FormGuard``; it goes to the audit log with the account,
/// and the page after it offers the undo.
struct ModerationSiteRoutes {
    let context: APIContext

    /// The most held deltas, hidden records and refusals a page lists.
    static let listed = 200

    func register(on router: Router<APIRequestContext>) {
        router.get("moderation") { request, _ in try await guarded(request) { try await summary($1, $2) } }
        router.get("moderation/quarantine") { request, _ in
            try await guarded(request) { try await quarantine($1, $2) }
        }
        router.get("moderation/refusals") { request, _ in try await guarded(request) { try await refusals($1, $2) } }
        router.get("moderation/records/:id") { request, route in
            try await guarded(request) { _, frame, chosen in
                try await record(route.parameters.get("id") ?? "", frame, chosen)
            }
        }
        for name in ModerationAction.names {
            router.get("moderation/\(name)") { request, _ in
                try await guarded(request) { _, frame, chosen in try await ask(name, frame, chosen) }
            }
            router.post("moderation/\(name)") { request, route in
                try await guarded(request) { visitor, frame, _ in
                    try await act(name, request, visitor, frame, address: route.address)
                }
            }
        }
    }

    // MARK: Pages

    /// `GET /moderation`: the counts, the blocks, the hidden records, and what was just done.
    private func summary(_ frame: PageFrame, _ chosen: SiteLanguage?) async throws -> Response {
        let replica = context.replica
        var hidden: [(record: HiddenRecord, title: String?)] = []
        for entry in try await replica.hiddenRecords().prefix(Self.listed) {
            hidden.append((entry, try await replica.record(entry.kind, entry.reference).flatMap(Self.title)))
        }
        var done: ModerationAction?
        if let name = frame.parameters.last(where: { $0.name == "done" })?.value {
            done = try? ModerationAction.parse(name, frame.parameters).get()
        }
        let page = ModerationPages.summary(
            frame,
            held: try await replica.heldCounts(),
            refusals: try await replica.refusalCounts().bySource.reduce(0) { $0 + $1.1 },
            blocks: try await replica.blocks(),
            hidden: hidden,
            done: done
        )
        return SiteResponses.page(page, rememberLanguage: chosen)
    }

    /// `GET /moderation/quarantine`: the held deltas, the latest first.
    private func quarantine(_ frame: PageFrame, _ chosen: SiteLanguage?) async throws -> Response {
        let held = try await context.replica.heldDeltas(includingRefused: true)
        let page = ModerationPages.quarantine(
            frame,
            held: Array(held.reversed().prefix(Self.listed)),
            total: held.count,
            names: try await PublicListings.communityNames(context.replica)
        )
        return SiteResponses.page(page, rememberLanguage: chosen)
    }

    /// `GET /moderation/refusals[?source=…]`: the counts and the latest refusals, of one source or all.
    private func refusals(_ frame: PageFrame, _ chosen: SiteLanguage?) async throws -> Response {
        let source = frame.parameters.last { $0.name == "source" }?.value
        guard (source?.count ?? 0) <= 100 else { return SiteResponses.page(ModerationPages.problem(frame, .source)) }
        let page = ModerationPages.refusals(
            frame,
            latest: try await context.replica.refusals(limit: Self.listed, source: source),
            counts: try await context.replica.refusalCounts(source: source),
            source: source
        )
        return SiteResponses.page(page, rememberLanguage: chosen)
    }

    /// `GET /moderation/records/{id}`: one record with its community and authors.
    private func record(_ id: String, _ frame: PageFrame, _ chosen: SiteLanguage?) async throws -> Response {
        let record: StoredRecord
        switch try await find(id.lowercased()) {
        case .success(let found): record = found
        case .failure(let problem): return SiteResponses.page(ModerationPages.problem(frame, problem))
        }
        let page = ModerationPages.record(
            frame,
            record,
            title: Self.title(record),
            communityName: try await PublicListings.communityNames(context.replica)[record.community],
            hidden: try await isHidden(record),
            blocked: Set(try await context.replica.blocks().map(\.key))
        )
        return SiteResponses.page(page, rememberLanguage: chosen)
    }

    /// `GET /moderation/{action}?…`: the question before an action; nothing changes.
    private func ask(_ name: String, _ frame: PageFrame, _ chosen: SiteLanguage?) async throws -> Response {
        let page: SitePage
        switch try await resolve(name, frame.parameters) {
        case .success(let resolved): page = ModerationPages.confirm(frame, resolved.action, subject: resolved.subject)
        case .failure(let problem): page = ModerationPages.problem(frame, problem)
        }
        return SiteResponses.page(page, rememberLanguage: chosen)
    }

    /// `POST /moderation/{action}`: the action, once the form is genuine and names what it acts on.
    private func act(
        _ name: String,
        _ request: Request,
        _ visitor: Visitor,
        _ frame: PageFrame,
        address: String?
    ) async throws -> Response {
        guard let form = try await FormGuard.genuine(request, from: visitor) else {
            return SiteResponses.page(SignInPage.forged(frame))
        }
        let reason = form["reason"].trimmingCharacters(in: .whitespacesAndNewlines)
        guard reason.count <= 500 else { return SiteResponses.page(ModerationPages.problem(frame, .reason)) }
        let resolved: Resolved
        switch try await resolve(name, form.fields) {
        case .success(let found): resolved = found
        case .failure(let problem): return SiteResponses.page(ModerationPages.problem(frame, problem))
        }
        let action = resolved.action
        let replica = context.replica
        let now = WallClock.now
        switch action {
        case .block(let target, let key):
            _ = try await replica.block(key, as: target, reason: reason.isEmpty ? nil : reason, now: now)
        case .unblock(_, let key): _ = try await replica.unblock(key)
        case .hide:
            guard let record = resolved.record else { break }
            _ = try await replica.hide(record.kind, record.reference, now: now)
        case .unhide:
            guard let record = resolved.record else { break }
            _ = try await replica.unhide(record.kind, record.reference)
        }
        try await context.audit(visitor, action.auditName, action.auditTarget, address: address)
        return SiteAccess.redirect(action.report)
    }

    // MARK: Reading requests

    /// An action with what it names checked against the replica.
    private struct Resolved {
        /// The action, a record's id given in full, an unblock's target as blocked.
        let action: ModerationAction
        /// What it is done to, for people: a key, a community's name, a record's title.
        let subject: String
        /// The record it hides or shows.
        var record: StoredRecord?
    }

    /// The action a form or query asks for, checked against the replica.
    private func resolve(
        _ name: String,
        _ fields: [(name: String, value: String)]
    ) async throws -> Result<Resolved, ModerationProblem> {
        let action: ModerationAction
        switch ModerationAction.parse(name, fields) {
        case .success(let parsed): action = parsed
        case .failure(let problem): return .failure(problem)
        }
        switch action {
        case .block(.community, let key):
            let name = try await PublicListings.communityNames(context.replica)[key]
            return .success(Resolved(action: action, subject: name.map { "\($0) · \(key.hex)" } ?? key.hex))
        case .block(_, let key): return .success(Resolved(action: action, subject: key.hex))
        case .unblock(_, let key):
            guard let block = try await context.replica.blocks().first(where: { $0.key == key }) else {
                return .failure(.notBlocked)
            }
            return .success(Resolved(action: .unblock(block.target, key), subject: key.hex))
        case .hide(let id), .unhide(let id):
            switch try await find(id) {
            case .success(let record):
                let full = record.id.hex
                return .success(
                    Resolved(
                        action: action == .hide(id) ? .hide(full) : .unhide(full),
                        subject: Self.title(record) ?? full,
                        record: record
                    )
                )
            case .failure(let problem): return .failure(problem)
            }
        }
    }

    /// The one record of a kind a node may hide whose id starts with `prefix`.
    private func find(_ prefix: String) async throws -> Result<StoredRecord, ModerationProblem> {
        guard (1...32).contains(prefix.count), Hex.isHexDigits(prefix) else { return .failure(.id) }
        let matches = try await context.replica.findRecords(among: RecordKind.hideable, idPrefix: prefix)
        guard matches.count <= 1 else { return .failure(.ambiguous) }
        guard let match = matches.first, let record = try await context.replica.record(match.kind, match.reference)
        else { return .failure(.noRecord) }
        return .success(record)
    }

    private func isHidden(_ record: StoredRecord) async throws -> Bool {
        try await context.replica.hiddenRecords().contains {
            $0.kind == record.kind && $0.reference == record.reference
        }
    }

    /// A record's title or name, for people.
    private static func title(_ record: StoredRecord) -> String? {
        guard let view = record.view else { return nil }
        return view.string("title") ?? view.string("name") ?? view.string("display_name")
    }

    // MARK: Access

    /// Runs `body` for a signed-in moderator or operator with the page's frame and the language to
    /// remember; a visitor who is not signed in is sent to sign in, an editor is refused.
    private func guarded(
        _ request: Request,
        _ body: (Visitor, PageFrame, SiteLanguage?) async throws -> Response
    ) async throws -> Response {
        guard let visitor = Visitor.current else { return SiteAccess.signIn(request, fallback: "/moderation") }
        let (frame, chosen) = SiteRoutes.frame(request, .node, siteName: context.nodeName)
        guard visitor.account.moderates else { return SiteResponses.page(ModerationPages.problem(frame, .forbidden)) }
        return try await body(visitor, frame, chosen)
    }
}
