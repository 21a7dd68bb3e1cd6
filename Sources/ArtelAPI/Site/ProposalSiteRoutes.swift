import ArtelCore
import ArtelNode
import ArtelStore
import ArtelWeb
import Foundation
import HTTPTypes
import Hummingbird

/// Visitors' proposals (`/propose/job`, `/propose/event`) and the editors' queue of them
/// (`/editor/proposals`).
///
/// A visitor without an account proposes a vacancy or an event for a community that has an editor
/// of that kind on this node. The proposal is not a delta: it waits in the replica's `proposals`
/// table, never synced, until an editor of that community and kind approves it (then it is signed
/// with the editor's author key through the same ``Publisher`` as the editor's own records, and
/// federates) or rejects it with a reason. The form is the editor's form of the kind
/// (``ProposalForm/forms``) with its checks; every kind goes through the same code here, and
/// shares the same limits: a form token in a cookie and
/// the origin check stop forged posts, a trap field catches programs, each address may send
/// ``ProposalLimiter/perAddress`` an hour, a form holds at most ``FormBody/maximumSize``, and at
/// most ``Proposal/capacity`` proposals wait. Every decision is in the audit log.
struct ProposalSiteRoutes {
    let context: APIContext

    func register(on router: Router<APIRequestContext>) {
        for (kind, form) in ProposalForm.forms {
            router.get("propose/\(kind.name)") { request, _ in try await proposalForm(form, request) }
            router.post("propose/\(kind.name)") { request, route in
                try await propose(form, request, address: route.address)
            }
        }
        router.get("propose/thanks") { request, _ in
            let named = request.uri.queryParameters["kind"].flatMap { RecordKind(name: $0) }
            let kind = named.flatMap { ProposalForm.forms[$0] == nil ? nil : $0 } ?? .job
            let (frame, chosen) = SiteRoutes.frame(request, Self.section(kind), siteName: context.nodeName)
            return SiteResponses.page(ProposalPages.thanks(frame, kind: kind), rememberLanguage: chosen)
        }
        let editor = EditorSiteRoutes(context: context)
        router.get("editor/proposals") { request, _ in try await editor.guarded(request) { try await list(request, $0) }
        }
        router.get("editor/proposals/:id") { request, route in
            try await editor.guarded(request) { visitor in
                try await withProposal(request, route, visitor) { proposal, form, frame in
                    let names = try await PublicListings.communityNames(context.replica)
                    let page = ProposalReviewPages.review(
                        frame,
                        proposal: proposal,
                        form: form.init(proposal.fields),
                        communityName: names[proposal.community] ?? proposal.community.hex
                    )
                    return SiteResponses.page(page)
                }
            }
        }
        for action in ["approve", "reject"] {
            router.post("editor/proposals/:id/\(action)") { request, route in
                try await editor.guarded(request) { visitor in
                    try await withProposal(request, route, visitor) { proposal, form, frame in
                        try await decide(action, request, proposal, form, frame, visitor, address: route.address)
                    }
                }
            }
        }
    }

    // MARK: Visitors

    /// `GET /propose/{kind}`: the form, its community chosen by `?community=`, and its token's
    /// cookie; with the community chosen, the form starts as the editor's does (``starting``).
    private func proposalForm(_ kind: any EditorForm.Type, _ request: Request) async throws -> Response {
        let (frame, chosen) = SiteRoutes.frame(request, Self.section(kind.kind), siteName: context.nodeName)
        let community = frame.parameters.filter { $0.name == "community" }
        var fields = community.map { (name: $0.name, value: $0.value) }
        if let starting = Self.starting[kind.kind], let key = community.last.flatMap({ PublicKey(hex: $0.value) }) {
            fields += try await starting(context, key)
        }
        let form = ProposalForm(kind, fields)
        return try await formPage(request, frame, form, rememberLanguage: chosen)
    }

    /// The form with a visitor's values and a form token, which the response's cookie gives the
    /// browser when it holds none yet (or an expired one); the refusal when no community takes
    /// proposals here.
    ///
    /// - Parameter expired: whether the form came back without its token, to say so.
    private func formPage(
        _ request: Request,
        _ frame: PageFrame,
        _ form: ProposalForm,
        expired: Bool = false,
        rememberLanguage chosen: SiteLanguage? = nil
    ) async throws -> Response {
        let communities = try await proposable(form.kind)
        guard !communities.isEmpty else {
            return SiteResponses.page(ProposalPages.refused(frame, .nobodyToReview), rememberLanguage: chosen)
        }
        let token = ProposalCookie.token(of: request) ?? ProposalCookie.make()
        let page = ProposalPages.form(frame, form: form, token: token, communities: communities, expired: expired)
        var response = SiteResponses.page(page, rememberLanguage: chosen, personal: true)
        response.headers.append(
            HTTPField(name: .setCookie, value: ProposalCookie.set(token, secure: AccountSiteRoutes.isSecure(request)))
        )
        return response
    }

    /// `POST /propose/{kind}`: queues the proposal once every field passes; else the form with its
    /// problems. A filled trap field is thanked for like a real proposal, and dropped. Proposals of
    /// every kind count against one limit per address and fill one queue.
    private func propose(_ kind: any EditorForm.Type, _ request: Request, address: String?) async throws -> Response {
        let (frame, _) = SiteRoutes.frame(request, Self.section(kind.kind), siteName: context.nodeName)
        guard FormGuard.isSameOrigin(request) else { return SiteResponses.page(SignInPage.forged(frame)) }
        let form = ProposalForm(kind, try await FormBody.read(request).fields)
        // From this site's page but without its token (the cookie expired, or was never kept): the
        // form again with what was typed and a fresh token, nothing stored.
        guard ProposalCookie.accepts(request, formToken: form.token) else {
            return try await formPage(request, frame, form, expired: true)
        }
        let now = Int64(WallClock.now)
        let sender = address ?? ""
        let wait = context.proposalLimiter.wait(sender, now: now)
        guard wait == 0 else {
            let seconds = Int((wait + 999) / 1000)
            var response = SiteResponses.page(ProposalPages.refused(frame, .tooMany(retryAfter: seconds)))
            response.headers[.retryAfter] = "\(seconds)"
            return response
        }
        let thanks = SiteAccess.redirect("/propose/thanks?kind=\(form.kind.name)")
        if form.isTrapped {
            context.proposalLimiter.count(sender, now: now)
            return thanks
        }
        let communities = try await proposable(form.kind)
        var problems = form.problems(now: now)
        let community = PublicKey(hex: form.record.community)
        if community == nil || !communities.contains(where: { $0.key == community }) {
            problems["community"] = FieldProblem(DeltaError(.unknownEnumValue, "no such community here"))
        }
        guard let community, problems.isEmpty else {
            let page = ProposalPages.form(
                frame,
                form: form,
                token: form.token,
                communities: communities,
                problems: problems
            )
            return SiteResponses.page(page, personal: true)
        }
        guard
            let number = try await context.replica.queueProposal(
                form.kind,
                community: community,
                fields: form.fields,
                contact: form.contact.isEmpty ? nil : form.contact,
                address: address,
                now: now
            )
        else { return SiteResponses.page(ProposalPages.refused(frame, .queueFull)) }
        context.proposalLimiter.count(sender, now: now)
        try await context.replica.audit(
            AuditEntry(
                time: now,
                account: nil,
                action: "proposal.receive",
                target: "proposal \(number)",
                address: address
            )
        )
        return thanks
    }

    /// The communities that take proposals of a kind, by name: held here, and with an editor of
    /// their records of that kind.
    private func proposable(_ kind: RecordKind) async throws -> [(key: PublicKey, name: String)] {
        let editors = try await context.replica.proposableCommunities(kind)
        let names = try await PublicListings.communityNames(context.replica)
        return PublicListings.choices(names.filter { editors.contains($0.key) })
    }

    // MARK: Editors

    /// `GET /editor/proposals`: the waiting and decided proposals of the editor's communities and kinds.
    private func list(_ request: Request, _ visitor: Visitor) async throws -> Response {
        let (frame, chosen) = SiteRoutes.frame(request, .jobs, siteName: context.nodeName)
        let rights = visitor.account.rights
        let page = ProposalReviewPages.list(
            frame,
            pending: try await context.replica.proposals(for: rights, decided: false),
            decided: try await context.replica.proposals(for: rights, decided: true),
            names: try await PublicListings.communityNames(context.replica),
            done: frame.parameters.last { $0.name == "done" }?.value
        )
        return SiteResponses.page(page, rememberLanguage: chosen)
    }

    /// `POST /editor/proposals/{id}/approve|reject`: publishes the record, signed by the editor's key,
    /// or rejects the proposal with a reason; either way, once, with a line in the audit log.
    private func decide(
        _ action: String,
        _ request: Request,
        _ proposal: Proposal,
        _ kind: any EditorForm.Type,
        _ frame: PageFrame,
        _ visitor: Visitor,
        address: String?
    ) async throws -> Response {
        let posted = try await FormBody.read(request)
        guard FormGuard.accepts(request, posted, from: visitor) else {
            return SiteResponses.page(SignInPage.forged(frame))
        }
        // Held until decided, and read again once held: another editor may have decided it meanwhile.
        guard context.proposalClaims.claim(proposal.id) else { return SiteResponses.page(.notFound(frame)) }
        defer { context.proposalClaims.release(proposal.id) }
        guard try await context.replica.proposal(proposal.id)?.state == .pending else {
            return SiteResponses.page(.notFound(frame))
        }
        let names = try await PublicListings.communityNames(context.replica)
        let name = names[proposal.community] ?? proposal.community.hex
        let audit = AuditEntry(
            time: Int64(WallClock.now),
            account: visitor.account.name,
            action: "proposal.\(action)",
            target: "proposal \(proposal.id)",
            address: address
        )
        guard action == "approve" else {
            let reason = posted["reason"].trimmingCharacters(in: .whitespacesAndNewlines)
            if let problem = ProposalReviewPages.problem(withReason: reason) {
                let page = ProposalReviewPages.review(
                    frame,
                    proposal: proposal,
                    form: kind.init(proposal.fields),
                    communityName: name,
                    reason: reason,
                    reasonProblem: problem
                )
                return SiteResponses.page(page)
            }
            _ = try await context.replica.decideProposal(
                proposal.id,
                .rejected,
                reason: reason,
                record: nil,
                audit: audit
            )
            return SiteAccess.redirect("/editor/proposals?done=rejected")
        }
        let form = kind.init(posted.fields)
        func again(_ problems: [String: FieldProblem], refusal: String? = nil) -> Response {
            let page = ProposalReviewPages.review(
                frame,
                proposal: proposal,
                form: form,
                communityName: name,
                problems: problems,
                refusal: refusal
            )
            return SiteResponses.page(page)
        }
        let (operations, problems) = form.operations(current: nil, now: Int64(WallClock.now))
        guard problems.isEmpty else { return again(problems) }
        let editor = EditorSiteRoutes(context: context)
        let record: RecordID
        switch try await editor.publish(
            proposal.kind,
            in: proposal.community,
            operations,
            by: visitor,
            verb: "create",
            address: address
        ) {
        case .success(let created): record = created
        case .failure(let refusal): return again([:], refusal: refusal.message)
        }
        _ = try await context.replica.decideProposal(proposal.id, .approved, reason: nil, record: record, audit: audit)
        return SiteAccess.redirect("/editor/proposals?done=approved")
    }

    /// Runs `body` with the waiting proposal the path names and the editor's form of its kind, when
    /// the editor may write its community's kind; 404 otherwise, so that other communities' editors,
    /// and editors of other kinds, learn nothing of it.
    private func withProposal(
        _ request: Request,
        _ route: APIRequestContext,
        _ visitor: Visitor,
        _ body: (Proposal, any EditorForm.Type, PageFrame) async throws -> Response
    ) async throws -> Response {
        var found: Proposal?
        if let id = Int64(route.parameters.get("id") ?? "") { found = try await context.replica.proposal(id) }
        let shown = found.flatMap {
            $0.state == .pending && visitor.account.mayWrite($0.kind, in: $0.community) ? $0 : nil
        }
        // The section of its kind only once the editor may see it: a 404 says nothing of the kind.
        let (frame, _) = SiteRoutes.frame(request, Self.section(shown?.kind ?? .job), siteName: context.nodeName)
        guard let proposal = shown, let form = ProposalForm.forms[proposal.kind] else {
            return SiteResponses.page(.notFound(frame))
        }
        return try await body(proposal, form, frame)
    }

    /// What a new record's form of a kind starts with besides its community, as the editor's form
    /// of the kind starts: an event in the time zone of the community's latest event.
    private static let starting:
        [RecordKind: @Sendable (APIContext, PublicKey) async throws -> [(name: String, value: String)]] = [
            .event: EditorFormSiteRoutes<EventEditorForm>.communityZone
        ]

    /// The section a kind's proposal pages belong to.
    private static func section(_ kind: RecordKind) -> PageFrame.Section { kind == .event ? .events : .jobs }
}
