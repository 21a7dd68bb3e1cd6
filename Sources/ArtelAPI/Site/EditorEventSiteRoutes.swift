import ArtelCore
import ArtelNode
import ArtelStore
import ArtelWeb
import Foundation
import Hummingbird

/// The editor's event pages (`/editor/events/…`): posting, editing, cancelling and deleting the
/// events of the communities whose events an account may write, as ``EditorSiteRoutes`` does jobs:
/// signed with the account's author key through the same ``Publisher`` as `artel event post`,
/// guarded by ``FormGuard``, every write in the audit log. Cancelling sets the status `cancelled`,
/// as `artel event edit --status cancelled` does, so that calendars show the event called off.
struct EditorEventSiteRoutes {
    let editor: EditorSiteRoutes

    private var context: APIContext { editor.context }

    func register(on router: Router<APIRequestContext>) {
        router.get("editor/events/new") { request, _ in
            try await editor.guarded(request) { try await newEvent(request, $0) }
        }
        router.post("editor/events/new") { request, route in
            try await editor.guarded(request) { try await create(request, $0, address: route.address) }
        }
        for action in ["edit", "cancel", "delete"] {
            router.get("editor/events/:id/\(action)") { request, route in
                try await editor.guarded(request) { visitor in
                    try await editor.withRecord(.event, request, route, visitor) { ask(action, $0, $1) }
                }
            }
            router.post("editor/events/:id/\(action)") { request, route in
                try await editor.guarded(request) { visitor in
                    try await editor.withRecord(.event, request, route, visitor) { event, frame in
                        try await change(action, request, event, frame, visitor, address: route.address)
                    }
                }
            }
        }
    }

    /// `GET /editor/events/new`: the empty form, its community chosen by `?community=`.
    private func newEvent(_ request: Request, _ visitor: Visitor) async throws -> Response {
        let (frame, chosen) = SiteRoutes.frame(request, .events, siteName: context.nodeName)
        let communities = try await editor.communities(visitor, writing: .event)
        guard !communities.isEmpty else { return SiteResponses.page(EditorPages.forbidden(frame)) }
        let form = EventEditorForm(frame.parameters.filter { $0.name == "community" })
        let page = EventEditorFormPage.render(frame, form: form, editing: nil, communities: communities)
        return SiteResponses.page(page, rememberLanguage: chosen)
    }

    /// `POST /editor/events/new`: the event, once every field passes; else the form with its problems.
    private func create(_ request: Request, _ visitor: Visitor, address: String?) async throws -> Response {
        let (frame, _) = SiteRoutes.frame(request, .events, siteName: context.nodeName)
        let posted = try await FormBody.read(request)
        guard FormGuard.accepts(request, posted, from: visitor) else {
            return SiteResponses.page(SignInPage.forged(frame))
        }
        let form = EventEditorForm(posted.fields)
        let communities = try await editor.communities(visitor, writing: .event)
        guard let community = PublicKey(hex: form.community), visitor.account.mayWrite(.event, in: community) else {
            return SiteResponses.page(EditorPages.forbidden(frame))
        }
        let (operations, problems) = form.operations(current: nil)
        func again(_ problems: [String: FieldProblem], refusal: String? = nil) -> Response {
            SiteResponses.page(
                EventEditorFormPage.render(
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
        let now = WallClock.now
        let record = Publisher.newRecordID(now: now)
        do {
            _ = try await editor.publisher(visitor).create(
                .event,
                community: community,
                record: record,
                operations: operations,
                now: now
            )
        } catch let error as DeltaError {
            return again([:], refusal: error.message)
        }
        try await editor.audit(visitor, "event.create", record, address: address)
        return EditorSiteRoutes.redirect("/editor?done=eventCreated")
    }

    /// `GET /editor/events/{id}/edit|cancel|delete`: the form, or the question before cancelling or deleting.
    private func ask(_ action: String, _ event: StoredRecord, _ frame: PageFrame) -> Response {
        if action == "edit" {
            let form = EventEditorForm(event.state, community: event.community)
            return SiteResponses.page(EventEditorFormPage.render(frame, form: form, editing: event.id, communities: []))
        }
        guard let title = event.view?.string("title") else { return SiteResponses.page(.notFound(frame)) }
        let page = EditorPages.confirm(
            frame,
            key: "event.\(action)",
            action: "/editor/events/\(event.id.hex)/\(action)",
            title: title
        )
        return SiteResponses.page(page)
    }

    /// `POST /editor/events/{id}/edit|cancel|delete`: the change, signed by the account's key.
    private func change(
        _ action: String,
        _ request: Request,
        _ event: StoredRecord,
        _ frame: PageFrame,
        _ visitor: Visitor,
        address: String?
    ) async throws -> Response {
        let posted = try await FormBody.read(request)
        guard FormGuard.accepts(request, posted, from: visitor) else {
            return SiteResponses.page(SignInPage.forged(frame))
        }
        let now = WallClock.now
        let form = EventEditorForm(posted.fields)
        do {
            switch action {
            case "edit":
                let (operations, problems) = form.operations(current: event.state)
                guard problems.isEmpty else {
                    let page = EventEditorFormPage.render(
                        frame,
                        form: form,
                        editing: event.id,
                        communities: [],
                        problems: problems
                    )
                    return SiteResponses.page(page)
                }
                guard !operations.isEmpty else { return EditorSiteRoutes.redirect("/editor") }
                _ = try await editor.publisher(visitor).edit(event, operations: operations, now: now)
            case "cancel":
                _ = try await editor.publisher(visitor).edit(
                    event,
                    operations: [.set(RecordKind.event.schema["status"].id, .string("cancelled"))],
                    now: now
                )
            default:
                _ = try await editor.publisher(visitor).delete(event, now: now)
            }
        } catch let error as DeltaError {
            let page = EventEditorFormPage.render(
                frame,
                form: form,
                editing: event.id,
                communities: [],
                refusal: error.message
            )
            return SiteResponses.page(page)
        }
        try await editor.audit(visitor, "event.\(action)", event.id, address: address)
        let done = ["edit": "eventChanged", "cancel": "eventCancelled", "delete": "eventDeleted"][action]!
        return EditorSiteRoutes.redirect("/editor?done=\(done)")
    }
}
