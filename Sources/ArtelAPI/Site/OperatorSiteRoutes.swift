import ArtelCore
import ArtelNode
import ArtelStore
import ArtelWeb
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The operator's pages (`/operator/…`): the node's health, its peers, follows, grants and accounts, and an
/// online backup to download.
///
/// They make the same store calls as `artel status`, `artel peer`, `artel follow`, `artel grant`,
/// `artel revoke` and `artel user`,
/// with the same checks, so that a change made here is the one the command would make: a serving
/// node's ``Dialer`` reads the peers every few seconds and dials one added here without a restart.
/// Only an operator reaches them: a signed-out visitor is sent to `/signin`, another role gets 403.
/// Every form must pass ``FormGuard``; every change is in the audit log with the account.
struct OperatorSiteRoutes {
    let context: APIContext

    func register(on router: Router<APIRequestContext>) {
        router.get("operator") { request, _ in try await guarded(request) { _ in try await dashboard(request) } }
        router.post("operator/backup") { request, route in
            try await guarded(request) { try await backup(request, $0, address: route.address) }
        }
        registerPeers(on: router)
        registerFollows(on: router)
        registerAccounts(on: router)
        registerGrants(on: router)
    }

    /// `GET /operator`: the node's health as `/health` and `artel status` tell it.
    private func dashboard(_ request: Request) async throws -> Response {
        let (frame, chosen) = SiteRoutes.frame(request, .node, siteName: context.nodeName)
        let peers = try await context.replica.peers()
        let health = OperatorPages.Health(
            serving: !context.lifecycle.isStopping,
            name: try await context.replica.nodeName(),
            key: context.hub.nodeKey,
            version: HealthRoutes.version,
            peersConnected: await context.hub.connectedPeers,
            peersKnown: peers.count,
            lastSync: peers.compactMap(\.synced).max(),
            summary: try await context.replica.summary(),
            replicaBytes: try context.replica.fileSize()
        )
        return SiteResponses.page(OperatorPages.dashboard(frame, health), rememberLanguage: chosen)
    }

    /// `POST /operator/backup`: a consistent copy of the replica, taken online as `artel backup`
    /// takes it (``Replica/backup(to:)``), streamed from a file that is unlinked once open.
    /// Like `artel backup`, it holds no key: the file is the replica alone.
    private func backup(_ request: Request, _ visitor: Visitor, address: String?) async throws -> Response {
        let (frame, _) = SiteRoutes.frame(request, .node, siteName: context.nodeName)
        let posted = try await FormBody.read(request)
        guard FormGuard.accepts(request, posted, from: visitor) else {
            return SiteResponses.page(SignInPage.forged(frame))
        }
        let path = context.directory.path + "/backup-\(SessionToken.make().text.prefix(16)).sqlite"
        let size = try await context.replica.backup(to: path)
        let file = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        try? FileManager.default.removeItem(atPath: path)
        try await context.audit(visitor, "backup.download", "\(size) bytes", address: address)
        let name = "artel-\(ISODates.dateTime(Int64(WallClock.now)).prefix(10)).sqlite"
        let body = ResponseBody(contentLength: Int(size)) { writer in
            defer { try? file.close() }
            while let chunk = try file.read(upToCount: 1 << 16), !chunk.isEmpty {
                try await writer.write(ByteBuffer(bytes: chunk))
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/vnd.sqlite3",
                .contentDisposition: "attachment; filename=\"\(name)\"",
                .cacheControl: "no-store",
                HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            ],
            body: body
        )
    }

    // MARK: Shared

    /// Runs `body` for a signed-in operator.
    func guarded(_ request: Request, _ body: (Visitor) async throws -> Response) async throws -> Response {
        let forbidden = {
            SiteResponses.page(OperatorPages.forbidden(SiteRoutes.frame(request, .node, siteName: context.nodeName).0))
        }
        return try await SiteAccess.guarded(request, role: .operator, home: "/operator", forbidden: forbidden, body)
    }

    /// Reads a posted form and runs `body` with it when it passes ``FormGuard``; otherwise the
    /// page that says the form was forged, and nothing changes.
    func posted(
        _ request: Request,
        _ visitor: Visitor,
        _ body: (FormBody, PageFrame) async throws -> Response
    ) async throws -> Response {
        let (frame, _) = SiteRoutes.frame(request, .node, siteName: context.nodeName)
        let form = try await FormBody.read(request)
        guard FormGuard.accepts(request, form, from: visitor) else {
            return SiteResponses.page(SignInPage.forged(frame))
        }
        return try await body(form, frame)
    }

    /// The communities the node knows, by name.
    func communities() async throws -> [(key: PublicKey, name: String)] {
        PublicListings.choices(try await PublicListings.communityNames(context.replica))
    }
}
