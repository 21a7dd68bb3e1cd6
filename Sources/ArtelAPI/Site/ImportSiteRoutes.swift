import ArtelCore
import ArtelFormats
import ArtelImports
import ArtelNode
import ArtelStore
import ArtelWeb
import Foundation
import Hummingbird

/// The editor's import (`/editor/import`): upload a Telegram export, a calendar or an hh.ru file,
/// see the dry run — entry by entry, what will be created or changed and what is skipped and why —
/// then import it.
///
/// The file is read by the same ``ImportFormat/read(_:_:)`` as `artel import`, and the dry run asks
/// ``Publisher/plannedOutcomes(_:community:now:)`` what the import would do, with all its checks
/// and nothing written. The upload is kept in the data directory (``PendingImports``), bound to the
/// account's session, until the editor imports it — by ``Publisher/importRecords(_:community:now:source:progress:)``,
/// signed with the account's author key, so that the serving node pushes it to its peers like any
/// local write — or an hour passes. A file its reader refuses is named with the place at fault, and
/// nothing is kept. Access and forms are checked as on the other editor pages (``EditorSiteRoutes``).
struct ImportSiteRoutes {
    let context: APIContext

    private var editor: EditorSiteRoutes { EditorSiteRoutes(context: context) }
    private var pending: PendingImports { PendingImports(context.directory) }

    func register(on router: Router<APIRequestContext>) {
        router.get("editor/import") { request, _ in try await editor.guarded(request) { try await form(request, $0) } }
        router.post("editor/import") { request, route in
            try await editor.guarded(request) { try await dryRun(request, $0) }
        }
        router.post("editor/import/commit") { request, route in
            try await editor.guarded(request) { try await commit(request, $0, address: route.address) }
        }
    }

    /// `GET /editor/import`: the upload form, its values chosen by the query (`?community=`, and
    /// the dry run's link back: `format`, `channel`, `chat`, `events`).
    private func form(_ request: Request, _ visitor: Visitor) async throws -> Response {
        let (frame, chosen) = SiteRoutes.frame(request, .jobs, siteName: context.nodeName)
        return try await page(frame, visitor, ImportPages.Upload(query: frame.parameters), rememberLanguage: chosen)
    }

    /// `POST /editor/import`: the dry run of the uploaded file, which is kept for the commit; else
    /// the form with the problem beside its field, and nothing kept.
    private func dryRun(_ request: Request, _ visitor: Visitor) async throws -> Response {
        let (frame, _) = SiteRoutes.frame(request, .jobs, siteName: context.nodeName)
        let posted: UploadForm
        do {
            posted = try await UploadForm.read(request)
        } catch is UploadForm.TooLarge {
            return try await page(frame, visitor, ImportPages.Upload(), .tooLarge(megabytes: Self.megabytes))
        }
        guard FormGuard.accepts(request, FormBody(fields: [("csrf", posted["csrf"])]), from: visitor) else {
            return SiteResponses.page(SignInPage.forged(frame))
        }
        var upload = ImportPages.Upload()
        (upload.format, upload.community) = (posted["format"], posted["community"])
        (upload.channel, upload.events) = (
            posted["channel"].trimmingCharacters(in: .whitespaces), posted["events"] == "yes"
        )
        upload.chat = posted["chat"].trimmingCharacters(in: .whitespaces)
        guard let format = ImportFormat(rawValue: upload.format) else {
            return try await page(frame, visitor, upload, .format)
        }
        let options = ImportOptions(
            channel: upload.channel,
            chat: upload.chat.isEmpty ? nil : upload.chat,
            events: upload.events,
            now: Int64(WallClock.now)
        )
        guard let community = PublicKey(hex: upload.community),
            format.kinds(options).allSatisfy({ visitor.account.mayWrite($0, in: community) })
        else { return SiteResponses.page(EditorPages.forbidden(frame)) }
        if format == .telegram && !ImportOptions.isChannelName(upload.channel) {
            return try await page(frame, visitor, upload, .channel)
        }
        guard let file = posted.file("file") else { return try await page(frame, visitor, upload, .missingFile) }
        let reading: ImportReading
        let outcomes: [RecordID: ImportOutcome]
        do {
            reading = try await format.read(file.body, options, into: community, of: context.replica)
            outcomes = try await editor.publisher(visitor).plannedOutcomes(
                reading.items,
                community: community,
                now: WallClock.now
            )
        } catch let error as FormatError {
            return try await page(frame, visitor, upload, .malformed(error))
        } catch let error as DeltaError {
            return try await page(frame, visitor, upload, .refused(detail: error.message))
        }
        let fileName = file.fileName ?? ""
        let token = try pending.keep(
            file.body,
            PendingImport(
                account: visitor.account.name,
                session: PendingImport.binding(visitor.token),
                format: format.rawValue,
                community: community.hex,
                channel: upload.channel,
                chat: options.chat,
                events: upload.events,
                fileName: fileName,
                uploaded: options.now
            )
        )
        let entries = reading.entries.map { entry in
            ImportPages.Entry(
                post: format == .telegram ? Int64(entry.source) : nil,
                records: entry.items.map {
                    (
                        title: $0.title, outcome: outcomes[$0.record].map { "\($0)" } ?? "created",
                        isEvent: $0.kind == .event
                    )
                },
                skip: entry.skip?.rawValue,
                notes: entry.notes,
                noLongerInPost: entry.noLongerInPost.map(\.title)
            )
        }
        let names = try await PublicListings.communityNames(context.replica)
        let page = ImportPages.dryRun(
            frame,
            entries: entries,
            token: token,
            file: fileName,
            community: names[community] ?? community.hex,
            upload: upload
        )
        return SiteResponses.page(page)
    }

    /// `POST /editor/import/commit`: imports the kept upload, as its dry run showed, and forgets it.
    private func commit(_ request: Request, _ visitor: Visitor, address: String?) async throws -> Response {
        let (frame, _) = SiteRoutes.frame(request, .jobs, siteName: context.nodeName)
        let posted = try await FormBody.read(request)
        guard FormGuard.accepts(request, posted, from: visitor) else {
            return SiteResponses.page(SignInPage.forged(frame))
        }
        let now = WallClock.now
        guard
            let (kept, bytes) = pending.take(
                posted["token"],
                account: visitor.account.name,
                session: visitor.token,
                now: Int64(now)
            ),
            let format = ImportFormat(rawValue: kept.format), let community = PublicKey(hex: kept.community)
        else { return try await page(frame, visitor, ImportPages.Upload(), .expired) }
        let options = ImportOptions(channel: kept.channel, chat: kept.chat, events: kept.events, now: Int64(now))
        guard format.kinds(options).allSatisfy({ visitor.account.mayWrite($0, in: community) }) else {
            return SiteResponses.page(EditorPages.forbidden(frame))
        }
        var upload = ImportPages.Upload()
        (upload.format, upload.community, upload.channel, upload.chat, upload.events) =
            (kept.format, kept.community, kept.channel, kept.chat ?? "", kept.events)
        do {
            _ = try await editor.publisher(visitor).importRecords(
                try await format.read(bytes, options, into: community, of: context.replica).items,
                community: community,
                now: now,
                source: "site import by \(visitor.account.name)"
            )
        } catch let error as FormatError {
            return try await page(frame, visitor, upload, .malformed(error))
        } catch let error as DeltaError {
            return try await page(frame, visitor, upload, .refused(detail: error.message))
        }
        pending.remove(posted["token"])
        try await editor.context.audit(visitor, "import.\(format.rawValue)", community.hex, address: address)
        return SiteAccess.redirect("/editor?done=imported")
    }

    /// The upload form, with a problem; 403 for an account that may import into no community.
    private func page(
        _ frame: PageFrame,
        _ visitor: Visitor,
        _ upload: ImportPages.Upload,
        _ problem: ImportPages.Problem? = nil,
        rememberLanguage: SiteLanguage? = nil
    ) async throws -> Response {
        let names = try await PublicListings.communityNames(context.replica)
        let communities = visitor.account.communities.filter { community in
            [RecordKind.job, .event].contains { visitor.account.mayWrite($0, in: community) }
        }
        .map { (key: $0, name: names[$0] ?? $0.hex) }.sorted { $0.name < $1.name }
        guard !communities.isEmpty else { return SiteResponses.page(EditorPages.forbidden(frame)) }
        let page = ImportPages.form(
            frame,
            upload: upload,
            communities: communities,
            maximumMegabytes: Self.megabytes,
            problem: problem
        )
        return SiteResponses.page(page, rememberLanguage: rememberLanguage)
    }

    /// The largest upload, in MB.
    private static let megabytes = UploadForm.maximumSize / (1024 * 1024)
}
