import ArtelCore
import ArtelFormats
import ArtelNode
import ArtelStore
import ArtelWeb
import Foundation
import Hummingbird

/// The editor's digest page (`/editor/digests/new`): compose a digest from the jobs the node holds
/// as `artel digest compose` does (``DigestCandidates``, de-duplicated by ``DigestComposer``), see
/// which listings were merged and why, reorder the vacancies, and publish the digest as `artel
/// digest publish` does, signed with the account's author key for a community whose digests the
/// account may write. Guarded as ``EditorSiteRoutes`` guards jobs; publishing is in the audit log.
struct EditorDigestSiteRoutes {
    let editor: EditorSiteRoutes

    private var context: APIContext { editor.context }

    func register(on router: Router<APIRequestContext>) {
        router.get("editor/digests/new") { request, _ in
            try await editor.guarded(request) { visitor in
                try await withPublishers(request, visitor) { frame, publishers in
                    let fields = frame.parameters.map { (name: $0.name, value: $0.value) }
                    guard fields.contains(where: { $0.name == "from" || $0.name == "until" }) else {
                        // The form starts with the week `artel digest compose` takes by default.
                        let now = Int64(WallClock.now)
                        let week = [("from", ISODates.date(now - 7 * 86_400_000)), ("until", ISODates.date(now))]
                        return try await page(
                            frame,
                            week.map { (name: $0.0, value: $0.1) },
                            publishers,
                            composing: false
                        )
                    }
                    return try await page(frame, fields, publishers, composing: true)
                }
            }
        }
        router.post("editor/digests/new") { request, route in
            try await editor.guarded(request) { visitor in
                try await withPublishers(request, visitor) { frame, publishers in
                    try await post(request, frame, visitor, publishers, address: route.address)
                }
            }
        }
    }

    /// Runs `body` for an editor who may publish digests for some community; 403 for another.
    private func withPublishers(
        _ request: Request,
        _ visitor: Visitor,
        _ body: (PageFrame, [(key: PublicKey, name: String)]) async throws -> Response
    ) async throws -> Response {
        let (frame, _) = SiteRoutes.frame(request, .digests, siteName: context.nodeName)
        let publishers = try await editor.communities(visitor, writing: .digest)
        guard !publishers.isEmpty else { return SiteResponses.page(EditorPages.forbidden(frame)) }
        return try await body(frame, publishers)
    }

    /// The page for a form's fields: the choice alone, or with the vacancies it finds in the order
    /// the fields give, and the problems found.
    private func page(
        _ frame: PageFrame,
        _ fields: [(name: String, value: String)],
        _ publishers: [(key: PublicKey, name: String)],
        composing: Bool,
        problems: [String: FieldProblem] = [:],
        refusal: String? = nil
    ) async throws -> Response {
        let choice = DigestComposePage.Choice(fields)
        let names = try await PublicListings.communityNames(context.replica)
        let communities = names.map { (key: $0.key, name: $0.value) }.sorted { $0.name < $1.name }
        var problems = problems
        var composed: DigestComposePage.Composed?
        if composing {
            switch choice.period(now: Int64(WallClock.now)) {
            case .failure(let problem):
                problems.merge(DigestComposePage.problem(problem)) { first, _ in first }
            case .success(let period):
                composed = try await compose(choice, period, names: names, order: fields)
            }
        }
        let page = DigestComposePage.render(
            frame,
            choice: choice,
            communities: communities,
            publishers: publishers,
            composed: composed,
            problems: problems,
            refusal: refusal
        )
        return SiteResponses.page(page)
    }

    /// The vacancies of a choice, in the order a form's fields give.
    private func compose(
        _ choice: DigestComposePage.Choice,
        _ period: (start: Int64, end: Int64),
        names: [PublicKey: String],
        order fields: [(name: String, value: String)]
    ) async throws -> DigestComposePage.Composed {
        let jobs = try await DigestCandidates.jobs(
            context.replica,
            communities: Set(choice.communities.compactMap(PublicKey.init(hex:))),
            period: period,
            names: names
        )
        let entries = DigestComposePage.ordered(DigestComposer.compose(jobs), by: fields)
        let listings = Dictionary(jobs.map { ($0.reference, $0) }) { first, _ in first }
        return DigestComposePage.Composed(entries: entries, listings: listings)
    }

    /// `POST /editor/digests/new`: the vacancies reordered (`step=reorder`), or the digest
    /// published (`step=publish`) once its title and vacancies pass; else the page with its problems.
    private func post(
        _ request: Request,
        _ frame: PageFrame,
        _ visitor: Visitor,
        _ publishers: [(key: PublicKey, name: String)],
        address: String?
    ) async throws -> Response {
        let posted = try await FormBody.read(request)
        guard FormGuard.accepts(request, posted, from: visitor) else {
            return SiteResponses.page(SignInPage.forged(frame))
        }
        let fields = posted.fields
        let choice = DigestComposePage.Choice(fields)
        guard fields.last(where: { $0.name == "step" })?.value == "publish" else {
            return try await page(frame, fields, publishers, composing: true)
        }
        guard let community = PublicKey(hex: choice.publisher), visitor.account.mayWrite(.digest, in: community) else {
            return SiteResponses.page(EditorPages.forbidden(frame))
        }
        guard case .success(let period) = choice.period(now: Int64(WallClock.now)) else {
            return try await page(frame, fields, publishers, composing: true)
        }
        let names = try await PublicListings.communityNames(context.replica)
        let composed = try await compose(choice, period, names: names, order: fields)
        let (operations, problems) = DigestComposePage.operations(choice, period: period, entries: composed.entries)
        guard problems.isEmpty else {
            return try await page(frame, fields, publishers, composing: true, problems: problems)
        }
        switch try await editor.publish(
            .digest,
            in: community,
            operations,
            by: visitor,
            verb: "publish",
            address: address
        ) {
        case .success(let record): return SiteAccess.redirect("/digests/\(record.hex)")
        case .failure(let error):
            return try await page(frame, fields, publishers, composing: true, refusal: error.message)
        }
    }
}
