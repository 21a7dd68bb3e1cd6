import ArtelCore
import ArtelNode
import ArtelStore
import ArtelWeb
import Foundation
import Hummingbird

/// The editor's pages of one kind of record (`/editor/jobs/…`, `/editor/events/…`): the new
/// record's form, and each stored record's edit form and its confirmed actions (close, renew,
/// cancel, delete). Every write is signed with the account's author key through the same
/// ``Publisher`` and checks as the command line, guarded as ``EditorSiteRoutes`` guards, passes
/// ``FormGuard`` and goes to the audit log as `<kind>.<action>`.
struct EditorFormSiteRoutes<Form: EditorForm>: Sendable {
    /// A confirmed action on a stored record.
    struct Action: Sendable {
        /// The action's words in the catalog (`editor.confirm.<key>`, `editor.button.<key>`).
        let key: String
        /// What the dashboard then says (`editor.done.<done>`).
        let done: String
        /// For a renewal, when the record will expire once renewed, to say so before.
        var until: (@Sendable (StoredRecord, UInt64) -> Int64)?
        /// The change, signed.
        let sign: @Sendable (Publisher, StoredRecord, UInt64) async throws -> SignedDelta
    }

    let editor: EditorSiteRoutes
    /// The path under `/editor/`: `jobs`, `events`.
    let path: String
    /// The section the pages belong to.
    let section: PageFrame.Section
    /// What the dashboard says after a record was created and edited (`editor.done.<…>`).
    let created: String, changed: String
    /// The confirmed actions, by the path's last part.
    let actions: [String: Action]
    /// What a new record's form starts with besides its community, for the community chosen.
    var starting: (@Sendable (APIContext, PublicKey) async throws -> [(name: String, value: String)])?

    private var context: APIContext { editor.context }
    private var kind: RecordKind { Form.kind }

    func register(on router: Router<APIRequestContext>) {
        router.get("editor/\(path)/new") { request, _ in
            try await editor.guarded(request) { try await new(request, $0) }
        }
        router.post("editor/\(path)/new") { request, route in
            try await editor.guarded(request) { try await create(request, $0, address: route.address) }
        }
        for action in ["edit"] + actions.keys.sorted() {
            router.get("editor/\(path)/:id/\(action)") { request, route in
                try await editor.guarded(request) { visitor in
                    try await editor.withRecord(kind, request, route, visitor) { ask(action, $0, $1) }
                }
            }
            router.post("editor/\(path)/:id/\(action)") { request, route in
                try await editor.guarded(request) { visitor in
                    try await editor.withRecord(kind, request, route, visitor) { record, frame in
                        try await change(action, request, record, frame, visitor, address: route.address)
                    }
                }
            }
        }
    }

    /// `GET /editor/{path}/new`: the empty form, its community chosen by `?community=`.
    private func new(_ request: Request, _ visitor: Visitor) async throws -> Response {
        let (frame, chosen) = SiteRoutes.frame(request, section, siteName: context.nodeName)
        let communities = try await editor.communities(visitor, writing: kind)
        guard !communities.isEmpty else { return SiteResponses.page(EditorPages.forbidden(frame)) }
        let chosenCommunity = frame.parameters.filter { $0.name == "community" }
        var fields = chosenCommunity.map { (name: $0.name, value: $0.value) }
        if let starting, let community = chosenCommunity.last.flatMap({ PublicKey(hex: $0.value) }) {
            fields += try await starting(context, community)
        }
        let form = Form(fields)
        let page = Form.page(frame, form: form, editing: nil, communities: communities, problems: [:], refusal: nil)
        return SiteResponses.page(page, rememberLanguage: chosen)
    }

    /// `POST /editor/{path}/new`: the record, once every field passes; else the form with its problems.
    private func create(_ request: Request, _ visitor: Visitor, address: String?) async throws -> Response {
        let (frame, _) = SiteRoutes.frame(request, section, siteName: context.nodeName)
        let posted = try await FormBody.read(request)
        guard FormGuard.accepts(request, posted, from: visitor) else {
            return SiteResponses.page(SignInPage.forged(frame))
        }
        let form = Form(posted.fields)
        let communities = try await editor.communities(visitor, writing: kind)
        guard let community = PublicKey(hex: form.community), visitor.account.mayWrite(kind, in: community) else {
            return SiteResponses.page(EditorPages.forbidden(frame))
        }
        let (operations, problems) = form.operations(current: nil, now: Int64(WallClock.now))
        func again(_ problems: [String: FieldProblem], refusal: String? = nil) -> Response {
            SiteResponses.page(
                Form.page(
                    frame,
                    form: form,
                    editing: nil,
                    communities: communities,
                    problems: problems,
                    refusal: refusal
                )
            )
        }
        guard problems.isEmpty else { return again(problems) }
        switch try await editor.publish(kind, in: community, operations, by: visitor, verb: "create", address: address)
        {
        case .success: return SiteAccess.redirect("/editor?done=\(created)")
        case .failure(let error): return again([:], refusal: error.message)
        }
    }

    /// `GET /editor/{path}/{id}/{action}`: the edit form, or the question before an action.
    private func ask(_ action: String, _ record: StoredRecord, _ frame: PageFrame) -> Response {
        guard let confirmed = actions[action] else {
            let form = Form(record.state, community: record.community)
            return SiteResponses.page(
                Form.page(frame, form: form, editing: record.id, communities: [], problems: [:], refusal: nil)
            )
        }
        guard let title = record.view?.string("title") else { return SiteResponses.page(.notFound(frame)) }
        let page = EditorPages.confirm(
            frame,
            key: confirmed.key,
            action: "/editor/\(path)/\(record.id.hex)/\(action)",
            title: title,
            until: confirmed.until?(record, WallClock.now)
        )
        return SiteResponses.page(page)
    }

    /// `POST /editor/{path}/{id}/{action}`: the change, signed by the account's key.
    private func change(
        _ action: String,
        _ request: Request,
        _ record: StoredRecord,
        _ frame: PageFrame,
        _ visitor: Visitor,
        address: String?
    ) async throws -> Response {
        let posted = try await FormBody.read(request)
        guard FormGuard.accepts(request, posted, from: visitor) else {
            return SiteResponses.page(SignInPage.forged(frame))
        }
        let now = WallClock.now
        let form = Form(posted.fields)
        func again(_ problems: [String: FieldProblem], refusal: String? = nil) -> Response {
            SiteResponses.page(
                Form.page(frame, form: form, editing: record.id, communities: [], problems: problems, refusal: refusal)
            )
        }
        do {
            if let confirmed = actions[action] {
                _ = try await confirmed.sign(try editor.publisher(visitor), record, now)
            } else {
                let (operations, problems) = form.operations(current: record.state, now: Int64(now))
                guard problems.isEmpty else { return again(problems) }
                guard !operations.isEmpty else { return SiteAccess.redirect("/editor") }
                _ = try await editor.publisher(visitor).edit(record, operations: operations, now: now)
            }
        } catch let error as DeltaError {
            return again([:], refusal: error.message)
        }
        try await editor.context.audit(visitor, "\(kind.name).\(action)", record.id.hex, address: address)
        return SiteAccess.redirect("/editor?done=\(actions[action]?.done ?? changed)")
    }
}

extension EditorFormSiteRoutes where Form == JobForm {
    /// The job pages: closing sets the status `closed`; renewing republishes every field with a
    /// fresh expiry, as `artel job renew` does.
    init(jobs editor: EditorSiteRoutes) {
        let status = RecordKind.job.schema["status"].id
        self.init(
            editor: editor,
            path: "jobs",
            section: .jobs,
            created: "created",
            changed: "changed",
            actions: [
                "close": Action(key: "close", done: "closed") { publisher, job, now in
                    try await publisher.edit(job, operations: [.set(status, .string("closed"))], now: now)
                },
                "renew": Action(key: "renew", done: "renewed", until: EditorSiteRoutes.renewedExpiry) {
                    try await $0.renew($1, now: $2)
                },
                "delete": Action(key: "delete", done: "deleted") { try await $0.delete($1, now: $2) },
            ]
        )
    }
}

extension EditorFormSiteRoutes where Form == EventEditorForm {
    /// The event pages: a new event's time zone is the one the community's latest event named;
    /// cancelling sets the status `cancelled`, as `artel event edit --status cancelled` does, so
    /// that calendars show the event called off.
    init(events editor: EditorSiteRoutes) {
        let status = RecordKind.event.schema["status"].id
        self.init(
            editor: editor,
            path: "events",
            section: .events,
            created: "eventCreated",
            changed: "eventChanged",
            actions: [
                "cancel": Action(key: "event.cancel", done: "eventCancelled") { publisher, event, now in
                    try await publisher.edit(event, operations: [.set(status, .string("cancelled"))], now: now)
                },
                "delete": Action(key: "event.delete", done: "eventDeleted") { try await $0.delete($1, now: $2) },
            ],
            starting: Self.communityZone
        )
    }

    /// The time zone of the community's event that starts last (of those a year back and on), as
    /// a new event's form starts with it; none when no event names one.
    @Sendable static func communityZone(
        _ context: APIContext,
        _ community: PublicKey
    ) async throws -> [(name: String, value: String)] {
        var query = RecordQuery(kind: .event)
        query.communities = [community]
        query.from = Int64(WallClock.now) - 365 * 86_400_000
        query.limit = 200
        let latest = try await context.replica.records(query).compactMap(EditorPages.Event.init)
            .filter { $0.timeZone.flatMap(TimeZone.init(identifier:)) != nil }.max { $0.start < $1.start }
        return latest?.timeZone.map { [(name: "timezone", value: $0)] } ?? []
    }
}
