import ArtelCore
import ArtelFormats
import ArtelNode
import ArtelStore
import ArtelWeb
import Foundation
import HTTPTypes
import Hummingbird

/// The editor's pages (`/editor/…`): the dashboard, the pages of jobs and events
/// (``EditorFormSiteRoutes``) and of digests (``EditorDigestSiteRoutes``) of the communities an
/// account's rights name, and what they share: the guard, the signing key, the audit log.
///
/// Every write is signed with the account's author key, which the node holds (`artel user add`
/// made it), through the same ``Publisher`` and checks as `artel job post` and the API, so that
/// the serving node pushes it to its peers like any other local write. A signed-out visitor is sent
/// to `/signin`; an account that is not an editor of the record's community and kind gets 403. Every
/// form must pass ``FormGuard``; every write is in the audit log.
struct EditorSiteRoutes {
    let context: APIContext

    func register(on router: Router<APIRequestContext>) {
        router.get("editor") { request, _ in try await guarded(request) { try await dashboard(request, $0) } }
        EditorFormSiteRoutes(jobs: self).register(on: router)
        EditorFormSiteRoutes(events: self).register(on: router)
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

    // MARK: Access

    /// Runs `body` for a signed-in editor; a visitor who is not signed in is sent to sign in, an
    /// account of another role is refused.
    func guarded(_ request: Request, _ body: (Visitor) async throws -> Response) async throws -> Response {
        let forbidden = {
            SiteResponses.page(EditorPages.forbidden(SiteRoutes.frame(request, .jobs, siteName: context.nodeName).0))
        }
        return try await SiteAccess.guarded(request, role: .editor, home: "/editor", forbidden: forbidden, body)
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
        guard let record = try await context.pathRecord(kind, route), !record.state.isDeleted else {
            return SiteResponses.page(.notFound(frame))
        }
        guard visitor.account.mayWrite(kind, in: record.community) else {
            return SiteResponses.page(EditorPages.forbidden(frame))
        }
        return try await body(record, frame)
    }

    /// The communities the editor may write records of `kind` in, by name.
    func communities(_ visitor: Visitor, writing kind: RecordKind) async throws -> [(key: PublicKey, name: String)] {
        let names = try await PublicListings.communityNames(context.replica)
        return visitor.account.communities.filter { visitor.account.mayWrite(kind, in: $0) }
            .map { (key: $0, name: names[$0] ?? $0.hex) }.sorted { $0.name < $1.name }
    }

    /// When a record renewed `now` expires: as late as its kind allows, as `artel job renew` renews it.
    static func renewedExpiry(_ record: StoredRecord, _ now: UInt64) -> Int64 {
        guard case .days(let days) = record.kind.schema.expiry else { return Int64(now) }
        return Int64(now + days * 86_400_000)
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

    /// Signs and stores a new record for the account, and logs it as `<kind>.<verb>`.
    ///
    /// - Returns: the record's id, or the node's refusal (nothing is stored then).
    func publish(
        _ kind: RecordKind,
        in community: PublicKey,
        _ operations: [ArtelCore.Operation],
        by visitor: Visitor,
        verb: String,
        address: String?
    ) async throws -> Result<RecordID, DeltaError> {
        let now = WallClock.now
        let record = Publisher.newRecordID(now: now)
        do {
            _ = try await publisher(visitor).create(
                kind,
                community: community,
                record: record,
                operations: operations,
                now: now
            )
        } catch let error as DeltaError {
            return .failure(error)
        }
        try await context.audit(visitor, "\(kind.name).\(verb)", record.hex, address: address)
        return .success(record)
    }
}
