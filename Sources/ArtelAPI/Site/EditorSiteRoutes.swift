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
        for action in ["edit", "close", "delete", "renew"] {
            router.get("editor/jobs/:id/\(action)") { request, route in
                try await guarded(request) { visitor in
                    try await withRecord(.job, request, route, visitor) { ask(action, $0, $1) }
                }
            }
            router.post("editor/jobs/:id/\(action)") { request, route in
                try await guarded(request) { visitor in
                    try await withRecord(.job, request, route, visitor) { job, frame in
                        try await change(action, request, job, frame, visitor, address: route.address)
                    }
                }
            }
        }
        EditorEventSiteRoutes(editor: self).register(on: router)
        EditorDigestSiteRoutes(editor: self).register(on: router)
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
            communities.append(
                EditorPages.Community(
                    key: community,
                    name: names[community] ?? community.hex,
                    writesJobs: visitor.account.mayWrite(.job, in: community),
                    jobs: try await context.replica.records(jobs).compactMap {
                        JobListing(id: $0.id, community: $0.community, state: $0.state, communityName: names[community])
                    },
                    events: try await context.replica.records(events).compactMap(EditorPages.Event.init),
                    writesEvents: visitor.account.mayWrite(.event, in: community)
                )
            )
        }
        let done = frame.parameters.last { $0.name == "done" }?.value
        return SiteResponses.page(
            EditorPages.dashboard(
                frame,
                communities: communities,
                done: done,
                writesDigests: visitor.account.rights.contains { $0.kind == .digest }
            ),
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
        let posted = try await FormBody.read(request)
        guard FormGuard.accepts(request, posted, from: visitor) else {
            return SiteResponses.page(SignInPage.forged(frame))
        }
        let form = JobForm(posted.fields)
        let communities = try await jobCommunities(visitor)
        guard let community = PublicKey(hex: form.community), visitor.account.mayWrite(.job, in: community) else {
            return SiteResponses.page(EditorPages.forbidden(frame))
        }
        let now = WallClock.now
        let (operations, problems) = form.operations(current: nil, now: Int64(now))
        func again(_ problems: [String: FieldProblem], refusal: String? = nil) -> Response {
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
        guard problems.isEmpty else { return again(problems) }
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
            return again([:], refusal: error.message)
        }
        try await audit(visitor, "job.create", record, address: address)
        return Self.redirect("/editor?done=created")
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
        let until = action == "renew" ? Int64(Self.renewedExpiry(job, now: WallClock.now)) : nil
        return SiteResponses.page(
            EditorPages.confirm(
                frame,
                key: action,
                action: "/editor/jobs/\(job.id.hex)/\(action)",
                title: listing.title,
                until: until
            )
        )
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
        let posted = try await FormBody.read(request)
        guard FormGuard.accepts(request, posted, from: visitor) else {
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
                guard !operations.isEmpty else { return Self.redirect("/editor") }
                _ = try await publisher(visitor).edit(job, operations: operations, now: now)
            case "renew":
                _ = try await publisher(visitor).renew(job, now: now)
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
        try await audit(visitor, "job.\(action)", job.id, address: address)
        let done = ["edit": "changed", "close": "closed", "delete": "deleted", "renew": "renewed"][action]!
        return Self.redirect("/editor?done=\(done)")
    }

    // MARK: Access

    /// Runs `body` for a signed-in editor; a visitor who is not signed in is sent to sign in, an
    /// account of another role is refused.
    func guarded(_ request: Request, _ body: (Visitor) async throws -> Response) async throws -> Response {
        guard let visitor = Visitor.current else {
            let next = request.method == .get ? request.uri.path : "/editor"
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "/-._~")
            return Self.redirect("/signin?next=" + (next.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""))
        }
        guard visitor.account.role == .editor else {
            let (frame, _) = SiteRoutes.frame(request, .jobs, siteName: context.nodeName)
            return SiteResponses.page(EditorPages.forbidden(frame))
        }
        return try await body(visitor)
    }

    /// Runs `body` with the live record of `kind` the path names, when the editor may write its
    /// community's records of that kind; 404 for one that does not exist or was deleted, 403 for
    /// another community's.
    func withRecord(
        _ kind: RecordKind,
        _ request: Request,
        _ route: APIRequestContext,
        _ visitor: Visitor,
        _ body: (StoredRecord, PageFrame) async throws -> Response
    ) async throws -> Response {
        let (frame, _) = SiteRoutes.frame(request, .jobs, siteName: context.nodeName)
        let id = (route.parameters.get("id") ?? "").lowercased()
        guard id.count == 32, Hex.isHexDigits(id),
            let reference = try await context.replica.findRecords(kind, idPrefix: id, limit: 2).first,
            let record = try await context.replica.record(kind, reference), !record.state.isDeleted
        else { return SiteResponses.page(.notFound(frame)) }
        guard visitor.account.mayWrite(kind, in: record.community) else {
            return SiteResponses.page(EditorPages.forbidden(frame))
        }
        return try await body(record, frame)
    }

    /// The communities the editor may post jobs in, by name.
    private func jobCommunities(_ visitor: Visitor) async throws -> [(key: PublicKey, name: String)] {
        try await communities(visitor, writing: .job)
    }

    /// The communities the editor may write records of `kind` in, by name.
    func communities(_ visitor: Visitor, writing kind: RecordKind) async throws -> [(key: PublicKey, name: String)] {
        let names = try await PublicListings.communityNames(context.replica)
        return visitor.account.communities.filter { visitor.account.mayWrite(kind, in: $0) }
            .map { (key: $0, name: names[$0] ?? $0.hex) }.sorted { $0.name < $1.name }
    }

    /// When a job renewed `now` expires: as late as its kind allows, as `artel job renew` renews it.
    static func renewedExpiry(_ record: StoredRecord, now: UInt64) -> UInt64 {
        guard case .days(let days) = record.kind.schema.expiry else { return now }
        return now + days * 86_400_000
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

    /// Writes what the account did to the audit log.
    func audit(_ visitor: Visitor, _ action: String, _ record: RecordID, address: String?) async throws {
        try await context.replica.audit(
            AuditEntry(
                time: Int64(WallClock.now),
                account: visitor.account.name,
                action: action,
                target: record.hex,
                address: address
            )
        )
    }

    /// The answer that sends the browser on after a form (303).
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }
}
