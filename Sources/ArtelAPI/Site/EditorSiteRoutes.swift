import ArtelCore
import ArtelFormats
import ArtelNode
import ArtelStore
import ArtelWeb
import Foundation
import HTTPTypes
import Hummingbird

/// The editor's pages (`/editor/…`): the dashboard, and posting, editing, closing and deleting the
/// jobs of the communities an account's rights name.
///
/// Every write is signed with the account's author key, which the node holds (`artel user add`
/// made it), through the same ``Publisher`` and checks as `artel job post` and the API, so that
/// the serving node pushes it to its peers like any other local write. A signed-out visitor is sent
/// to `/signin`; an account that is not an editor of the job's community and kind gets 403. Every
/// form must pass ``FormGuard``; every write is in the audit log.
struct EditorSiteRoutes {
    let context: APIContext

    func register(on router: Router<APIRequestContext>) {
        router.get("editor") { request, _ in try await guarded(request) { try await dashboard(request, $0) } }
        router.get("editor/jobs/new") { request, _ in try await guarded(request) { try await newJob(request, $0) } }
        router.post("editor/jobs/new") { request, route in
            try await guarded(request) { try await create(request, $0, address: route.address) }
        }
        for action in ["edit", "close", "delete"] {
            router.get("editor/jobs/:id/\(action)") { request, route in
                try await guarded(request) { visitor in
                    try await withJob(request, route, visitor) { ask(action, $0, $1) }
                }
            }
            router.post("editor/jobs/:id/\(action)") { request, route in
                try await guarded(request) { visitor in
                    try await withJob(request, route, visitor) { job, frame in
                        try await change(action, request, job, frame, visitor, address: route.address)
                    }
                }
            }
        }
    }

    // MARK: Pages

    /// `GET /editor`: the account's communities with their jobs and coming events.
    private func dashboard(_ request: Request, _ visitor: Visitor) async throws -> Response {
        let (frame, chosen) = SiteRoutes.frame(request, .jobs, siteName: context.nodeName)
        let names = try await PublicListings.communityNames(context.replica)
        let now = Int64(WallClock.now)
        var communities: [EditorPages.Community] = []
        for community in visitor.account.communities.sorted(by: { (names[$0] ?? $0.hex) < (names[$1] ?? $1.hex) }) {
            var jobs = RecordQuery(kind: .job)
            jobs.communities = [community]
            jobs.limit = 200
            var events = RecordQuery(kind: .event)
            events.communities = [community]
            events.from = now
            events.limit = 50
            let start = RecordKind.event.schema["start"].id
            communities.append(
                EditorPages.Community(
                    key: community,
                    name: names[community] ?? community.hex,
                    writesJobs: visitor.account.mayWrite(.job, in: community),
                    jobs: try await context.replica.records(jobs).compactMap {
                        JobListing(id: $0.id, community: $0.community, state: $0.state, communityName: names[community])
                    },
                    events: try await context.replica.records(events).compactMap { event in
                        guard let title = event.view?.string("title"),
                            case .timestamp(let moment)? = event.state.value(of: start)
                        else { return nil }
                        return (event.id, title, moment)
                    }
                )
            )
        }
        let done = frame.parameters.last { $0.name == "done" }?.value
        return SiteResponses.page(
            EditorPages.dashboard(frame, communities: communities, done: done),
            rememberLanguage: chosen
        )
    }

    /// `GET /editor/jobs/new`: the empty form, its community chosen by `?community=`.
    private func newJob(_ request: Request, _ visitor: Visitor) async throws -> Response {
        let (frame, chosen) = SiteRoutes.frame(request, .jobs, siteName: context.nodeName)
        let communities = try await jobCommunities(visitor)
        guard !communities.isEmpty else { return SiteResponses.page(EditorPages.forbidden(frame)) }
        let form = JobForm(frame.parameters.filter { $0.name == "community" })
        let page = JobFormPage.render(frame, form: form, editing: nil, communities: communities)
        return SiteResponses.page(page, rememberLanguage: chosen)
    }

    /// `POST /editor/jobs/new`: the job, once every field passes; else the form with its problems.
    private func create(_ request: Request, _ visitor: Visitor, address: String?) async throws -> Response {
        let (frame, _) = SiteRoutes.frame(request, .jobs, siteName: context.nodeName)
        guard let posted = try await FormGuard.genuine(request, from: visitor) else {
            return SiteResponses.page(SignInPage.forged(frame))
        }
        let form = JobForm(posted.fields)
        let communities = try await jobCommunities(visitor)
        guard let community = PublicKey(hex: form.community), visitor.account.mayWrite(.job, in: community) else {
            return SiteResponses.page(EditorPages.forbidden(frame))
        }
        let record: RecordID
        switch try await createJob(form, in: community, by: visitor) {
        case .created(let created): record = created
        case .refused(let problems, let refusal):
            let page = JobFormPage.render(
                frame,
                form: form,
                editing: nil,
                communities: communities,
                problems: problems,
                refusal: refusal
            )
            return SiteResponses.page(page)
        }
        try await audit(visitor, "job.create", record.hex, address: address)
        return SiteAccess.redirect("/editor?done=created")
    }

    /// What became of a new job's form.
    enum JobCreation {
        /// The job was signed and stored with this id.
        case created(RecordID)
        /// Nothing was stored: the form's problems by field, or why the node could not sign.
        case refused(problems: [String: FieldProblem], refusal: String?)
    }

    /// Signs and stores a new job from a form with the account's author key, once every field passes.
    ///
    /// - Parameters:
    ///   - form: the job's values.
    ///   - community: the community it is for; the caller checked the account may write its jobs.
    ///   - visitor: the signed-in editor.
    func createJob(_ form: JobForm, in community: PublicKey, by visitor: Visitor) async throws -> JobCreation {
        let now = WallClock.now
        let (operations, problems) = form.operations(current: nil, now: Int64(now))
        guard problems.isEmpty else { return .refused(problems: problems, refusal: nil) }
        let record = Publisher.newRecordID(now: now)
        do {
            _ = try await publisher(visitor).create(
                .job,
                community: community,
                record: record,
                operations: operations,
                now: now
            )
        } catch let error as DeltaError {
            return .refused(problems: [:], refusal: error.message)
        }
        return .created(record)
    }

    /// `GET /editor/jobs/{id}/edit|close|delete`: the form, or the question before closing or deleting.
    private func ask(_ action: String, _ job: StoredRecord, _ frame: PageFrame) -> Response {
        if action == "edit" {
            let form = JobForm(job.state, community: job.community)
            return SiteResponses.page(JobFormPage.render(frame, form: form, editing: job.id, communities: []))
        }
        guard let listing = JobListing(id: job.id, community: job.community, state: job.state) else {
            return SiteResponses.page(.notFound(frame))
        }
        return SiteResponses.page(EditorPages.confirm(frame, action: action, job: listing))
    }

    /// `POST /editor/jobs/{id}/edit|close|delete`: the change, signed by the account's key.
    private func change(
        _ action: String,
        _ request: Request,
        _ job: StoredRecord,
        _ frame: PageFrame,
        _ visitor: Visitor,
        address: String?
    ) async throws -> Response {
        guard let posted = try await FormGuard.genuine(request, from: visitor) else {
            return SiteResponses.page(SignInPage.forged(frame))
        }
        let now = WallClock.now
        let form = JobForm(posted.fields)
        do {
            switch action {
            case "edit":
                let (operations, problems) = form.operations(current: job.state, now: Int64(now))
                guard problems.isEmpty else {
                    let page = JobFormPage.render(
                        frame,
                        form: form,
                        editing: job.id,
                        communities: [],
                        problems: problems
                    )
                    return SiteResponses.page(page)
                }
                guard !operations.isEmpty else { return SiteAccess.redirect("/editor") }
                _ = try await publisher(visitor).edit(job, operations: operations, now: now)
            case "close":
                _ = try await publisher(visitor).edit(
                    job,
                    operations: [.set(RecordKind.job.schema["status"].id, .string("closed"))],
                    now: now
                )
            default:
                _ = try await publisher(visitor).delete(job, now: now)
            }
        } catch let error as DeltaError {
            let page = JobFormPage.render(frame, form: form, editing: job.id, communities: [], refusal: error.message)
            return SiteResponses.page(page)
        }
        try await audit(visitor, "job.\(action)", job.id.hex, address: address)
        let done = ["edit": "changed", "close": "closed", "delete": "deleted"][action]!
        return SiteAccess.redirect("/editor?done=\(done)")
    }

    // MARK: Access

    /// Runs `body` for a signed-in editor; a visitor who is not signed in is sent to sign in, an
    /// account of another role is refused.
    func guarded(_ request: Request, _ body: (Visitor) async throws -> Response) async throws -> Response {
        let forbidden = {
            SiteResponses.page(EditorPages.forbidden(SiteRoutes.frame(request, .jobs, siteName: context.nodeName).0))
        }
        return try await SiteAccess.guarded(request, role: .editor, home: "/editor", forbidden: forbidden, body)
    }

    /// Runs `body` with the live job the path names, when the editor may write its community's
    /// jobs; 404 for a job that does not exist or was deleted, 403 for another community's.
    private func withJob(
        _ request: Request,
        _ route: APIRequestContext,
        _ visitor: Visitor,
        _ body: (StoredRecord, PageFrame) async throws -> Response
    ) async throws -> Response {
        let (frame, _) = SiteRoutes.frame(request, .jobs, siteName: context.nodeName)
        guard let job = try await context.pathRecord(.job, route), !job.state.isDeleted else {
            return SiteResponses.page(.notFound(frame))
        }
        guard visitor.account.mayWrite(.job, in: job.community) else {
            return SiteResponses.page(EditorPages.forbidden(frame))
        }
        return try await body(job, frame)
    }

    /// The communities the editor may post jobs in, by name.
    private func jobCommunities(_ visitor: Visitor) async throws -> [(key: PublicKey, name: String)] {
        let names = try await PublicListings.communityNames(context.replica)
        return visitor.account.communities.filter { visitor.account.mayWrite(.job, in: $0) }
            .map { (key: $0, name: names[$0] ?? $0.hex) }.sorted { $0.name < $1.name }
    }

    /// The publisher that signs with the account's author key.
    func publisher(_ visitor: Visitor) throws -> Publisher {
        guard let name = visitor.account.authorKey else {
            throw DeltaError(.unauthorized, "the account has no author key; the operator can add it again")
        }
        let key: SigningKey
        do {
            key = try context.directory.keys.load(name).1
        } catch {
            throw DeltaError(.unauthorized, "the node holds no key named \(name)")
        }
        return Publisher(replica: context.replica, key: key)
    }

    /// Writes an action of the account to the audit log, with what it was done to and from where.
    func audit(_ visitor: Visitor, _ action: String, _ target: String, address: String?) async throws {
        try await context.replica.audit(
            AuditEntry(
                time: Int64(WallClock.now),
                account: visitor.account.name,
                action: action,
                target: target,
                address: address
            )
        )
    }
}
